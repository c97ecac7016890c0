/// Why `baseline audit` lists an entry: each is a reason the baseline has
/// started to rot and someone should look at it.
public enum BaselineStaleness: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Past its `expires` day: the acceptance was temporary.
    case expired
    /// The secret is no longer found: the entry only hides a future reintroduction.
    case unused
    /// Nobody wrote down why the finding is accepted.
    case missingReason = "missing-reason"

    public static func < (lhs: BaselineStaleness, rhs: BaselineStaleness) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
