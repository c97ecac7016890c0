import IvyModel

/// GitHub Actions workflow commands (`::error file=…,line=…::…`), so findings
/// show on the pull request's diff and the run summary without a SARIF
/// upload. Failing findings are errors, the rest warnings; suppressed and
/// baselined ones are left out. GitHub shows at most 10 of each per step and
/// 50 per job, so failing findings come first and the output stops at 50.
public struct GitHubAnnotations: Sendable {
    let options: ReportOptions
    public static let limit = 50

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        let shown = report.findings.filter { !$0.suppressed && !$0.baselined }
        let failing = shown.filter { report.isGating($0, failOn: options.failOn) }
        let other = shown.filter { !report.isGating($0, failOn: options.failOn) }
        var out = ""
        for (index, finding) in (failing + other).enumerated() {
            guard index < Self.limit else {
                out += "::notice title=ivyscan::\(Self.data("\(shown.count - Self.limit) more findings are in the report"))\n"
                break
            }
            out += annotation(finding, level: index < failing.count ? "error" : "warning")
        }
        return out
    }

    private func annotation(_ finding: Finding, level: String) -> String {
        var properties = [
            ("file", finding.origin.path),
            ("line", String(finding.location.line)),
            ("endLine", String(finding.location.endLine)),
        ]
        if finding.location.line == finding.location.endLine {
            properties.append(("col", String(finding.location.column)))
            properties.append(("endColumn", String(finding.location.endColumn)))
        }
        properties.append(("title", "ivyscan \(finding.ruleID) (\(finding.severity.rawValue))"))
        var message = "\(finding.message): \(options.display(finding))"
        if let commit = finding.origin.commit { message += " in commit \(commit.prefix(12))" }
        for violation in finding.violations { message += "\nalso \(violation.ruleID): \(violation.message)" }
        if let verification = finding.verification { message += "\n" + VerificationText.line(verification) }
        message += "\nfix: \(finding.remediation)"
        let list = properties.map { "\($0.0)=\(Self.property($0.1))" }.joined(separator: ",")
        return "::\(level) \(list)::\(Self.data(message))\n"
    }

    /// Escaping from the Actions toolkit (`escapeData`): the message may hold
    /// newlines, but a `::` of its own must not start a new command.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// `escapeProperty`: also `:` and `,`, which separate properties.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
