/// `[[allowlist.fingerprints]]`: one known, harmless secret (a published test
/// key) accepted everywhere by its fingerprint, with the reason on record.
/// The fingerprint, not the value, goes in the config so the config itself
/// never holds a key-shaped string.
public struct AllowedFingerprint: Sendable, Equatable {
    /// Lowercase hex SHA-256, as in the JSON report's `fingerprint`.
    public var fingerprint: String
    public var reason: String

    public init(fingerprint: String, reason: String) {
        self.fingerprint = fingerprint
        self.reason = reason
    }
}
