/// Texts a rule must and must not flag; every one runs as a test.
///
/// `%KEY%` and `%VALUE%` stand for a key and an opaque secret generated at
/// test time, so the rule files themselves hold no secret-looking literal.
public struct RuleExamples: Sendable, Equatable {
    public var positive: [String]
    public var negative: [String]

    public init(positive: [String] = [], negative: [String] = []) {
        self.positive = positive
        self.negative = negative
    }
}
