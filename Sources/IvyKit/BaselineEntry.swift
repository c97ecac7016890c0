/// One accepted secret in a baseline. Keyed by rule and a salted hash of the
/// secret, never by path, line or commit, so moving code, reformatting or
/// rebasing keeps it valid and a different secret on the same line is new.
public struct BaselineEntry: Sendable, Hashable, Codable {
    public var ruleID: String
    /// Lowercase hex HMAC-SHA256 of rule id NUL secret, keyed by the file's salt.
    public var hash: String
    /// The secret redacted as reports show it, so people can tell entries apart.
    public var match: String?
    /// Why this finding is accepted; `baseline audit` flags entries without one.
    public var reason: String?
    public var owner: String?
    /// `YYYY-MM-DD`; after this day `baseline audit` reports the entry as expired.
    public var expires: String?

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id", hash, match, reason, owner, expires
    }

    public init(ruleID: String, hash: String, match: String? = nil, reason: String? = nil, owner: String? = nil, expires: String? = nil) {
        self.ruleID = ruleID
        self.hash = hash
        self.match = match
        self.reason = reason
        self.owner = owner
        self.expires = expires
    }

    /// What identifies the entry: rule and keyed hash.
    public var key: String { ruleID + "\u{0}" + hash }

    /// A valid `YYYY-MM-DD` date (month 1–12, day 1–31).
    public static func isValidDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { return false }
        guard let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
