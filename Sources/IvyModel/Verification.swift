/// The outcome of checking one key against IvyMail (`--verify`), with a
/// human reason, so `unknown` always says why there was no clear answer.
public struct Verification: Sendable, Hashable {
    public var status: VerificationStatus
    /// Never contains the key.
    public var reason: String

    public init(_ status: VerificationStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }
}
