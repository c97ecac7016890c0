import IvyModel

/// GitLab's secret-detection report (schema 15.2.4), the file a job declares
/// under `artifacts: reports: secret_detection:`.
///
/// Every finding is a vulnerability: its rule is the primary identifier and
/// each hygiene violation an extra one, so one secret stays one entry. The
/// schema requires a commit for each; directory scans use the pipeline's
/// (`ReportOptions.commitSHA`) or, outside CI, forty zeros. Ids are derived
/// from fingerprint and place, so a rerun gives the same ids. Suppressed
/// findings carry GitLab's likely-false-positive flag.
public struct GitLabReporter: Sendable {
    public static let schemaVersion = "15.2.4"
    static let noCommit = String(repeating: "0", count: 40)
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        let rules = RuleMetadata.complete(options.rules, for: report.findings)
        var json = JSONWriter()
        json.beginObject()
        json.field("version", .string(Self.schemaVersion))
        json.field("schema", .string("https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v\(Self.schemaVersion)/dist/secret-detection-report-format.json"))
        writeScan(report, to: &json)
        json.beginArray("vulnerabilities")
        for finding in report.findings { write(finding, rules: rules, to: &json) }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    private func writeScan(_ report: ScanReport, to json: inout JSONWriter) {
        json.beginObject("scan")
        for role in ["analyzer", "scanner"] {
            json.beginObject(role)
            json.field("id", .string("ivyscan"))
            json.field("name", .string("ivyscan"))
            json.field("url", .string(ReportOptions.informationURI))
            json.field("version", .string(options.toolVersion))
            json.beginObject("vendor")
            json.field("name", .string("IvyMail"))
            json.endObject()
            json.endObject()
        }
        json.field("type", .string("secret_detection"))
        let start = options.generatedAt - Int(report.duration.rounded(.up))
        json.field("start_time", .string(DateText.zoneless(start)))
        json.field("end_time", .string(DateText.zoneless(options.generatedAt)))
        json.field("status", .string("success"))
        let gaps = report.coverage?.gaps ?? []
        if !report.problems.isEmpty || !gaps.isEmpty {
            json.beginArray("messages")
            for problem in report.problems { message("warn", "could not scan \(problem.path): \(problem.message)", to: &json) }
            for gap in gaps { message("warn", "incomplete: \(gap)", to: &json) }
            json.endArray()
        }
        json.endObject()
    }

    private func message(_ level: String, _ text: String, to json: inout JSONWriter) {
        json.beginObject()
        json.field("level", .string(level))
        json.field("value", .string(text))
        json.endObject()
    }

    private func write(_ finding: Finding, rules: [RuleMetadata], to json: inout JSONWriter) {
        let commit = finding.origin.commit ?? options.commitSHA ?? Self.noCommit
        json.beginObject()
        json.field("id", .string(Self.id(finding, commit: commit)))
        let rule = rules.first { $0.id == finding.ruleID }
        json.field("name", .string(String((rule?.description ?? finding.message).prefix(255))))
        var description = "\(finding.message): \(options.display(finding)) in \(finding.origin.path) line \(finding.location.line)."
        if let decoding = finding.decoding { description += " Found after decoding \(decoding)." }
        for violation in finding.violations { description += " Also \(violation.ruleID): \(violation.message)." }
        if let verification = finding.verification { description += " \(VerificationText.line(verification))." }
        json.field("description", .string(description))
        json.field("severity", .string(Self.severity(finding.severity)))
        let solution = ([finding.remediation] + finding.violations.map(\.remediation)).joined(separator: " ")
        json.field("solution", .string(String(solution.prefix(7000))))
        json.beginArray("identifiers")
        for id in finding.ruleIDs {
            json.beginObject()
            json.field("type", .string("ivyscan_rule_id"))
            json.field("name", .string("ivyscan rule \(id)"))
            json.field("value", .string(id))
            json.endObject()
        }
        json.endArray()
        if let verification = finding.verification {
            json.beginObject("details")
            json.beginObject("ivymail_verification")
            json.field("name", .string("IvyMail verification"))
            json.field("type", .string("text"))
            json.field("value", .string("\(verification.status.rawValue): \(verification.reason)"))
            json.endObject()
            json.endObject()
        }
        writeTracking(finding, to: &json)
        if finding.suppressed {
            json.beginArray("flags")
            json.beginObject()
            json.field("type", .string("flagged-as-likely-false-positive"))
            json.field("origin", .string("ivyscan"))
            json.field("description", .string("suppressed by an ivyscan:allow comment on the line"))
            json.endObject()
            json.endArray()
        }
        json.beginObject("location")
        json.field("file", .string(finding.origin.path))
        json.field("start_line", .int(finding.location.line))
        json.field("end_line", .int(finding.location.endLine))
        json.beginObject("commit")
        if let author = finding.origin.author { json.field("author", .string(author)) }
        if let date = finding.origin.date { json.field("date", .string(DateText.iso8601(date))) }
        json.field("sha", .string(commit))
        json.endObject()
        json.endObject()
        // The schema calls this field unsanitized; ivyscan puts the redacted line there.
        json.field("raw_source_code_extract", .string(options.displayLine(finding.snippet, secretPrefixLength: finding.secretPrefixLength,
                                                                          primaryIsSecret: finding.isSecret).text))
        json.endObject()
    }

    /// Lets GitLab follow a finding when lines move: the signature is the
    /// secret's fingerprint hashed with the path, never the line.
    private func writeTracking(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject("tracking")
        json.field("type", .string("source"))
        json.beginArray("items")
        json.beginObject()
        json.field("file", .string(finding.origin.path))
        json.field("start_line", .int(finding.location.line))
        json.field("end_line", .int(finding.location.endLine))
        json.beginArray("signatures")
        json.beginObject()
        json.field("algorithm", .string("hash"))
        json.field("value", .string(Self.trackingHash(finding)))
        json.endObject()
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
    }

    static func trackingHash(_ finding: Finding) -> String {
        Fingerprint.hexString(Fingerprint.sha256(Array("\(finding.ruleID)\u{0}\(finding.fingerprint.hex)\u{0}\(finding.origin.path)".utf8)))
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "Critical"
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        case .info: "Info"
        }
    }

    /// A UUID-shaped id (version 5 layout) from the fingerprint and the
    /// place, stable across reruns and distinct per occurrence.
    static func id(_ finding: Finding, commit: String) -> String {
        let seed = "\(finding.fingerprint.hex)\u{0}\(finding.origin.path)\u{0}\(finding.location.line):\(finding.location.column)\u{0}\(commit)"
        var bytes = Array(Fingerprint.sha256(Array(seed.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array(Fingerprint.hexString(bytes))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
    }
}
