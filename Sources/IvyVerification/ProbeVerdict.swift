import IvyModel

/// What one probe response means, and whether asking again could help.
public struct ProbeVerdict: Sendable, Hashable {
    public var verification: Verification
    /// 429, 502-504 and broken connections: worth another attempt.
    public var retryable = false
    /// Seconds from `Retry-After`, when the server sent one.
    public var retryAfter: Double?
    /// Set when IvyMail answered 200: the probe may have sent something.
    public var warning: String?

    public init(_ verification: Verification, retryable: Bool = false, retryAfter: Double? = nil, warning: String? = nil) {
        self.verification = verification
        self.retryable = retryable
        self.retryAfter = retryAfter
        self.warning = warning
    }
}
