import IvyModel

/// Output formats; drives `--format` parsing, help text and dispatch.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    /// Short output for git hooks: what blocks the commit and how to move on.
    case hook

    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// Renders a report in this format.
    public func render(_ report: ScanReport, options: ReportOptions) -> String {
        switch self {
        case .text: TextReporter(options: options).render(report)
        case .json: JSONReporter(options: options).render(report)
        case .hook: HookReporter(options: options).render(report)
        }
    }
}
