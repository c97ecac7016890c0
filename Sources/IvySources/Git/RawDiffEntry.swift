/// One entry of git's `--raw -z` diff output, plain or combined (`-c`,
/// merges): the file's blob after the change and before it, per parent.
public struct RawDiffEntry: Sendable, Hashable {
    public var path: [UInt8]
    /// The path before a rename or copy; nil otherwise.
    public var sourcePath: [UInt8]?
    public var newBlob: String
    public var newMode: String
    /// One per parent (one for plain diffs); the all-zero id means "absent".
    public var oldBlobs: [String]
    /// Status letters (`A`, `M`, `R`, `C`, `D`, `T`), one per parent.
    public var status: String

    public static let zeroID = String(repeating: "0", count: 40)

    /// Regular files and executables only: no symlinks, no submodules.
    public var isRegularFile: Bool { newMode == "100644" || newMode == "100755" }
    public var isDeletion: Bool { newBlob == RawDiffEntry.zeroID || status.allSatisfy { $0 == "D" } }
    public var presentOldBlobs: [String] { oldBlobs.filter { $0 != RawDiffEntry.zeroID } }

    /// Parses one entry: `meta` is the record starting with ':' (`::` for
    /// combined), `nextPath` yields the following NUL-separated path records.
    static func parse(meta: [UInt8], nextPath: () -> [UInt8]?) -> RawDiffEntry? {
        let colons = meta.prefix { $0 == UInt8(ascii: ":") }.count
        guard colons >= 1 else { return nil }
        let fields = meta.dropFirst(colons).split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        let parents = colons
        // modes: parents + 1, ids: parents + 1, then status.
        guard fields.count >= 2 * (parents + 1) + 1 else { return nil }
        let newMode = fields[parents]
        let oldBlobs = Array(fields[(parents + 1)..<(2 * parents + 1)])
        let newBlob = fields[2 * parents + 1]
        let status = fields[2 * parents + 2]
        guard let first = nextPath() else { return nil }
        var entry = RawDiffEntry(path: first, sourcePath: nil, newBlob: newBlob, newMode: newMode, oldBlobs: oldBlobs, status: status)
        // Renames and copies (plain diffs only) carry score digits and two paths.
        if parents == 1, let letter = status.first, letter == "R" || letter == "C" {
            guard let second = nextPath() else { return nil }
            entry.sourcePath = first
            entry.path = second
        }
        return entry
    }
}
