import IvyModel

/// Output formats; drives `--format` parsing, help text and dispatch.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    /// Short output for git hooks: what blocks the commit and how to move on.
    case hook
    /// SARIF 2.1.0, for GitHub code scanning.
    case sarif
    /// JUnit XML, for CI test-report widgets.
    case junit
    /// GitLab's secret-detection report (`gl-secret-detection-report.json`).
    case gitlab

    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// Renders a report in this format.
    public func render(_ report: ScanReport, options: ReportOptions) -> String {
        switch self {
        case .text: TextReporter(options: options).render(report)
        case .json: JSONReporter(options: options).render(report)
        case .hook: HookReporter(options: options).render(report)
        case .sarif: SARIFReporter(options: options).render(report)
        case .junit: JUnitReporter(options: options).render(report)
        case .gitlab: GitLabReporter(options: options).render(report)
        }
    }

    /// The format a report file's name implies, so `-o report.sarif` needs
    /// no `--format`: `.sarif` (and `.sarif.json`) SARIF, `.xml` JUnit,
    /// `gl-secret-detection*.json` GitLab, other `.json` JSON, `.txt` text.
    public static func inferred(fromPath path: String) -> ReportFormat? {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        if name.hasSuffix(".sarif") || name.hasSuffix(".sarif.json") { return .sarif }
        if name.hasSuffix(".xml") { return .junit }
        if name.hasPrefix("gl-secret-detection") && name.hasSuffix(".json") { return .gitlab }
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".txt") { return .text }
        return nil
    }
}
