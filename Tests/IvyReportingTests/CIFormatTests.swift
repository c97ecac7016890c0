import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import IvyConfig
import IvyMatching
import IvyModel
import IvyReporting
import Testing
import TestSupport

/// SARIF, JUnit and GitLab reports: golden files (Golden/report.sarif,
/// report.junit.xml, report.gitlab.json), the third-party schemas, and the
/// fields GitHub code scanning needs beyond the schema.
@Suite struct CIFormatTests {
    static let commit = String(repeating: "1a2b3c4d", count: 5)

    /// GoldenTests' fixture plus what only these formats show: a hygiene
    /// violation on a key and git provenance on it.
    static func fixtureReport() throws -> ScanReport {
        var report = try GoldenTests.fixtureReport()
        let index = try #require(report.findings.firstIndex { $0.ruleID == "ivymail-api-key" && !$0.suppressed })
        report.findings[index].add(Violation(ruleID: "ivymail-client-side", severity: .critical,
                                             message: "in client-side code, which every visitor or device downloads",
                                             remediation: "Move the IvyMail call to server code."))
        report.findings[index].origin.commit = commit
        report.findings[index].origin.author = "Test <test@example.com>"
        report.findings[index].origin.date = 1_767_225_600
        report.findings[index].status = .new
        return report
    }

