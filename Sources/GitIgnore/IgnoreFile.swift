/// All patterns of one ignore file (or config allowlist) plus the directory
/// they are relative to, so callers can hand over root-relative paths.
public struct IgnoreFile: Sendable {
    /// Directory of the file relative to the walk root: "" for the root, no trailing slash.
    public let base: String
    /// Label for diagnostics, e.g. "src/.gitignore".
    public let source: String
    /// Compiled patterns in file order (blank and comment lines dropped).
    public let patterns: [IgnorePattern]
    /// What the hot path reads; `patterns` is kept for diagnostics.
    let flat: Flat

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
        flat = Flat(base: Array(base.utf8), patterns: patterns)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// git's rule: the last matching pattern decides.
    public func match(_ pathRelativeToRoot: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> IgnoreMatch {
        guard let index = lastMatch(
            pathRelativeToRoot, basenameStart: PathBytes.basenameStart(pathRelativeToRoot), isDirectory: isDirectory)
        else { return .none }
        return flat.records[index].isNegated ? .included : .ignored
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

    /// Index of the deciding pattern.
    @inline(__always)
    func lastMatch(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Int? {
        flat.lastMatch(path, basenameStart: basenameStart, isDirectory: isDirectory)
    }
}

extension IgnoreFile {
    /// The patterns as trivial records over one byte pool, behind a single
    /// reference: scanning them costs no retain/release per pattern.
    final class Flat: Sendable {
        struct Record: Sendable {
            let kind: IgnorePattern.Kind
            let isDirectoryOnly: Bool
            let isNegated: Bool
            let start: Int
            let count: Int
            let literalLength: Int
        }

        let base: [UInt8]
        let records: [Record]
        let pool: [UInt8]

        init(base: [UInt8], patterns: [IgnorePattern]) {
            var pool: [UInt8] = []
            var records: [Record] = []
            for pattern in patterns {
                records.append(
                    Record(
                        kind: pattern.kind, isDirectoryOnly: pattern.isDirectoryOnly, isNegated: pattern.isNegated,
                        start: pool.count, count: pattern.body.count, literalLength: pattern.literalLength))
                pool += pattern.body
            }
            self.base = base
            self.records = records
            self.pool = pool
        }

        /// Index of the deciding pattern. Paths not strictly below `base` never
        /// match: git only consults a directory's file for what lies inside it.
        func lastMatch(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Int? {
            base.withUnsafeBufferPointer { base in
                let relative: UnsafeBufferPointer<UInt8>
                var basename = basenameStart
                if base.isEmpty {
                    relative = path
                } else {
                    let skip = base.count + 1
                    guard path.count > skip, path[base.count] == PathBytes.slash,
                        PathBytes.equal(base, 0, path, 0, count: base.count)
                    else { return nil }
                    relative = UnsafeBufferPointer(rebasing: path[skip...])
                    basename -= skip
                }
                return pool.withUnsafeBufferPointer { pool in
                    records.withUnsafeBufferPointer { records in
                        var index = records.count
                        while index > 0 {
                            index -= 1
                            let record = records[index]
                            if record.isDirectoryOnly && !isDirectory { continue }
                            let body = UnsafeBufferPointer(rebasing: pool[record.start..<(record.start + record.count)])
                            if IgnorePattern.matches(record.kind, body, record.literalLength, relative, basename) {
                                return index
                            }
                        }
                        return nil
                    }
                }
            }
        }
    }
}
