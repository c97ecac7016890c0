import GitIgnore

/// gitignore-style patterns from a check's parameters. A path is in the set
/// when it or a parent directory matches, exactly as git decides ignores,
/// so `public/` covers everything below it and `*.min.js` any bundle at any depth.
struct PathSet: Sendable {
    private let patterns: IgnoreStack

    init(_ patterns: [String]) {
        self.patterns = IgnoreStack(parent: nil, files: [IgnoreFile(patterns: patterns, base: "")])
    }

    func contains(_ path: String) -> Bool {
        patterns.isIgnored(path, isDirectory: false)
    }
}
