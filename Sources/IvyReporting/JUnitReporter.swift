import IvyModel

/// JUnit XML for CI test-report widgets (GitLab, Jenkins, GitHub test
/// reporters), valid against Ant's strict schema (so no `file` attribute).
///
/// One `testsuite` per file with findings and one `testcase` per finding.
/// A case fails exactly when its finding fails the scan (`gating`), so a red
/// test means a red job; suppressed and below-threshold findings are
/// `skipped` with the reason. A last suite, `ivyscan`, holds one passing
/// "scan completed" case, so a clean scan is one green test, plus an
/// `error` case per unreadable file or coverage gap.
public struct JUnitReporter: Sendable {
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        var files: [(path: String, findings: [Finding])] = []
        for finding in report.findings {
            if files.last?.path == finding.origin.path {
                files[files.count - 1].findings.append(finding)
            } else if let index = files.firstIndex(where: { $0.path == finding.origin.path }) {
                files[index].findings.append(finding)
            } else {
                files.append((finding.origin.path, [finding]))
            }
        }
        for (id, file) in files.enumerated() {
            let failures = file.findings.filter { report.isGating($0, failOn: options.failOn) }.count
            xml += suiteStart(id: id, name: file.path, tests: file.findings.count, failures: failures, errors: 0,
                              skipped: file.findings.count - failures, time: 0)
            xml += "    <properties/>\n"
            for finding in file.findings { xml += testCase(finding, in: report) }
            xml += "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n"
        }
        xml += summarySuite(report, id: files.count)
        return xml + "</testsuites>\n"
    }

    private func suiteStart(id: Int, name: String, tests: Int, failures: Int, errors: Int, skipped: Int, time: Double) -> String {
        "  <testsuite package=\"ivyscan\" id=\"\(id)\" name=\"\(XMLText.attribute(name))\" timestamp=\"\(DateText.zoneless(options.generatedAt))\""
            + " hostname=\"localhost\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(DateText.seconds(time))\">\n"
    }

    private func testCase(_ finding: Finding, in report: ScanReport) -> String {
        var name = "\(finding.origin.path):\(finding.location.line):\(finding.location.column) \(finding.ruleID)"
        if let commit = finding.origin.commit { name += " @ \(commit.prefix(12))" }
        let title = "\(finding.message): \(options.display(finding))"
        var xml = "    <testcase classname=\"\(XMLText.attribute(finding.origin.path))\" name=\"\(XMLText.attribute(name))\" time=\"0\">\n"
        let body = XMLText.content(details(finding))
        if report.isGating(finding, failOn: options.failOn) {
            xml += "      <failure message=\"\(XMLText.attribute(title))\" type=\"\(XMLText.attribute(finding.ruleID))\">\(body)</failure>\n"
        } else {
            let reason = report.liveKeysGate ? "key not known to be live (\(finding.verification?.status.rawValue ?? "not verified")); --fail-on-active fails only on live keys"
                : finding.suppressed ? "suppressed by an ivyscan:allow comment"
                : finding.baselined ? "accepted in the baseline"
                : finding.severity < options.failOn ? "below --fail-on \(options.failOn.rawValue)"
                : "already committed (\(finding.status?.rawValue ?? "existing")); fails only with --fail-on-existing"
            xml += "      <skipped message=\"\(XMLText.attribute(reason + ": " + title))\">\(body)</skipped>\n"
        }
        return xml + "    </testcase>\n"
    }

    /// The finding as a person reads it in the CI widget: where, what, the
    /// redacted line, every violation, provenance and the fix.
    private func details(_ finding: Finding) -> String {
        var lines = ["\(finding.origin.path):\(finding.location.line):\(finding.location.column)  \(finding.severity.rawValue)  \(finding.ruleID)  \(finding.message)"]
        lines.append("  | " + options.displayLine(finding.snippet, secretPrefixLength: finding.secretPrefixLength, primaryIsSecret: finding.isSecret).text)
        lines.append("match: \(options.display(finding))")
        if let decoding = finding.decoding { lines.append("decoded: \(decoding)") }
        if let verification = finding.verification { lines.append("verified: \(VerificationText.line(verification))") }
        for violation in finding.violations {
            lines.append("also: \(violation.ruleID) (\(violation.severity.rawValue)): \(violation.message)")
        }
        if let commit = finding.origin.commit {
            var line = "commit: \(commit)"
            if let author = finding.origin.author { line += " by \(author)" }
            if let date = finding.origin.date { line += " on \(DateText.iso8601(date))" }
            lines.append(line)
        }
        lines.append("fix: \(finding.remediation)")
        for violation in finding.violations { lines.append("fix (\(violation.ruleID)): \(violation.remediation)") }
        lines.append("fingerprint: \(finding.fingerprint.hex)")
        return lines.joined(separator: "\n")
    }

    private func summarySuite(_ report: ScanReport, id: Int) -> String {
        let gaps = report.coverage?.gaps ?? []
        let errors = report.problems.count + gaps.count
        var xml = suiteStart(id: id, name: "ivyscan", tests: 1 + errors, failures: 0, errors: errors, skipped: 0, time: report.duration)
        xml += "    <properties>\n"
        var properties = [("ivyscan.version", options.toolVersion), ("ivyscan.fail-on", options.failOn.rawValue)]
        if let coverage = report.coverage { properties.append(("ivyscan.scope", coverage.scope)) }
        for (name, value) in properties {
            xml += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        xml += "    </properties>\n"
        xml += "    <testcase classname=\"ivyscan\" name=\"scan completed\" time=\"\(DateText.seconds(report.duration))\"/>\n"
        for problem in report.problems {
            xml += "    <testcase classname=\"ivyscan\" name=\"\(XMLText.attribute("could not scan " + problem.path))\" time=\"0\">\n"
            xml += "      <error message=\"\(XMLText.attribute(problem.message))\" type=\"unreadable-file\">\(XMLText.content(problem.path + ": " + problem.message))</error>\n    </testcase>\n"
        }
        for (number, gap) in gaps.enumerated() {
            xml += "    <testcase classname=\"ivyscan\" name=\"coverage gap \(number + 1)\" time=\"0\">\n"
            xml += "      <error message=\"\(XMLText.attribute(gap))\" type=\"coverage-gap\">\(XMLText.content(gap))</error>\n    </testcase>\n"
        }
        let active = report.findings.filter { !$0.suppressed }
        let gate = report.liveKeysGate ? "--fail-on-active" : "--fail-on \(options.failOn.rawValue)"
        var summary = "\(active.count) finding(s), \(report.gating(failOn: options.failOn).count) failing (\(gate)),"
        summary += " \(report.findings.count - active.count) suppressed; scanned \(report.filesScanned) file(s), \(report.bytesScanned) bytes;"
        summary += " skipped \(report.skipped.count)"
        if let coverage = report.coverage { summary += "; \(coverage.scope): \(coverage.commits) commit(s), \(coverage.blobs) blob(s)" }
        xml += "    <system-out>\(XMLText.content(summary))</system-out>\n    <system-err></system-err>\n  </testsuite>\n"
        return xml
    }
}
