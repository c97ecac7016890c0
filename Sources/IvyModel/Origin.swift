/// Where a fragment of bytes came from: a file on disk, or a blob in git.
public struct Origin: Sendable, Hashable {
    /// Display path: relative to the scan root (or repository root for git
    /// modes), `/`-separated.
    public var path: String
    /// The commit the blob was found in (git range, history, pre-push).
    public var commit: String?
    public var author: String?
    /// Commit time, seconds since 1970.
    public var date: Int?

    public init(path: String, commit: String? = nil, author: String? = nil, date: Int? = nil) {
        self.path = path
        self.commit = commit
        self.author = author
        self.date = date
    }
}
