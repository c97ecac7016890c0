import Foundation
import IvyConfig
import IvyMatching
import IvyModel
@testable import IvyReporting
import Testing
import TestSupport

/// Each format is compared byte for byte with Tests/IvyReportingTests/Golden.
/// Re-record after an intended change with IVYSCAN_RECORD_GOLDEN=1 swift test.
@Suite struct GoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    /// A fixed report: deterministic keys, a header finding, a suppressed one,
    /// skipped files and an error, so every part of each format is exercised.
    static func fixtureReport() throws -> ScanReport {
        let detector = try Detector(rules: try DefaultRules.load())
        let key = TestKeys.seededKey(seed: 7)
        let other = TestKeys.seededKey(seed: 8)
        let header = String(TestKeys.seededKey(seed: 9).dropFirst(8).prefix(24))
        let files: [(String, String)] = [
            ("src/send.py", "import requests\n\nKEY = \"\(key)\"\nrequests.post(\"https://api.ivymail.io/v1/send\", headers={\"x-api-key\": \"\(header)\"})\n"),
            ("docs/setup.md", "Use `ivym_sk_your_api_key_here` as a template.\n\texport IVYMAIL_API_KEY=\(other)  # ivyscan:allow\n"),
            ("scripts/other.sh", "curl -H 'X-Api-Key: \(header)' https://api.example.com\n"),
        ]
        var report = ScanReport()
        let scratch = MatchScratch()
        for (path, text) in files {
            let detection = Array(text.utf8).withUnsafeBufferPointer { detector.scan($0, origin: Origin(path: path), scratch: scratch) }
            report.findings += detection.findings
            report.filesScanned += 1
            report.bytesScanned += text.utf8.count
        }
        // One key was checked with --verify, so every format shows a verdict.
        for index in report.findings.indices where report.findings[index].secret == Array(key.utf8) {
            report.findings[index].verification = Verification(.active, "IvyMail answered 422 with success:false, so the key authenticated")
        }
        report.skipped = [SkippedFile(path: "assets/logo.png", reason: .binary), SkippedFile(path: "dump.sql", reason: .tooLarge)]
        report.problems = [ScanProblem(path: "private/notes.txt", message: "Permission denied")]
        report.duration = 0.25
        report.sort()
        return report
    }

    func check(_ name: String, _ actual: String) throws {
        let path = Self.goldenDirectory + "/" + name
        if ProcessInfo.processInfo.environment["IVYSCAN_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing golden file \(name); record with IVYSCAN_RECORD_GOLDEN=1")
        #expect(actual == String(decoding: expected, as: UTF8.self), "output differs from Golden/\(name)")
    }

    @Test func textReport() throws {
        let report = try Self.fixtureReport()
        try check("report.txt", ReportFormat.text.render(report, options: ReportOptions(toolVersion: "0.0.0-test")))
    }

    @Test func textReportVerboseWithColor() throws {
        let report = try Self.fixtureReport()
        try check("report-color.txt", ReportFormat.text.render(report, options: ReportOptions(color: true, verbose: true, toolVersion: "0.0.0-test")))
    }

    @Test func jsonReport() throws {
        let report = try Self.fixtureReport()
        let json = ReportFormat.json.render(report, options: ReportOptions(toolVersion: "0.0.0-test"))
        try check("report.json", json)
        // It is also valid JSON with the documented top-level fields.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "version", "tool", "findings", "errors", "skipped", "summary"])
    }

    @Test func githubAnnotations() throws {
        let report = try Self.fixtureReport()
        let annotations = GitHubAnnotations(options: ReportOptions(toolVersion: "0.0.0-test")).render(report)
        try check("annotations.txt", annotations)
        // One workflow command per line; suppressed findings are not annotated.
        let lines = annotations.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        #expect(lines.count == report.findings.filter { !$0.suppressed }.count)
        #expect(!annotations.contains("docs/setup.md"))
    }

    @Test func annotationEscapingKeepsOneCommandPerLine() {
        #expect(GitHubAnnotations.data("a%b\nc\rd") == "a%25b%0Ac%0Dd")
        #expect(GitHubAnnotations.property("dir,x/a:b.py") == "dir%2Cx/a%3Ab.py")
    }

    @Test func annotationsStopAtGitHubsLimit() throws {
        var report = try Self.fixtureReport()
        let template = report.findings.first { !$0.suppressed }!
        report.findings = (1...60).map { line in
            var finding = template
            finding.location.line = line
            finding.location.endLine = line
            return finding
        }
        let lines = GitHubAnnotations(options: ReportOptions(toolVersion: "t")).render(report).split(separator: "\n")
        #expect(lines.count == GitHubAnnotations.limit + 1)
        #expect(lines.last?.hasPrefix("::notice ") == true && lines.last?.contains("10 more") == true)
    }

    /// `--fail-on-active`: the JSON `gating` flag follows liveness, not severity
    /// or suppression, so dashboards agree with the exit status.
    @Test func liveKeysGateDrivesGatingEverywhere() throws {
        var report = try Self.fixtureReport()
        report.liveKeysGate = true
        let live = report.findings.filter { $0.verification?.status.isLive == true }
        #expect(live.count == 1)
        #expect(report.gating(failOn: .medium).map(\.fingerprint) == live.map(\.fingerprint))
        let json = ReportFormat.json.render(report, options: ReportOptions(toolVersion: "t"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let gating = findings.filter { $0["gating"] as? Bool == true }
        #expect(gating.count == 1)
        #expect((gating.first?["verification"] as? [String: Any])?["status"] as? String == "active")
        // The suppressed key, unverified, does not gate even though it is critical.
        #expect(findings.contains { $0["suppressed"] as? Bool == true && $0["gating"] as? Bool == false })
        let junit = ReportFormat.junit.render(report, options: ReportOptions(toolVersion: "t"))
        #expect(junit.components(separatedBy: "<failure ").count - 1 == 1)
        #expect(junit.contains("--fail-on-active fails only on live keys"))
        let text = ReportFormat.text.render(report, options: ReportOptions(toolVersion: "t"))
        #expect(text.contains("FAIL: 1 finding with a live key"))
    }

    /// The verdict agrees with the exit status: --strict turns unreadable
    /// files into INCOMPLETE (exit 3), coverage gaps always do.
    @Test func verdictFollowsTheExitStatus() {
        var report = ScanReport(problems: [ScanProblem(path: "secret.txt", message: "Permission denied")], filesScanned: 12_345)
        var options = ReportOptions(toolVersion: "t")
        let text = TextReporter(options: options)
        #expect(text.summary(report).hasSuffix("PASS: nothing fails --fail-on medium"))
        #expect(text.summary(report).contains("scanned 12,345 files"))
        options.strict = true
        #expect(TextReporter(options: options).summary(report).hasSuffix("INCOMPLETE: 1 file could not be scanned (--strict); nothing fails --fail-on medium"))
        report.problems = []
        report.coverage = GitCoverage(scope: "range a..b", commits: 1, blobs: 1, bytes: 1, gaps: ["shallow clone"])
        #expect(TextReporter(options: options).summary(report).hasSuffix("INCOMPLETE: 1 coverage gap (listed on stderr); nothing fails --fail-on medium"))
    }

    @Test func noFormatLeaksASecretUnlessAsked() throws {
        let report = try Self.fixtureReport()
        let secrets = report.findings.map { String(decoding: $0.secret, as: UTF8.self) }
        #expect(secrets.count >= 3)
        for format in ReportFormat.allCases {
            let redacted = format.render(report, options: ReportOptions(verbose: true, toolVersion: "t"))
            for secret in secrets { #expect(!redacted.contains(secret), "\(format) leaked a secret") }
            let shown = format.render(report, options: ReportOptions(showSecrets: true, toolVersion: "t"))
            // The hook format lists only what needs action, so not suppressed findings.
            let listed = report.findings.filter { format != .hook || !$0.suppressed }.map { String(decoding: $0.secret, as: UTF8.self) }
            for secret in listed { #expect(shown.contains(secret), "\(format) must show secrets with --show-secrets") }
        }
    }
}
