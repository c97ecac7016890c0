/// What a live check against IvyMail concluded about one key.
public enum VerificationStatus: String, Sendable, Hashable, CaseIterable {
    /// IvyMail authenticated the key: rotate it now.
    case active
    /// IvyMail rejected the key as invalid or revoked.
    case inactive
    /// The key exists but IvyMail refused it here (e.g. an IP allowlist): still live.
    case restricted
    /// No clear answer (network, 5xx, rate limit, a proxy page, a redirect...).
    case unknown

    /// Active and restricted keys both work somewhere; both need rotating.
    public var isLive: Bool { self == .active || self == .restricted }
}
