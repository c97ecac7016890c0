/// The request got no HTTP response (curl missing, DNS, TLS, timeout...).
/// The reason is shown to users, so it never holds a key.
public struct TransportError: Error, Sendable, Hashable {
    public var reason: String
    /// Worth another attempt (a reset or refused connection), unlike a missing curl.
    public var retryable: Bool

    public init(_ reason: String, retryable: Bool = false) {
        self.reason = reason
        self.retryable = retryable
    }
}
