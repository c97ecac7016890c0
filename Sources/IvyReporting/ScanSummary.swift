import IvyModel

/// The end of a scan as a person reads it in two seconds: what was found
/// (by severity and by rule), what was covered and what was skipped and why,
/// what IvyMail said about the keys, and the verdict. Printed under the text
/// report, and on stderr when the reports all went to files.
struct ScanSummary {
    let options: ReportOptions
    let style: (String, TextReporter.Style) -> String

    func lines(_ report: ScanReport) -> [String] {
        let open = report.findings.filter { !$0.suppressed && !$0.baselined && $0.status != .existing }
        var lines = [found(open, in: report)]
        if !open.isEmpty { lines.append("rules: " + byRule(open)) }
        lines.append(covered(report))
        if let verified = verified(report) { lines.append(verified) }
        lines.append(verdict(report))
        return lines
    }

    private func found(_ open: [Finding], in report: ScanReport) -> String {
        var parts: [String] = []
        if open.isEmpty {
            parts.append(style("no findings", .ok))
        } else {
            let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = open.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(style(severity.rawValue, .severity(severity)))"
            }
            let files = Set(open.map(\.origin.path)).count
            parts.append("\(Self.plural(open.count, "finding")) (\(bySeverity.joined(separator: ", "))) in \(Self.plural(files, "file"))")
        }
        let unsilenced = report.findings.filter { !$0.suppressed && !$0.baselined }
        let existing = unsilenced.filter { $0.status == .existing }.count
        let suppressed = report.findings.filter(\.suppressed).count
        let baselined = report.findings.filter { !$0.suppressed && $0.baselined }.count
        if suppressed > 0 { parts.append("\(suppressed) suppressed") }
        if existing > 0 { parts.append("\(existing) already committed") }
        if baselined > 0 { parts.append("\(baselined) baselined") }
        return parts.joined(separator: " · ")
    }

    /// Each rule with the findings it flagged, violations included, most first.
    private func byRule(_ open: [Finding]) -> String {
        var counts: [String: Int] = [:]
        for finding in open { for id in Set(finding.ruleIDs) { counts[id, default: 0] += 1 } }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private func covered(_ report: ScanReport) -> String {
        var parts: [String] = []
        if let coverage = report.coverage {
            parts.append("\(coverage.scope): \(Self.plural(coverage.blobs, "blob")) (\(ByteCount.format(coverage.bytes)))")
        } else {
            parts.append("scanned \(Self.plural(report.filesScanned, "file")) (\(ByteCount.format(report.bytesScanned)))")
        }
        if !report.skipped.isEmpty {
            var reasons: [SkipReason: Int] = [:]
            for file in report.skipped { reasons[file.reason, default: 0] += 1 }
            let detail = reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            parts.append("skipped \(report.skipped.count) (\(detail)\(options.verbose ? "" : "; -v lists them"))")
        }
        if !report.problems.isEmpty { parts.append(style("\(Self.plural(report.problems.count, "unreadable file"))", .severity(.high))) }
        if report.limitExceeded { parts.append(style("regex match limit hit: part of a file unchecked", .severity(.high))) }
        parts.append(TimeFormat.formatSeconds(report.duration))
        return parts.joined(separator: " · ")
    }

    /// "IvyMail: 1 active, 2 inactive of 3 keys checked", or nil without --verify.
    private func verified(_ report: ScanReport) -> String? {
        var unique: [Fingerprint: VerificationStatus] = [:]
        for finding in report.findings { if let status = finding.verification?.status { unique[finding.fingerprint] = status } }
        guard !unique.isEmpty else { return nil }
        let counts = VerificationStatus.allCases.compactMap { status -> String? in
            let count = unique.values.filter { $0 == status }.count
            guard count > 0 else { return nil }
            return status.isLive ? style("\(count) \(status.rawValue)", .severity(.critical)) : "\(count) \(status.rawValue)"
        }
        return "IvyMail: \(counts.joined(separator: ", ")) of \(Self.plural(unique.count, "key")) checked"
    }

    private func verdict(_ report: ScanReport) -> String {
        let failing = report.gating(failOn: options.failOn).count
        let gate = report.liveKeysGate ? "live keys (--fail-on-active)" : "--fail-on \(options.failOn.rawValue)"
        let gaps = report.coverage?.gaps.count ?? 0
        if failing > 0 {
            let what = report.liveKeysGate ? Self.plural(failing, "finding") + " with a live key" : Self.plural(failing, "finding") + " at or above " + options.failOn.rawValue
            return style("FAIL", .severity(.critical)) + ": \(what)"
        }
        if gaps > 0 { return style("INCOMPLETE", .severity(.high)) + ": \(Self.plural(gaps, "coverage gap")) (listed on stderr); nothing fails \(gate)" }
        if options.strict && (!report.problems.isEmpty || report.limitExceeded) {
            let count = report.problems.count
            return style("INCOMPLETE", .severity(.high)) + ": \(count == 0 ? "part of a file" : Self.plural(count, "file")) could not be scanned (--strict); nothing fails \(gate)"
        }
        return style("PASS", .ok) + ": nothing fails \(gate)"
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(ByteCount.grouped(count)) \(noun)\(count == 1 ? "" : "s")" }
}
