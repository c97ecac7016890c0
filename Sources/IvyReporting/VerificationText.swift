import IvyModel

/// One wording of a `--verify` verdict for every format, so a live key reads
/// the same in a hook, a CI widget and a code-scanning alert.
enum VerificationText {
    /// "IvyMail: active (reason); rotate it now".
    static func line(_ verification: Verification) -> String {
        var text = "IvyMail: \(verification.status.rawValue) (\(verification.reason))"
        if verification.status.isLive { text += "; the key works: rotate it now" }
        return text
    }
}
