/// Limits of one verification run; defaults from issue 5.
public struct VerifierSettings: Sendable, Hashable {
    public var base: APIBase
    /// Requests in flight at once.
    public var concurrency = 4
    /// Requests started per second, retries included.
    public var rate = 5.0
    /// Seconds per request.
    public var timeout = 10.0
    /// Seconds for the whole run; keys not checked by then are `unknown`.
    public var deadline = 120.0
    /// Attempts per key when IvyMail answers 429/5xx (first try included).
    public var maxAttempts = 4
    /// Backoff before retry n is backoffBase·2^(n-1), capped, times a jitter in [0.5, 1].
    public var backoffBase = 0.5
    public var backoffCap = 8.0
    /// The longest `Retry-After` honoured; longer ones mean "give up".
    public var retryAfterCap = 30.0

    public init(base: APIBase) { self.base = base }
}
