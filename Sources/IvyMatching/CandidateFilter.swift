import IvyBasics
import IvyModel

/// Decides whether a regex candidate is a real secret or a placeholder,
/// template or dynamic value. Every "no" carries a reason for `--trace`.
public struct CandidateFilter: Sendable {
    let rule: Rule
    private let allowValues: LazyRegexes
    private let prefix: [UInt8]
    private let words: [[UInt8]]
    private let values: Set<[UInt8]>

    /// A run of this many identical bytes (`xxxxxx`, `000000`) marks a
    /// placeholder; case-sensitive, so a random key hits it about once in 30 million.
    static let repeatRun = 6
    /// A run of this many consecutive ascending or descending bytes (`abcdef`, `654321`).
    static let sequenceRun = 6

    public init(rule: Rule) {
        self.rule = rule
        allowValues = LazyRegexes(rule.allowValues, secretGroup: nil)
        prefix = Array(rule.secretPrefix.utf8)
        words = rule.placeholderWords.map { Array($0.lowercased().utf8) }
        values = Set(rule.placeholderValues.map { Array($0.lowercased().utf8) })
    }

    /// nil when the candidate is a finding; otherwise why it was dropped.
    public func rejection(of secret: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> String? {
        if secret.count < rule.minSecretLength {
            return "shorter than \(rule.minSecretLength) bytes"
        }
        for regex in allowValues.regexes where regex.matches(secret, scratch: scratch) {
            return "value is not a literal (matches allowed value pattern \(regex.pattern))"
        }
        let lowered = secret.map(Literal.lower)
        if values.contains(lowered) {
            return "placeholder value"
        }
        let body = lowered.starts(with: prefix.map(Literal.lower)) ? Array(lowered[prefix.count...]) : lowered
        let original = secret.starts(with: prefix) ? Array(secret[prefix.count...]) : Array(secret)
        for word in words where !word.isEmpty && Self.containsWord(original, lowered: body, word) {
            return "placeholder word '\(String(decoding: word, as: UTF8.self))'"
        }
        if let run = Self.longestRepeat(original), run >= Self.repeatRun {
            return "repeated character run of \(run)"
        }
        if let run = Self.longestSequence(original), run >= Self.sequenceRun {
            return "sequential run of \(run) (like abcdef or 123456)"
        }
        if let threshold = rule.entropy {
            let entropy = Entropy.shannon(original)
            if entropy < threshold {
                return "low entropy \(Self.format(entropy)) < \(Self.format(threshold)) bits/byte"
            }
        }
        return nil
    }

    /// Long words (6+ letters) count anywhere: a random key holds one by
    /// chance about once in a billion. Short ones (`your`, `here`, `fake`)
    /// would hit about one real key in a hundred thousand that way, so they
    /// count only as a whole segment between `_`, `-`, `.` or the ends
    /// (`your_api_key_here`).
    static func containsWord(_ original: [UInt8], lowered: [UInt8], _ word: [UInt8]) -> Bool {
        if word.count >= 6 { return ByteSearch.contains(lowered, word) }
        guard word.count <= lowered.count else { return false }
        func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        for start in 0...(lowered.count - word.count) where lowered[start..<start + word.count].elementsEqual(word) {
            let end = start + word.count
            if (start == 0 || isDelimiter(original[start - 1])) && (end == original.count || isDelimiter(original[end])) {
                return true
            }
        }
        return false
    }

    static func longestRepeat(_ bytes: [UInt8]) -> Int? {
        guard var previous = bytes.first else { return nil }
        var run = 1
        var best = 1
        for byte in bytes.dropFirst() {
            run = byte == previous ? run + 1 : 1
            best = max(best, run)
            previous = byte
        }
        return best
    }

    static func longestSequence(_ bytes: [UInt8]) -> Int? {
        guard bytes.count > 1 else { return bytes.isEmpty ? nil : 1 }
        var best = 1
        var up = 1
        var down = 1
        for index in 1..<bytes.count {
            let step = Int(bytes[index]) - Int(bytes[index - 1])
            let alphanumeric = isAlphanumeric(bytes[index]) && isAlphanumeric(bytes[index - 1])
            up = step == 1 && alphanumeric ? up + 1 : 1
            down = step == -1 && alphanumeric ? down + 1 : 1
            best = max(best, up, down)
        }
        return best
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
