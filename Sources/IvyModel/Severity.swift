/// How bad a finding is; ordered so gates can compare (`--fail-on medium`).
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, low, medium, high, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Parses user input case-insensitively; nil for anything else.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
