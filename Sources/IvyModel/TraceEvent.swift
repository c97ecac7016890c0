/// A candidate the filters dropped, shown by `--trace` so users can see the
/// decision instead of guessing. The candidate is raw: print it through
/// `Redactor` unless the user asked for `--show-secrets`.
public struct TraceEvent: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var ruleID: String
    public var candidate: [UInt8]
    public var prefixLength: Int
    public var reason: String

    public init(path: String, line: Int, column: Int, ruleID: String, candidate: [UInt8], prefixLength: Int, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.ruleID = ruleID
        self.candidate = candidate
        self.prefixLength = prefixLength
        self.reason = reason
    }
}
