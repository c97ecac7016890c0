/// What a git-mode scan covered, and what it could not, said plainly so a
/// shallow clone never passes as clean.
public struct GitCoverage: Sendable, Hashable {
    /// e.g. "staged changes", "range a1b2c3d..e4f5a6b (4 commits)".
    public var scope: String
    public var commits: Int
    public var blobs: Int
    public var bytes: Int
    /// Each a sentence naming what was not covered and how to fix it.
    public var gaps: [String]

    public init(scope: String, commits: Int = 0, blobs: Int = 0, bytes: Int = 0, gaps: [String] = []) {
        self.scope = scope
        self.commits = commits
        self.blobs = blobs
        self.bytes = bytes
        self.gaps = gaps
    }
}
