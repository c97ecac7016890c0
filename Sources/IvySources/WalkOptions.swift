import IvyBasics

/// How the walker enumerates and reads files.
public struct WalkOptions: Sendable {
    public var threads: Int
    public var maxFileSize: Int
    /// Honour .gitignore, .git/info/exclude and .ivyscanignore.
    public var respectIgnore: Bool
    /// Ask git for the file list inside a work tree.
    public var useGit: Bool
    /// Files a config allowlists by path are never opened.
    public var isAllowlisted: (@Sendable (_ absolutePath: String) -> Bool)?
    /// Counts files found and read, for a progress line.
    public var progress: ScanProgress?

    public init(threads: Int, maxFileSize: Int = 10 << 20, respectIgnore: Bool = true, useGit: Bool = true,
                isAllowlisted: (@Sendable (String) -> Bool)? = nil) {
        self.threads = max(1, threads)
        self.maxFileSize = maxFileSize
        self.respectIgnore = respectIgnore
        self.useGit = useGit
        self.isAllowlisted = isAllowlisted
    }
}
