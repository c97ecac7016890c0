import IvyModel

/// Machine output, schema `ivyscan-report` version 1 (docs/json-schema.md).
/// Field names are stable; new fields may be added, none renamed or removed
/// without bumping `version`.
public struct JSONReporter: Sendable {
    public static let schemaVersion = 1
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("ivyscan-report"))
        json.field("version", .int(Self.schemaVersion))
        json.beginObject("tool")
        json.field("name", .string("ivyscan"))
        json.field("version", .string(options.toolVersion))
        json.endObject()
        json.beginArray("findings")
        for finding in report.findings { write(finding, in: report, to: &json) }
        json.endArray()
        json.beginArray("errors")
        for problem in report.problems {
            json.beginObject()
            json.field("path", .string(problem.path))
            json.field("message", .string(problem.message))
            json.endObject()
        }
        json.endArray()
        json.beginArray("skipped")
        for file in report.skipped {
            json.beginObject()
            json.field("path", .string(file.path))
            json.field("reason", .string(file.reason.rawValue))
            json.endObject()
        }
        json.endArray()
        writeSummary(report, to: &json)
        json.endObject()
        return json.output + "\n"
    }

    private func write(_ finding: Finding, in report: ScanReport, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule_id", .string(finding.ruleID))
        json.field("severity", .string(finding.severity.rawValue))
        json.field("path", .string(finding.origin.path))
        json.field("line", .int(finding.location.line))
        json.field("column", .int(finding.location.column))
        json.field("end_line", .int(finding.location.endLine))
        json.field("end_column", .int(finding.location.endColumn))
        json.field("fingerprint", .string(finding.fingerprint.hex))
        json.field("match", .string(finding.isSecret ? Redactor.redact(finding.secret, prefixLength: finding.secretPrefixLength) : Redactor.printable(finding.secret)))
        if options.showSecrets { json.field("secret", .string(Redactor.printable(finding.secret))) }
        json.field("snippet", .string(options.displayLine(finding.snippet, secretPrefixLength: finding.secretPrefixLength, primaryIsSecret: finding.isSecret).text))
        json.field("message", .string(finding.message))
        json.field("remediation", .string(finding.remediation))
        json.field("suppressed", .bool(finding.suppressed))
        if let decoding = finding.decoding { json.field("decoded", .string(decoding)) }
        if finding.baselined { json.field("baselined", .bool(true)) }
        json.field("gating", .bool(report.isGating(finding, failOn: options.failOn)))
        if let status = finding.status { json.field("status", .string(status.rawValue)) }
        json.verification(finding.verification)
        if let commit = finding.origin.commit { json.field("commit", .string(commit)) }
        if let author = finding.origin.author { json.field("author", .string(author)) }
        if let date = finding.origin.date { json.field("date", .string(DateText.iso8601(date))) }
        json.violations(finding.violations, idKey: "rule_id")
        json.history(finding.history)
        json.endObject()
    }

    private func writeSummary(_ report: ScanReport, to json: inout JSONWriter) {
        let active = report.findings.filter { !$0.suppressed && !$0.baselined }
        let baselined = report.findings.filter { !$0.suppressed && $0.baselined }.count
        json.beginObject("summary")
        json.field("findings", .int(active.count))
        json.field("suppressed", .int(report.findings.filter(\.suppressed).count))
        if baselined > 0 { json.field("baselined", .int(baselined)) }
        json.field("gating", .int(report.gating(failOn: options.failOn).count))
        json.field("fail_on", .string(options.failOn.rawValue))
        json.beginObject("by_severity")
        for severity in Severity.allCases.reversed() {
            json.field(severity.rawValue, .int(active.filter { $0.severity == severity }.count))
        }
        json.endObject()
        json.field("files_scanned", .int(report.filesScanned))
        json.field("bytes_scanned", .int(report.bytesScanned))
        json.field("files_skipped", .int(report.skipped.count))
        json.beginObject("skipped_by_reason")
        for reason in SkipReason.allCases {
            json.field(reason.rawValue, .int(report.skipped.filter { $0.reason == reason }.count))
        }
        json.endObject()
        json.field("errors", .int(report.problems.count))
        json.field("complete", .bool(report.isComplete))
        json.field("duration_ms", .int(Int((report.duration * 1000).rounded())))
        if let coverage = report.coverage {
            json.beginObject("git")
            json.field("scope", .string(coverage.scope))
            json.field("commits", .int(coverage.commits))
            json.field("blobs", .int(coverage.blobs))
            json.field("bytes", .int(coverage.bytes))
            json.beginArray("gaps")
            for gap in coverage.gaps { json.field(nil, .string(gap)) }
            json.endArray()
            json.beginArray("allowed_gaps")
            for gap in report.allowedGaps { json.field(nil, .string(gap)) }
            json.endArray()
            json.endObject()
        }
        json.endObject()
    }
}
