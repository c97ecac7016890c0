import IvyModel

/// What a report says about a rule or hygiene check, independent of whether
/// it found anything: SARIF lists every rule in force, so code scanning can
/// show a rule's help and close alerts of rules that went quiet.
public struct RuleMetadata: Sendable, Equatable {
    public var id: String
    public var description: String
    public var severity: Severity
    public var message: String
    public var remediation: String
    /// Long text of `ivyscan explain` (may be empty).
    public var explanation: String
    /// A hygiene check: it adds violations to findings of other rules.
    public var isCheck: Bool

    public init(id: String, description: String, severity: Severity, message: String, remediation: String,
                explanation: String = "", isCheck: Bool = false) {
        self.id = id
        self.description = description
        self.severity = severity
        self.message = message
        self.remediation = remediation
        self.explanation = explanation
        self.isCheck = isCheck
    }

    /// A detection rule; its context-raised severity counts, so a header
    /// literal near IvyMail context is not under-rated.
    public init(_ rule: Rule) {
        self.init(id: rule.id, description: rule.description, severity: max(rule.severity, rule.contextSeverity ?? rule.severity),
                  message: rule.message, remediation: rule.remediation, explanation: rule.explanation)
    }

    public init(_ check: Check) {
        self.init(id: check.id, description: check.description, severity: check.severity, message: check.message,
                  remediation: check.remediation, explanation: check.explanation, isCheck: true)
    }

    /// Every rule a report must describe: those in force, then any rule a
    /// finding or violation names that the list lacks (e.g. a report built
    /// without config), described from the finding itself.
    static func complete(_ known: [RuleMetadata], for findings: [Finding]) -> [RuleMetadata] {
        var rules = known
        var seen = Set(known.map(\.id))
        for finding in findings {
            if seen.insert(finding.ruleID).inserted {
                rules.append(RuleMetadata(id: finding.ruleID, description: finding.message, severity: finding.severity,
                                          message: finding.message, remediation: finding.remediation))
            }
            for violation in finding.violations where seen.insert(violation.ruleID).inserted {
                rules.append(RuleMetadata(id: violation.ruleID, description: violation.message, severity: violation.severity,
                                          message: violation.message, remediation: violation.remediation, isCheck: true))
            }
        }
        return rules
    }
}
