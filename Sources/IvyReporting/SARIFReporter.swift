import IvyModel

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// One run; the driver lists every rule and hygiene check in force (with
/// `security-severity`, so GitHub files results as security alerts). Each
/// finding is one result, even when hygiene checks add violations to it:
/// one leaked key is one alert to fix. The violations are named in the
/// message and listed in `properties.violations`, and the level is the worst
/// of them. Redacted parts of secrets read `[REDACTED]`, the token the run
/// declares in `redactionTokens`. Columns are UTF-16 code units, as GitHub
/// and VS Code count them. No timestamps: the same scan gives the same file.
public struct SARIFReporter: Sendable {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let redactionToken = "[REDACTED]"
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        let rules = RuleMetadata.complete(options.rules, for: report.findings)
        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", .string(Self.schemaURI))
        json.field("version", .string("2.1.0"))
        json.beginArray("runs")
        json.beginObject()
        writeTool(rules, to: &json)
        json.beginArray("invocations")
        writeInvocation(report, to: &json)
        json.endArray()
        json.beginObject("originalUriBaseIds")
        json.beginObject("%SRCROOT%")
        json.beginObject("description")
        json.field("text", .string("The scanned directory or repository root; result paths are relative to it."))
        json.endObject()
        json.endObject()
        json.endObject()
        json.field("columnKind", .string("utf16CodeUnits"))
        if !options.showSecrets {
            json.beginArray("redactionTokens")
            json.field(nil, .string(Self.redactionToken))
            json.endArray()
        }
        json.beginArray("results")
        var occurrences: [String: Int] = [:]
        let index = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for finding in report.findings {
            write(finding, ruleIndex: index[finding.ruleID], occurrences: &occurrences, in: report, to: &json)
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    // MARK: driver and rules

    private func writeTool(_ rules: [RuleMetadata], to json: inout JSONWriter) {
        json.beginObject("tool")
        json.beginObject("driver")
        json.field("name", .string("ivyscan"))
        json.field("version", .string(options.toolVersion))
        if Self.isSemanticVersion(options.toolVersion) { json.field("semanticVersion", .string(options.toolVersion)) }
        json.field("informationUri", .string(ReportOptions.informationURI))
        json.beginArray("rules")
        for rule in rules { write(rule, to: &json) }
        json.endArray()
        json.endObject()
        json.endObject()
    }

    private func write(_ rule: RuleMetadata, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", .string(rule.id))
        json.field("name", .string(Self.pascalCase(rule.id)))
        json.beginObject("shortDescription")
        json.field("text", .string(Self.limit(rule.description, 1024)))
        json.endObject()
        json.beginObject("fullDescription")
        json.field("text", .string(Self.limit(Self.fullDescription(rule), 1024)))
        json.endObject()
        json.beginObject("defaultConfiguration")
        json.field("level", .string(Self.level(rule.severity)))
        json.endObject()
        json.beginObject("help")
        let explanation = Self.trimmedLines(rule.explanation).joined(separator: "\n")
        json.field("text", .string("Fix: \(rule.remediation)" + (explanation.isEmpty ? "" : "\n\n" + explanation)))
        json.field("markdown", .string("**Fix:** \(rule.remediation)" + (explanation.isEmpty ? "" : "\n\n```text\n\(explanation)\n```")
            + "\n\nMore: `ivyscan explain \(rule.id)`"))
        json.endObject()
        json.beginObject("properties")
        json.beginArray("tags")
        for tag in ["security", "secret", "ivymail"] + (rule.isCheck ? ["hygiene"] : []) { json.field(nil, .string(tag)) }
        json.endArray()
        json.field("security-severity", .string(Self.securitySeverity(rule.severity)))
        json.field("ivyscan-severity", .string(rule.severity.rawValue))
        json.endObject()
        json.endObject()
    }

    // MARK: invocation

    private func writeInvocation(_ report: ScanReport, to json: inout JSONWriter) {
        json.beginObject()
        // Unreadable files and coverage gaps are the tool's problems, not
        // results; a run that missed input is not a successful execution.
        json.field("executionSuccessful", .bool(report.isComplete))
        let gaps = report.coverage?.gaps ?? []
        if !report.problems.isEmpty || !gaps.isEmpty || !report.allowedGaps.isEmpty || report.limitExceeded {
            json.beginArray("toolExecutionNotifications")
            for problem in report.problems {
                notification("warning", "\(problem.path): \(problem.message)", path: problem.path, to: &json)
            }
            if report.limitExceeded {
                notification("warning", "a regex hit its match limit: part of a file went unchecked", path: nil, to: &json)
            }
            for gap in gaps { notification("error", gap, path: nil, to: &json) }
            for gap in report.allowedGaps { notification("note", "accepted gap: \(gap)", path: nil, to: &json) }
            json.endArray()
        }
        json.endObject()
    }

    private func notification(_ level: String, _ text: String, path: String?, to json: inout JSONWriter) {
        json.beginObject()
        json.field("level", .string(level))
        json.beginObject("message")
        json.field("text", .string(text))
        json.endObject()
        if let path {
            json.beginArray("locations")
            json.beginObject()
            json.beginObject("physicalLocation")
            writeArtifact(path, to: &json)
            json.endObject()
            json.endObject()
            json.endArray()
        }
        json.endObject()
    }

    // MARK: results

    private func write(_ finding: Finding, ruleIndex: Int?, occurrences: inout [String: Int], in report: ScanReport, to json: inout JSONWriter) {
        let marker = Self.redactionToken
        json.beginObject()
        json.field("ruleId", .string(finding.ruleID))
        if let ruleIndex { json.field("ruleIndex", .int(ruleIndex)) }
        json.field("level", .string(Self.level(finding.severity)))
        json.beginObject("message")
        json.field("text", .string(message(finding, marker: marker)))
        json.endObject()
        json.beginArray("locations")
        json.beginObject()
        json.beginObject("physicalLocation")
        writeArtifact(finding.origin.path, to: &json)
        let columns = Self.utf16Columns(finding)
        json.beginObject("region")
        json.field("startLine", .int(finding.location.line))
        json.field("startColumn", .int(columns.start))
        json.field("endLine", .int(finding.location.endLine))
        json.field("endColumn", .int(columns.end))
        json.beginObject("snippet")
        json.field("text", .string(options.displayLine(finding.snippet, secretPrefixLength: finding.secretPrefixLength,
                                                        primaryIsSecret: finding.isSecret, marker: marker).text))
        json.endObject()
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        // GitHub matches alerts across runs by primaryLocationLineHash. Built
        // from the secret's fingerprint and the path (not the line), it
        // survives code moving; the counter separates repeats in one file.
        let hash = String(Fingerprint.hexString(Fingerprint.sha256(Array((finding.fingerprint.hex + "\u{0}" + finding.origin.path).utf8))).prefix(16))
        occurrences[hash, default: 0] += 1
        json.beginObject("partialFingerprints")
        json.field("primaryLocationLineHash", .string("\(hash):\(occurrences[hash]!)"))
        json.field("ivyscanFingerprint/v1", .string(finding.fingerprint.hex))
        json.endObject()
        if finding.suppressed {
            json.beginArray("suppressions")
            json.beginObject()
            json.field("kind", .string("inSource"))
            json.field("justification", .string("ivyscan:allow comment on the line"))
            json.endObject()
            json.endArray()
        } else if finding.baselined {
            // Accepted in the baseline file: external to the source, so `external`.
            json.beginArray("suppressions")
            json.beginObject()
            json.field("kind", .string("external"))
            json.field("justification", .string("accepted in the ivyscan baseline"))
            json.endObject()
            json.endArray()
        }
        writeProperties(finding, in: report, to: &json)
        json.endObject()
    }

    /// The alert title: what was found, the redacted match, and every other
    /// problem with the same secret, so one result carries all of them.
    private func message(_ finding: Finding, marker: String) -> String {
        var text = "\(finding.message): \(options.display(finding, marker: marker))"
        if let commit = finding.origin.commit { text += " (commit \(commit.prefix(12)))" }
        if let decoding = finding.decoding { text += " (decoded: \(decoding))" }
        if let verification = finding.verification { text += ". \(VerificationText.line(verification))" }
        if !finding.violations.isEmpty {
            text += ". Also: " + finding.violations.map { "\($0.message) [\($0.ruleID)]" }.joined(separator: "; ")
        }
        return text
    }

    private func writeProperties(_ finding: Finding, in report: ScanReport, to json: inout JSONWriter) {
        json.beginObject("properties")
        json.field("severity", .string(finding.severity.rawValue))
        json.field("gating", .bool(report.isGating(finding, failOn: options.failOn)))
        if options.showSecrets { json.field("secret", .string(Redactor.printable(finding.secret))) }
        json.field("remediation", .string(finding.remediation))
        if let decoding = finding.decoding { json.field("decoded", .string(decoding)) }
        if let status = finding.status { json.field("status", .string(status.rawValue)) }
        if let commit = finding.origin.commit { json.field("commit", .string(commit)) }
        if let author = finding.origin.author { json.field("author", .string(author)) }
        if let date = finding.origin.date { json.field("date", .string(DateText.iso8601(date))) }
        json.verification(finding.verification)
        json.history(finding.history)
        json.violations(finding.violations, idKey: "ruleId")
        json.endObject()
    }

    private func writeArtifact(_ path: String, to json: inout JSONWriter) {
        json.beginObject("artifactLocation")
        if path.hasPrefix("/") {
            json.field("uri", .string("file://" + Self.percentEncoded(path)))
        } else {
            json.field("uri", .string(Self.percentEncoded(path)))
            json.field("uriBaseId", .string("%SRCROOT%"))
        }
        json.endObject()
    }

    // MARK: helpers

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's bands: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, below low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    /// Start and end column in UTF-16 code units (end: after the last
    /// character). Finding columns count bytes; the snippet has the line's
    /// bytes, so the prefix is re-counted. For a window of a long line the
    /// bytes before the window are counted as one unit each.
    static func utf16Columns(_ finding: Finding) -> (start: Int, end: Int) {
        let snippet = finding.snippet
        let location = finding.location
        let windowStart = location.column - 1 - snippet.primary.lowerBound
        guard windowStart >= 0, snippet.primary.upperBound <= snippet.bytes.count else {
            return (location.column, location.endColumn + 1)
        }
        func units(_ bytes: ArraySlice<UInt8>) -> Int { String(decoding: bytes, as: UTF8.self).utf16.count }
        let start = windowStart + units(snippet.bytes[..<snippet.primary.lowerBound]) + 1
        guard location.endLine == location.line else { return (start, location.endColumn + 1) }
        return (start, windowStart + units(snippet.bytes[..<snippet.primary.upperBound]) + 1)
    }

    /// A path as a URI reference: unreserved characters and `/` stay,
    /// everything else (spaces, `%`, `:`, non-ASCII) is percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        let digits = Array("0123456789ABCDEF")
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
            }
        }
        return result
    }

    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The explanation's first section ("What it catches") as one
    /// paragraph; the description when there is no explanation.
    static func fullDescription(_ rule: RuleMetadata) -> String {
        var words: [Substring] = []
        for line in trimmedLines(rule.explanation).dropFirst() {
            guard line.first == " " else { break }
            words += line.split(separator: " ")
        }
        return words.isEmpty ? rule.description : words.joined(separator: " ")
    }

    /// Lines without the leading and trailing blank ones.
    static func trimmedLines(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let isBlank = { (line: Substring) in line.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
        return Array(lines[first...last])
    }

    static func limit(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }

    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "-", maxSplits: 1)[0].split(separator: "+")[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
