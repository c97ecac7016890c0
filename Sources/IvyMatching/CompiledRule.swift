import IvyModel

/// A rule with its regexes compiled; shared read-only by all workers.
public struct CompiledRule: Sendable {
    public let rule: Rule
    let regexes: [PCRE2Regex]
    let filter: CandidateFilter
    /// Indices into the detector's keyword table.
    let keywordIndices: [Int]
    let contextLiterals: [Literal]

    init(rule: Rule, keywordIndices: [Int]) throws(RuleError) {
        self.rule = rule
        var regexes: [PCRE2Regex] = []
        do {
            for pattern in rule.patterns { regexes.append(try PCRE2Regex(pattern, secretGroup: rule.secretGroup)) }
            filter = try CandidateFilter(rule: rule)
        } catch {
            throw RuleError(ruleID: rule.id, message: error.description)
        }
        guard !regexes.isEmpty else { throw RuleError(ruleID: rule.id, message: "has no regex") }
        self.regexes = regexes
        self.keywordIndices = keywordIndices
        contextLiterals = rule.contextKeywords.filter { !$0.isEmpty }.map(Literal.init)
    }
}
