/// One cached verdict: a keyed hash of the key (never the key, never its
/// plain fingerprint), what IvyMail said, and when, in Unix seconds.
struct VerificationCacheEntry: Codable, Sendable, Hashable {
    /// Lowercase hex HMAC-SHA256 under the file's salt (`VerificationCache.hash`).
    var hash: String
    /// `active`, `inactive` or `restricted`: `unknown` is never cached.
    var status: String
    var reason: String
    var checkedAt: Int
}