    /// Fixed options: every default rule and check, a fixed clock.
    static func options(showSecrets: Bool = false) throws -> ReportOptions {
        let (rules, checks) = try DefaultRules.loadAll()
        return ReportOptions(showSecrets: showSecrets, toolVersion: "0.0.0-test",
                             rules: rules.map(RuleMetadata.init) + checks.map(RuleMetadata.init), generatedAt: 1_767_261_600)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: golden files

    @Test(arguments: [(ReportFormat.sarif, "report.sarif"), (.junit, "report.junit.xml"), (.gitlab, "report.gitlab.json")])
    func golden(format: ReportFormat, file: String) throws {
        try GoldenTests().check(file, format.render(try Self.fixtureReport(), options: try Self.options()))
    }

    @Test func newFormatsShowSecretsOnlyWhenAsked() throws {
        let report = try Self.fixtureReport()
        let secrets = report.findings.map { String(decoding: $0.secret, as: UTF8.self) }
        for format in [ReportFormat.sarif, .junit, .gitlab] {
            let redacted = format.render(report, options: try Self.options())
            for secret in secrets { #expect(!redacted.contains(secret), "\(format) leaked a secret") }
            let shown = format.render(report, options: try Self.options(showSecrets: true))
            for secret in secrets { #expect(shown.contains(secret), "\(format) must show secrets with --show-secrets") }
        }
    }

    // MARK: SARIF beyond the schema

    @Test func sarifHasWhatGitHubCodeScanningNeeds() throws {
        let report = try Self.fixtureReport()
        let log = try Self.object(ReportFormat.sarif.render(report, options: try Self.options()))
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ivyscan")
        #expect(!(driver["informationUri"] as? String ?? "").isEmpty)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        // Every rule and every hygiene check, each fully described.
        for id in ["ivymail-api-key", "hardcoded-x-api-key", "ivymail-client-side", "ivymail-dev-prod-reuse", "ivymail-leaked-key"] {
            #expect(ruleIDs.contains(id), "rule \(id) missing")
        }
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String
                #expect(text?.isEmpty == false, "\(rule["id"]!) lacks \(key)")
            }
            let severity = Double((rule["properties"] as? [String: Any])?["security-severity"] as? String ?? "") ?? 0
            #expect(severity > 0 && severity <= 10)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.firstIndex(of: ruleID) == result["ruleIndex"] as? Int)
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(" ") && !uri.contains("\\"))
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["endColumn"] as? Int ?? 0) > (region["startColumn"] as? Int ?? 0))
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints["primaryLocationLineHash"]?.wholeMatch(of: /[0-9a-f]{16}:[0-9]+/) != nil)
        }
        // The key with a violation stays one result that names it, carries the commit and the worst level.
        let violated = try #require(results.first { ($0["properties"] as? [String: Any])?["commit"] != nil })
        #expect(((violated["properties"] as? [String: Any])?["violations"] as? [Any])?.isEmpty == false)
        let title = try #require((violated["message"] as? [String: Any])?["text"] as? String)
        #expect(title.contains("ivymail-client-side"))
        #expect((violated["properties"] as? [String: Any])?["commit"] as? String == Self.commit)
        #expect(violated["level"] as? String == "error")
        #expect(run["redactionTokens"] as? [String] == ["[REDACTED]"])
        #expect(results.contains { $0["suppressions"] != nil }, "the ivyscan:allow finding is an in-source suppression")
    }

    @Test func sarifColumnsAreUTF16AndPathsPercentEncoded() throws {
        let detector = try Detector(rules: try DefaultRules.load())
        let key = TestKeys.key()
        // "é" is 2 UTF-8 bytes but 1 UTF-16 unit; "😀" is 4 bytes, 2 units.
        let text = "let é😀 = \"\(key)\"\n"
        let detection = Array(text.utf8).withUnsafeBufferPointer {
            detector.scan($0, origin: Origin(path: "my app/Sources/ä.swift"), scratch: MatchScratch())
        }
        let report = ScanReport(findings: detection.findings)
        let log = try Self.object(ReportFormat.sarif.render(report, options: ReportOptions(toolVersion: "t")))
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "my%20app/Sources/%C3%A4.swift")
        let region = try #require(physical["region"] as? [String: Any])
        let start = try #require(text.range(of: key))
        #expect(region["startColumn"] as? Int == text.utf16.distance(from: text.utf16.startIndex, to: start.lowerBound) + 1)
        #expect(region["endColumn"] as? Int == text.utf16.distance(from: text.utf16.startIndex, to: start.upperBound) + 1)
    }

    @Test func cleanScanIsAnEmptyRunAndOnePassingTest() throws {
        let report = ScanReport(filesScanned: 3, bytesScanned: 100, duration: 0.5)
        let log = try Self.object(ReportFormat.sarif.render(report, options: try Self.options()))
        #expect(((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
        let junit = ReportFormat.junit.render(report, options: try Self.options())
        #expect(junit.components(separatedBy: "<testcase ").count == 2)
        #expect(!junit.contains("<failure") && !junit.contains("<error"))
        let gitlab = try Self.object(ReportFormat.gitlab.render(report, options: try Self.options()))
        #expect((gitlab["vulnerabilities"] as? [Any])?.isEmpty == true)
    }

    @Test func junitFailsExactlyTheGatingFindings() throws {
        let report = try Self.fixtureReport()
        let junit = ReportFormat.junit.render(report, options: try Self.options())
        #expect(junit.components(separatedBy: "<failure ").count - 1 == report.gating(failOn: .medium).count)
        #expect(junit.components(separatedBy: "<skipped ").count - 1 == report.findings.count - report.gating(failOn: .medium).count)
        let critical = ReportFormat.junit.render(report, options: ReportOptions(failOn: .critical, toolVersion: "t"))
        #expect(critical.contains("below --fail-on critical"))
    }

    @Test func xmlEscapingKeepsTheDocumentWellFormed() throws {
        var report = try Self.fixtureReport()
        report.problems = [ScanProblem(path: "a&b <\"c'>\u{1}.txt", message: "bad\u{0}byte")]
        let junit = ReportFormat.junit.render(report, options: try Self.options())
        #expect(junit.contains("a&amp;b &lt;&quot;c&apos;&gt;\\u{1}.txt"))
        #expect(!junit.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        let parser = XMLParser(data: Data(junit.utf8))
        #expect(parser.parse(), "JUnit output must be well-formed XML: \(String(describing: parser.parserError))")
    }

    // MARK: schemas

    /// The fixture and a clean scan.
    static var reports: [(String, () throws -> ScanReport)] {
        [("fixture", fixtureReport), ("clean", { ScanReport(filesScanned: 1) })]
    }

    @Test(.enabled(if: SchemaValidation.jsonSchemaAvailable, "Python jsonschema or ../shared/schemas is unavailable (python3 -m pip install jsonschema)"))
    func sarifValidatesAgainstTheSchema() throws {
        for (name, make) in Self.reports {
            for showSecrets in [false, true] {
                let errors = SchemaValidation.jsonErrors(ReportFormat.sarif.render(try make(), options: try Self.options(showSecrets: showSecrets)),
                                                         schema: "sarif-schema-2.1.0.json")
                #expect(errors.isEmpty, "\(name) SARIF: \(errors)")
            }
        }
    }

    @Test(.enabled(if: SchemaValidation.jsonSchemaAvailable, "Python jsonschema or ../shared/schemas is unavailable (python3 -m pip install jsonschema)"))
    func gitlabValidatesAgainstTheSchema() throws {
        for (name, make) in Self.reports {
            var report = try make()
            report.coverage = GitCoverage(scope: "range a..b", commits: 1, blobs: 1, bytes: 1, gaps: ["shallow clone"])
            let errors = SchemaValidation.jsonErrors(ReportFormat.gitlab.render(report, options: try Self.options()),
                                                     schema: "gitlab-secret-detection-report-format-15.2.4.json")
            #expect(errors.isEmpty, "\(name) GitLab report: \(errors)")
        }
    }

    @Test(.enabled(if: SchemaValidation.xmllintAvailable, "xmllint or ../shared/schemas is unavailable (apt-get install libxml2-utils)"))
    func junitValidatesAgainstTheAntSchema() throws {
        for (name, make) in Self.reports {
            var report = try make()
            report.problems.append(ScanProblem(path: "x <y>.txt", message: "Permission denied"))
            let errors = SchemaValidation.xmlErrors(ReportFormat.junit.render(report, options: try Self.options()), xsd: "junit/JUnit-ant.xsd")
            #expect(errors.isEmpty, "\(name) JUnit: \(errors)")
        }
    }
}
