import IvyBasics

/// Patterns compiled (and JIT-compiled) on first use, once, by whichever
/// worker needs them first. Most files never hit a keyword, and a
/// pre-commit run over three files should not pay to compile every rule.
final class LazyRegexes: @unchecked Sendable {
    private let patterns: [String]
    private let secretGroup: String?
    private let lock = Lock()
    private var compiled: [PCRE2Regex]?

    init(_ patterns: [String], secretGroup: String?) {
        self.patterns = patterns
        self.secretGroup = secretGroup
    }

    /// Patterns that fail to compile are left out: rules are validated when
    /// loaded (`RuleDecoder`) and the embedded ones by tests.
    var regexes: [PCRE2Regex] {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let made = patterns.compactMap { try? PCRE2Regex($0, secretGroup: secretGroup) }
        compiled = made
        return made
    }
}
