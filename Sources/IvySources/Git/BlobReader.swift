import IvyModel

/// Streams blobs out of the object store with one `git cat-file --batch`,
/// reusing one buffer; oversized blobs are read past, never kept.
public final class BlobReader {
    public enum Blob {
        case bytes(UnsafeBufferPointer<UInt8>)
        case skipped(SkipReason)
        /// Not in this clone (shallow or partial clone).
        case missing
    }

    let git: GitCommand
    let maxSize: Int
    private var warm: GitProcess?

    public init(git: GitCommand, maxSize: Int) {
        self.git = git
        self.maxSize = maxSize
    }

    /// Starts `cat-file` now, so its start-up overlaps whatever the caller
    /// does before it knows the ids (a pre-commit hook saves a git start).
    public func warmUp() {
        if warm == nil { warm = try? git.start(["cat-file", "--batch"], stdin: true) }
    }

    /// Ends a warmed-up process that was never used.
    public func close() {
        guard let process = warm else { return }
        warm = nil
        process.writeInputInBackground([])
        try? process.finish()
    }

    deinit { close() }

    /// Calls `body` once per id, in order.
    public func read(_ ids: [String], _ body: (String, Blob) -> Void) throws(GitError) {
        guard !ids.isEmpty else { return }
        let process: GitProcess
        if let warm {
            process = warm
            self.warm = nil
        } else {
            process = try git.start(["cat-file", "--batch"], stdin: true)
        }
        process.writeInputInBackground(Array(ids.joined(separator: "\n").utf8) + [0x0A])
        var buffer: [UInt8] = []
        for id in ids {
            guard let header = process.stdout.record(terminator: 0x0A) else { break }
            let fields = header.split(separator: UInt8(ascii: " "))
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
                body(id, .missing)
                continue
            }
            let type = String(decoding: fields[1], as: UTF8.self)
            if type != "blob" || size > maxSize {
                _ = process.stdout.skip(size + 1)
                body(id, .skipped(type == "blob" ? .tooLarge : .notRegularFile))
                continue
            }
            guard process.stdout.read(exactly: size, into: &buffer), process.stdout.skip(1) else { break }
            let probe = min(buffer.count, 8192)
            if buffer[..<probe].contains(0) {
                if let text = buffer.withUnsafeBufferPointer(UTF16Text.transcoded) {
                    text.withUnsafeBufferPointer { body(id, .bytes($0)) }
                } else {
                    body(id, .skipped(.binary))
                }
                continue
            }
            buffer.withUnsafeBufferPointer { body(id, .bytes($0)) }
        }
        try process.finish()
    }
}
