/// How far a secret spread through git history, for `git history`.
public struct SecretHistory: Sendable, Hashable {
    /// Commits that added or changed a file containing the secret.
    public var commits: Int
    /// Distinct paths it appeared under.
    public var paths: Int
    /// Still present in HEAD's tree.
    public var inHead: Bool

    public init(commits: Int, paths: Int, inHead: Bool) {
        self.commits = commits
        self.paths = paths
        self.inHead = inHead
    }
}
