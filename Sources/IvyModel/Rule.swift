/// A detection rule as data, loaded from `rules/*.toml` or a project config.
///
/// Regexes stay source strings here; IvyMatching compiles them, so the model
/// carries no C state and can be shared freely.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var description: String
    public var severity: Severity
    /// PCRE2 patterns; each must have the named group `secretGroup`.
    public var patterns: [String]
    public var secretGroup: String
    /// Case-insensitive literals; a pattern only runs near one of them.
    public var keywords: [String]
    /// Known literal prefix of the secret (e.g. `ivym_sk_`): kept visible when
    /// redacting and excluded when judging the body's randomness.
    public var secretPrefix: String
    public var minSecretLength: Int
    /// Minimum Shannon entropy (bits per byte) of the secret's body.
    public var entropy: Double?
    /// Case-insensitive words whose presence marks a placeholder.
    public var placeholderWords: [String]
    /// Whole-secret values that are placeholders (case-insensitive, exact).
    public var placeholderValues: [String]
    /// Regexes over the secret marking values that are not literals
    /// (env lookups, template variables): such matches are compliant.
    public var allowValues: [String]
    /// Case-insensitive words that, anywhere in the file, raise the severity.
    public var contextKeywords: [String]
    public var contextSeverity: Severity?
    public var message: String
    public var remediation: String
    public var explanation: String
    public var examples: RuleExamples
    /// False when the match is not a secret (a variable name): never redacted.
    public var isSecret: Bool

    public init(
        id: String, description: String, severity: Severity, patterns: [String],
        secretGroup: String = "secret", keywords: [String], secretPrefix: String = "",
        minSecretLength: Int = 1, entropy: Double? = nil, placeholderWords: [String] = [],
        placeholderValues: [String] = [], allowValues: [String] = [],
        contextKeywords: [String] = [], contextSeverity: Severity? = nil,
        message: String, remediation: String, explanation: String = "",
        examples: RuleExamples = RuleExamples(), isSecret: Bool = true
    ) {
        self.id = id
        self.description = description
        self.severity = severity
        self.patterns = patterns
        self.secretGroup = secretGroup
        self.keywords = keywords
        self.secretPrefix = secretPrefix
        self.minSecretLength = minSecretLength
        self.entropy = entropy
        self.placeholderWords = placeholderWords
        self.placeholderValues = placeholderValues
        self.allowValues = allowValues
        self.contextKeywords = contextKeywords
        self.contextSeverity = contextSeverity
        self.message = message
        self.remediation = remediation
        self.explanation = explanation
        self.examples = examples
        self.isSecret = isSecret
    }
}
