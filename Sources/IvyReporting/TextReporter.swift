import IvyModel

/// Human output: findings grouped by file, the offending line with the secret
/// redacted and a caret under it, the fix, then a short summary ending in the verdict.
public struct TextReporter: Sendable {
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        var out = ""
        var currentPath: String?
        // Baselined findings were accepted earlier: counted in the summary, not listed.
        for finding in report.findings where !finding.baselined {
            if finding.origin.path != currentPath {
                if currentPath != nil { out += "\n" }
                currentPath = finding.origin.path
                out += style(Redactor.printable(Array(finding.origin.path.utf8)), .path) + "\n"
            }
            out += renderFinding(finding)
        }
        if options.verbose && !report.skipped.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += "skipped:\n"
            for file in report.skipped {
                out += "  \(Redactor.printable(Array(file.path.utf8))): \(file.reason.summary)\n"
            }
        }
        if !options.quiet {
            if !out.isEmpty { out += "\n" }
            out += summary(report) + "\n"
        }
        return out
    }

    func renderFinding(_ finding: Finding) -> String {
        let position = "\(finding.location.line):\(finding.location.column)"
        var line = "  \(position)  \(style(finding.severity.rawValue, .severity(finding.severity)))  \(finding.ruleID)  \(finding.message)"
        if finding.suppressed { line += style("  (suppressed: ivyscan:allow)", .dim) }
        if finding.status == .existing { line += style("  [existing]", .dim) }
        var out = line + "\n"
        if let commit = finding.origin.commit {
            var where_ = "commit \(commit.prefix(12))"
            if let author = finding.origin.author { where_ += " by \(Redactor.printable(Array(author.utf8)))" }
            if let date = finding.origin.date { where_ += " on \(DateText.day(date))" }
            if let history = finding.history {
                where_ = "first " + where_ + "; in \(history.commits) commit\(history.commits == 1 ? "" : "s"), \(history.paths) path\(history.paths == 1 ? "" : "s"); \(history.inHead ? "still in HEAD" : "gone from HEAD")"
            }
            out += "    " + style("@", .dim) + " " + where_ + "\n"
        }
        let (text, caret) = options.displayLine(finding.snippet, secretPrefixLength: finding.secretPrefixLength, primaryIsSecret: finding.isSecret)
        let flat = String(text.map { $0 == "\t" ? " " : $0 })
        let gutter = String(repeating: " ", count: 4)
        out += gutter + style("|", .dim) + " " + flat + "\n"
        let marks = String(repeating: " ", count: caret.lowerBound) + String(repeating: "^", count: max(1, caret.count))
        out += gutter + style("|", .dim) + " " + style(marks, .severity(finding.severity)) + "\n"
        out += gutter + style("= fix:", .dim) + " " + finding.remediation + "\n"
        if let verification = finding.verification {
            let status = verification.status.isLive ? style(verification.status.rawValue, .severity(.critical)) : verification.status.rawValue
            out += gutter + style("= verified:", .dim) + " " + status + " (\(verification.reason))\n"
        }
        for violation in finding.violations {
            out += gutter + style("+", .dim) + " " + style(violation.severity.rawValue, .severity(violation.severity)) + "  \(violation.ruleID)  \(violation.message)\n"
            out += gutter + "  " + style("fix:", .dim) + " " + violation.remediation + "\n"
        }
        return out
    }

    /// The closing block (`ScanSummary`), one line per aspect.
    public func summary(_ report: ScanReport) -> String {
        ScanSummary(options: options, style: style).lines(report).joined(separator: "\n")
    }

    enum Style { case path, dim, ok, severity(Severity) }

    func style(_ text: String, _ kind: Style) -> String {
        guard options.color else { return text }
        let code: String
        switch kind {
        case .path: code = "1;35"
        case .dim: code = "2"
        case .ok: code = "32"
        case .severity(let severity):
            switch severity {
            case .critical: code = "1;31"
            case .high: code = "31"
            case .medium: code = "33"
            case .low: code = "36"
            case .info: code = "2"
            }
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
