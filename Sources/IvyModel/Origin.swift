/// Where a fragment of bytes came from.
public struct Origin: Sendable, Hashable {
    /// Display path: relative to the scan root, `/`-separated.
    public var path: String
    /// Set when the bytes came from a git object (later issues).
    public var commit: String?

    public init(path: String, commit: String? = nil) {
        self.path = path
        self.commit = commit
    }
}
