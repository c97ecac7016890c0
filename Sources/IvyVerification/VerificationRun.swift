import IvyModel

/// The outcome of verifying a set of keys: one verdict per unique key.
public struct VerificationRun: Sendable {
    /// Keyed by the key's bytes; held in memory only, never printed.
    public var results: [[UInt8]: Verification] = [:]
    /// Loud problems for stderr (e.g. IvyMail answered 200 to the probe).
    public var warnings: [String] = []
    /// HTTP requests made, retries included.
    public var requests = 0
    /// Keys answered from the verification cache, without a request.
    public var cached = 0

    public init() {}

    public var liveCount: Int { results.values.filter(\.status.isLive).count }
}
