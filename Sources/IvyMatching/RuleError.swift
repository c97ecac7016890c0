/// A rule that cannot be used, named by id so the user can find it.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var ruleID: String
    public var message: String

    public init(ruleID: String, message: String) {
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String { "rule '\(ruleID)': \(message)" }
}
