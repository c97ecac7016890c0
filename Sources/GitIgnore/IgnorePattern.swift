/// One line of a .gitignore-style file, compiled the way git's dir.c
/// compiles it, so that even git's quirks (literal-prefix stripping before
/// wildmatch, `*literal` shortcuts) give the same verdicts.
public struct IgnorePattern: Sendable {
    /// The pattern as git prints it in `check-ignore -v` (trailing spaces
    /// trimmed, `!` and `/` kept), for diagnostics.
    public let source: String
    /// 1-based line in the file it came from; 0 when built from a lone line.
    public internal(set) var lineNumber: Int = 0
    /// A `!` pattern: a match re-includes instead of ignoring.
    public let isNegated: Bool
    /// A trailing `/`: only directories can match.
    public let isDirectoryOnly: Bool

    /// How a pattern is matched; the basename forms are git's NODIR patterns.
    enum Kind: Sendable {
        /// No wildcard and no slash: compare the basename.
        case basenameLiteral
        /// `*` followed by a literal without slash: basename suffix test.
        case basenameSuffix
        /// Wildcards but no slash: wildmatch on the basename, `*` free to roam.
        case basenameGlob
        /// Contains a slash: anchored to the file's directory.
        case path
    }

    let kind: Kind
    /// The pattern proper: without `!`, the trailing `/` and (for `.path`) a leading `/`.
    let body: [UInt8]
    /// Length of the wildcard-free head of `body` (git's nowildcardlen); for
    /// `.path` git compares it literally and runs wildmatch on the rest only.
    let literalLength: Int

    /// Returns nil for blank lines, comments and lines that cannot match
    /// anything (`!`, `/`, only spaces).
    public init?(line: some Collection<UInt8>) {
        var bytes = Array(line)
        // git treats each line as a C string.
        if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
        if bytes.first == UInt8(ascii: "#") { return nil }
        IgnorePattern.trimTrailingSpaces(&bytes)
        if bytes.isEmpty { return nil }
        source = String(decoding: bytes, as: UTF8.self)

        var start = 0
        isNegated = bytes[0] == UInt8(ascii: "!")
        if isNegated { start = 1 }
        var end = bytes.count
        isDirectoryOnly = end > start && bytes[end - 1] == PathBytes.slash
        if isDirectoryOnly { end -= 1 }
        var body = Array(bytes[start..<end])
        if body.isEmpty { return nil }

        var literal = body.firstIndex(where: Wildmatch.isGlobSpecial) ?? body.count
        if !body.contains(PathBytes.slash) {
            if literal == body.count {
                kind = .basenameLiteral
            } else if body[0] == UInt8(ascii: "*") && !body.dropFirst().contains(where: Wildmatch.isGlobSpecial) {
                kind = .basenameSuffix
            } else {
                kind = .basenameGlob
            }
        } else {
            kind = .path
            if body[0] == PathBytes.slash {
                body.removeFirst()
                literal -= 1
            }
        }
        self.body = body
        literalLength = literal
    }

    /// String convenience for config allowlists; same rules as a file line.
    public init?(_ line: String) {
        self.init(line: line.utf8)
    }

    /// git's trim_trailing_spaces: drop unescaped trailing spaces (not tabs);
    /// a backslash protects the next byte and stays in the pattern.
    static func trimTrailingSpaces(_ bytes: inout [UInt8]) {
        var firstTrailingSpace: Int?
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "):
                if firstTrailingSpace == nil { firstTrailingSpace = i }
            case UInt8(ascii: "\\"):
                i += 1
                if i == bytes.count { return }
                firstTrailingSpace = nil
            default:
                firstTrailingSpace = nil
            }
            i += 1
        }
        if let cut = firstTrailingSpace { bytes.removeSubrange(cut...) }
    }

    /// `relativePath` is relative to the directory of the pattern's file.
    public func matches(_ relativePath: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
        matches(relativePath, basenameStart: PathBytes.basenameStart(relativePath), isDirectory: isDirectory)
    }

    public func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
        PathBytes.withBytes(relativePath) { matches($0, isDirectory: isDirectory) }
    }

    /// `basenameStart` is shared by all patterns of a stack, so it is computed once per path.
    @inline(__always)
    func matches(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
        if isDirectoryOnly && !isDirectory { return false }
        return body.withUnsafeBufferPointer {
            Self.matches(kind, $0, literalLength, path, basenameStart)
        }
    }

    /// The matcher proper, on raw parts so IgnoreFile can keep all bodies in
    /// one flat buffer and the hot loop touches no reference counts.
    @inline(__always)
    static func matches(
        _ kind: Kind, _ pattern: UnsafeBufferPointer<UInt8>, _ literalLength: Int,
        _ path: UnsafeBufferPointer<UInt8>, _ basenameStart: Int
    ) -> Bool {
        switch kind {
        case .basenameLiteral:
            return path.count - basenameStart == pattern.count
                && PathBytes.equal(pattern, 0, path, basenameStart, count: pattern.count)
        case .basenameSuffix:
            let suffix = pattern.count - 1
            return path.count - basenameStart >= suffix
                && PathBytes.equal(pattern, 1, path, path.count - suffix, count: suffix)
        case .basenameGlob:
            return Wildmatch.matches(
                pattern: pattern, text: UnsafeBufferPointer(rebasing: path[basenameStart...]), pathname: false)
        case .path:
            let prefix = literalLength
            if prefix > 0 {
                if prefix > path.count || !PathBytes.equal(pattern, 0, path, 0, count: prefix) { return false }
                if prefix == pattern.count && prefix == path.count { return true }
            }
            // The wildcard part starts fresh after the literal head, exactly as
            // in git: "a/b**" lets the "**" cross slashes.
            return Wildmatch.matches(
                pattern: UnsafeBufferPointer(rebasing: pattern[prefix...]),
                text: UnsafeBufferPointer(rebasing: path[prefix...]), pathname: true)
        }
    }
}
