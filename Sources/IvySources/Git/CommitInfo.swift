/// A commit's identity as reported with findings.
public struct CommitInfo: Sendable, Hashable {
    public var id: String
    public var parents: [String]
    public var author: String
    /// Author time, seconds since 1970.
    public var date: Int

    public init(id: String, parents: [String], author: String, date: Int) {
        self.id = id
        self.parents = parents
        self.author = author
        self.date = date
    }
}
