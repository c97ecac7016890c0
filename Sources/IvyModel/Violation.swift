/// One more thing wrong with a finding's secret besides the rule that found
/// it: the same key can be hardcoded, shipped to browsers and shared between
/// development and production at once, and the report shows it once with
/// all of that.
public struct Violation: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var remediation: String

    public init(ruleID: String, severity: Severity, message: String, remediation: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.remediation = remediation
    }
}
