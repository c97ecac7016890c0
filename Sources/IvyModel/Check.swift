/// A hygiene rule that needs more than a regex: it judges where a secret
/// sits (client-side code, a committed .env file) or how it is shared across
/// files (the same key in development and production). Its parameters are
/// data (`rules/hygiene.toml`), tunable per project in `.ivyscan.toml`.
public struct Check: Sendable, Equatable {
    public var id: String
    public var description: String
    public var severity: Severity
    public var message: String
    public var remediation: String
    public var explanation: String
    /// Named lists: path globs, name suffixes, section names, prefixes.
    public var parameters: [String: [String]]

    public init(id: String, description: String, severity: Severity, message: String, remediation: String,
                explanation: String = "", parameters: [String: [String]] = [:]) {
        self.id = id
        self.description = description
        self.severity = severity
        self.message = message
        self.remediation = remediation
        self.explanation = explanation
        self.parameters = parameters
    }

    public func list(_ name: String) -> [String] { parameters[name] ?? [] }

    /// The violation this check adds to a finding.
    public func violation(_ detail: String? = nil) -> Violation {
        Violation(ruleID: id, severity: severity, message: detail.map { "\(message): \($0)" } ?? message, remediation: remediation)
    }
}
