import GitIgnore

/// gitignore-style patterns from a check's parameters, matched against a
/// path and each of its parent directories (so `public/` covers everything
/// below it and `*.min.js` any bundle at any depth).
struct PathSet: Sendable {
    private let patterns: IgnoreFile

    init(_ patterns: [String]) {
        self.patterns = IgnoreFile(patterns: patterns, base: "")
    }

    func contains(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        var prefix = ""
        for (index, component) in components.enumerated() {
            prefix += (prefix.isEmpty ? "" : "/") + component
            if patterns.match(prefix, isDirectory: index < components.count - 1) == .ignored { return true }
        }
        return false
    }
}
