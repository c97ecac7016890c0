import IvyModel

/// A rule ready to match; its regexes compile on first use. Shared
/// read-only by all workers.
public struct CompiledRule: Sendable {
    public let rule: Rule
    private let lazyRegexes: LazyRegexes
    let filter: CandidateFilter
    var regexes: [PCRE2Regex] { lazyRegexes.regexes }
    /// Indices into the detector's keyword table.
    let keywordIndices: [Int]
    let contextLiterals: [Literal]

    init(rule: Rule, keywordIndices: [Int]) throws(RuleError) {
        self.rule = rule
        guard !rule.patterns.isEmpty else { throw RuleError(ruleID: rule.id, message: "has no regex") }
        lazyRegexes = LazyRegexes(rule.patterns, secretGroup: rule.secretGroup)
        filter = CandidateFilter(rule: rule)
        self.keywordIndices = keywordIndices
        contextLiterals = rule.contextKeywords.filter { !$0.isEmpty }.map(Literal.init)
    }
}
