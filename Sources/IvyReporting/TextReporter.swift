import IvyModel

/// Human output: findings grouped by file, the offending line with the secret
/// redacted and a caret under it, the fix, then a one-line summary.
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

    func summary(_ report: ScanReport) -> String {
        let active = report.findings.filter { !$0.suppressed && !$0.baselined && $0.status != .existing }
        let existing = report.findings.filter { !$0.suppressed && !$0.baselined && $0.status == .existing }.count
        let baselined = report.findings.filter { !$0.suppressed && $0.baselined }.count
        var parts: [String] = []
        if active.isEmpty {
            parts.append(style("no findings", .ok))
        } else {
            let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = active.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(style(severity.rawValue, .severity(severity)))"
            }
            let files = Set(active.map(\.origin.path)).count
            parts.append("\(plural(active.count, "finding")) (\(bySeverity.joined(separator: ", "))) in \(plural(files, "file"))")
        }
        let suppressed = report.findings.filter(\.suppressed).count
        if suppressed > 0 { parts.append("\(suppressed) suppressed") }
        if existing > 0 { parts.append("\(existing) already committed") }
        if baselined > 0 { parts.append("\(baselined) baselined") }
        if let coverage = report.coverage {
            parts.append("\(coverage.scope): \(plural(coverage.blobs, "blob")) (\(ByteCount.format(coverage.bytes)))")
        } else {
            parts.append("scanned \(plural(report.filesScanned, "file")) (\(ByteCount.format(report.bytesScanned)))")
        }
        if !report.skipped.isEmpty {
            var reasons: [SkipReason: Int] = [:]
            for file in report.skipped { reasons[file.reason, default: 0] += 1 }
            let detail = reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            parts.append("skipped \(report.skipped.count) (\(detail))")
        }
        if !report.problems.isEmpty { parts.append(style("\(plural(report.problems.count, "error"))", .severity(.high))) }
        parts.append(TimeFormat.formatSeconds(report.duration))
        return parts.joined(separator: " · ")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

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
