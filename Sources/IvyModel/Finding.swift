/// One secret (or bad header) at one place.
///
/// Holds the raw secret in memory so fingerprints and verification can use
/// it; reporters must redact it unless the user passed `--show-secrets`.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var origin: Origin
    public var location: Location
    public var secret: [UInt8]
    /// Visible part of the secret kept when redacting (the rule's prefix).
    public var secretPrefixLength: Int
    public var fingerprint: Fingerprint
    public var message: String
    public var remediation: String
    public var snippet: Snippet
    /// Silenced by an inline `ivyscan:allow` comment; reported, never gating.
    public var suppressed: Bool
    /// Set by git modes.
    public var status: FindingStatus?
    /// Set by `git history`.
    public var history: SecretHistory?
    /// For a key found inside encoded text, the decodings that revealed it
    /// ("base64", "base64 → percent"); the location is the encoded text's.
    public var decoding: String?
    /// Hygiene rules the same secret breaks here (client-side, dev/prod reuse, ...).
    public var violations: [Violation] = []
    public var context = FindingContext()
    /// False for findings that are not secrets (a variable name, a log call):
    /// shown as is, never redacted.
    public var isSecret = true
    /// Set by `--verify`: whether IvyMail says the key is live; nil when not checked.
    public var verification: Verification? = nil
    /// Recorded in the baseline (`--baseline`): accepted earlier, listed in
    /// JSON and counted, never gating.
    public var baselined = false

    /// Adds a violation and raises the severity to the worst of them.
    public mutating func add(_ violation: Violation) {
        guard violation.ruleID != ruleID, !violations.contains(where: { $0.ruleID == violation.ruleID }) else { return }
        violations.append(violation)
        severity = max(severity, violation.severity)
    }

    /// Every rule this finding breaks, its own first.
    public var ruleIDs: [String] { [ruleID] + violations.map(\.ruleID) }

    public init(
        ruleID: String, severity: Severity, origin: Origin, location: Location, secret: [UInt8],
        secretPrefixLength: Int, fingerprint: Fingerprint, message: String, remediation: String,
        snippet: Snippet, suppressed: Bool, status: FindingStatus? = nil, history: SecretHistory? = nil,
        decoding: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.origin = origin
        self.location = location
        self.secret = secret
        self.secretPrefixLength = secretPrefixLength
        self.fingerprint = fingerprint
        self.message = message
        self.remediation = remediation
        self.snippet = snippet
        self.suppressed = suppressed
        self.status = status
        self.history = history
        self.decoding = decoding
    }
}
