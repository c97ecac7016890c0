/// All patterns of one ignore file (or config allowlist) plus the directory
/// they are relative to, so callers can hand over root-relative paths.
public struct IgnoreFile: Sendable {
    /// Directory of the file relative to the walk root: "" for the root, no trailing slash.
    public let base: String
    /// Label for diagnostics, e.g. "src/.gitignore".
    public let source: String
    /// Compiled patterns in file order (blank and comment lines dropped).
    public let patterns: [IgnorePattern]
    private let baseBytes: [UInt8]

    /// Splits like git: on LF, a UTF-8 BOM skipped, one CR before each LF dropped.
    public init(contents: some Collection<UInt8>, base: String, source: String = "") {
        var bytes = Array(contents)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var patterns: [IgnorePattern] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var end = newline
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if var pattern = IgnorePattern(line: bytes[start..<end]) {
                pattern.lineNumber = lineNumber
                patterns.append(pattern)
            }
            start = newline + 1
        }
        self.init(compiled: patterns, base: base, source: source)
    }

    /// For config allowlists: each string is one line (comments and blanks skipped).
    public init(patterns: [String], base: String, source: String = "") {
        var compiled: [IgnorePattern] = []
        for (index, line) in patterns.enumerated() {
            if var pattern = IgnorePattern(line) {
                pattern.lineNumber = index + 1
                compiled.append(pattern)
            }
        }
        self.init(compiled: compiled, base: base, source: source)
    }

    public init(compiled patterns: [IgnorePattern], base: String, source: String = "") {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.source = source
        self.patterns = patterns
        baseBytes = Array(base.utf8)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// git's rule: the last matching pattern decides.
    public func match(_ pathRelativeToRoot: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> IgnoreMatch {
        guard let index = lastMatch(
            pathRelativeToRoot, basenameStart: PathBytes.basenameStart(pathRelativeToRoot), isDirectory: isDirectory)
        else { return .none }
        return patterns[index].isNegated ? .included : .ignored
    }

    public func match(_ pathRelativeToRoot: String, isDirectory: Bool) -> IgnoreMatch {
        PathBytes.withBytes(pathRelativeToRoot) { match($0, isDirectory: isDirectory) }
    }

    public func match(_ pathRelativeToRoot: [UInt8], isDirectory: Bool) -> IgnoreMatch {
        pathRelativeToRoot.withUnsafeBufferPointer { match($0, isDirectory: isDirectory) }
    }

    /// The deciding pattern, for "ignored by src/.gitignore:3" messages.
    public func decidingPattern(_ pathRelativeToRoot: String, isDirectory: Bool) -> IgnorePattern? {
        PathBytes.withBytes(pathRelativeToRoot) { path in
            lastMatch(path, basenameStart: PathBytes.basenameStart(path), isDirectory: isDirectory).map { patterns[$0] }
        }
    }

    /// Index of the deciding pattern. Paths not strictly below `base` never
    /// match: git only consults a directory's file for what lies inside it.
    @inline(__always)
    func lastMatch(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Int? {
        let relative: UnsafeBufferPointer<UInt8>
        var basename = basenameStart
        if baseBytes.isEmpty {
            relative = path
        } else {
            let skip = baseBytes.count + 1
            guard path.count > skip, path[baseBytes.count] == PathBytes.slash,
                baseBytes.withUnsafeBufferPointer({ PathBytes.equal($0, 0, path, 0, count: $0.count) })
            else { return nil }
            relative = UnsafeBufferPointer(rebasing: path[skip...])
            basename -= skip
        }
        var index = patterns.count
        while index > 0 {
            index -= 1
            if patterns[index].matches(relative, basenameStart: basename, isDirectory: isDirectory) { return index }
        }
        return nil
    }
}
