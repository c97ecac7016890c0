import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern. Immutable after init, so one
/// instance is shared by all workers; per-worker state lives in `MatchScratch`.
public final class PCRE2Regex: @unchecked Sendable {
    public let pattern: String
    let code: OpaquePointer
    /// Capture group numbers carrying the secret; with `(?J)` one name may
    /// label several alternatives, and the first one set wins.
    public let secretGroups: [Int]
    public let captureCount: Int

    /// Compiles `pattern`; `secretGroup` nil means "the whole match".
    public init(_ pattern: String, secretGroup: String? = nil) throws(PatternError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let options = UInt32(PCRE2_DOLLAR_ENDONLY)
        guard let code = bytes.withUnsafeBufferPointer({ buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }) else {
            throw PatternError(pattern: pattern, message: PCRE2Regex.message(for: errorCode), offset: errorOffset)
        }
        self.code = code
        var count: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        guard captureCount < MatchScratch.pairCapacity else {
            pcre2_code_free_8(code)
            throw PatternError(pattern: pattern, message: "too many capture groups (\(count)); at most \(MatchScratch.pairCapacity - 1)", offset: 0)
        }
        if let secretGroup {
            let groups = PCRE2Regex.groupNumbers(code, named: secretGroup)
            guard !groups.isEmpty else {
                pcre2_code_free_8(code)
                throw PatternError(pattern: pattern, message: "no capture group named '\(secretGroup)' for the secret", offset: 0)
            }
            secretGroups = groups
        } else {
            secretGroups = [0]
        }
        // JIT is an optimisation: when unavailable, the interpreter still matches.
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
    }

    deinit { pcre2_code_free_8(code) }

    /// Calls `body` for each match in `subject[start..<end]` (lookbehind may see
    /// bytes before `start`), with the whole-match range and the secret range.
    /// Returns false if PCRE2 hit a resource limit (the caller reports it).
    @discardableResult
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scratch: MatchScratch,
        _ body: (_ match: Range<Int>, _ secret: Range<Int>) -> Void
    ) -> Bool {
        guard let base = subject.baseAddress, start <= end, end <= subject.count else { return true }
        var offset = start
        let unset = MatchScratch.unset
        while offset <= end {
            let rc = pcre2_match_8(code, base, end, offset, 0, scratch.matchData, scratch.context)
            if rc == PCRE2_ERROR_NOMATCH { return true }
            if rc < 0 { return false }
            let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
            let matchStart = ovector[0]
            let matchEnd = ovector[1]
            for group in secretGroups where ovector[2 * group] != unset {
                body(matchStart..<matchEnd, ovector[2 * group]..<ovector[2 * group + 1])
                break
            }
            offset = matchEnd > matchStart ? matchEnd : matchEnd + 1
        }
        return true
    }

    /// True when the pattern matches anywhere in `bytes`.
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> Bool {
        guard let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1) else { return false }
        let rc = pcre2_match_8(code, base, bytes.count, 0, 0, scratch.matchData, scratch.context)
        return rc >= 0
    }

    public func matches(_ bytes: [UInt8], scratch: MatchScratch) -> Bool {
        bytes.withUnsafeBufferPointer { matches($0, scratch: scratch) }
    }

    private static func groupNumbers(_ code: OpaquePointer, named name: String) -> [Int] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafeMutableRawPointer?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, count > 0 else { return [] }
        let wanted = Array(name.utf8)
        var groups: [Int] = []
        let entries = table.assumingMemoryBound(to: UInt8.self)
        for index in 0..<Int(count) {
            let entry = entries + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var nameBytes: [UInt8] = []
            var cursor = entry + 2
            while cursor.pointee != 0 {
                nameBytes.append(cursor.pointee)
                cursor += 1
            }
            if nameBytes == wanted { groups.append(number) }
        }
        return groups.sorted()
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(errorCode, $0.baseAddress, $0.count) }
        return length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "PCRE2 error \(errorCode)"
    }
}
