import Foundation
import IvyConfig
import IvyMatching
import IvyModel
import IvyReporting
import Testing
import TestSupport

/// The hook format against Golden/hook-*.txt, from the same kind of fixture
/// as GoldenTests: deterministic keys run through the real detector.
@Suite struct HookGoldenTests {
    /// Findings as `git staged` or `git pre-push` would return them.
    static func fixtureReport(_ files: [(path: String, text: String, status: FindingStatus, commit: String?)]) throws -> ScanReport {
        let detector = try Detector(rules: try DefaultRules.load())
        let scratch = MatchScratch()
        var report = ScanReport()
        for file in files {
            let origin = Origin(path: file.path, commit: file.commit)
            let detection = Array(file.text.utf8).withUnsafeBufferPointer { detector.scan($0, origin: origin, scratch: scratch) }
            report.findings += detection.findings.map { finding in
                var finding = finding
                finding.status = file.status
                return finding
            }
            report.filesScanned += 1
        }
        report.sort()
        return report
    }

    /// A commit with one key: the "handful of lines" case.
    @Test func oneFinding() throws {
        let key = TestKeys.seededKey(seed: 7)
        let report = try Self.fixtureReport([("src/send.py", "import os\n\nKEY = \"\(key)\"\n", .new, nil)])
        let output = ReportFormat.hook.render(report, options: ReportOptions(toolVersion: "0.0.0-test"))
        try GoldenTests().check("hook-one.txt", output)
        #expect(output.split(separator: "\n").count <= 6)
    }

    /// Several files needing different fixes, a key in a pushed commit, an
    /// already-committed key (one line, not blocking) and a suppressed one (silent).
    @Test func severalFindings() throws {
        let key = TestKeys.seededKey(seed: 7)
        let header = String(TestKeys.seededKey(seed: 9).dropFirst(8).prefix(24))
        let report = try Self.fixtureReport([
            ("src/send.py", "KEY = \"\(key)\"\nrequests.post(\"https://api.ivymail.io/v1/send\", headers={\"x-api-key\": \"\(header)\"})\n", .new, nil),
            ("deploy/.env", "IVYMAIL_API_KEY=\(TestKeys.seededKey(seed: 10))\n", .new, "0123456789abcdef0123456789abcdef01234567"),
            ("cmd/main.go", "const key = \"\(TestKeys.seededKey(seed: 11))\"\n", .existing, nil),
            ("docs/setup.md", "\texport IVYMAIL_API_KEY=\(TestKeys.seededKey(seed: 8))  # ivyscan:allow\n", .new, nil),
        ])
        try GoldenTests().check("hook.txt", ReportFormat.hook.render(report, options: ReportOptions(toolVersion: "0.0.0-test")))
    }

    /// `git staged --verify`: the verdict is one more line under the key, and
    /// an already-committed live key says so on its single line.
    @Test func verifiedKeys() throws {
        var report = try Self.fixtureReport([
            ("src/send.py", "KEY = \"\(TestKeys.seededKey(seed: 7))\"\n", .new, nil),
            ("cmd/main.go", "const key = \"\(TestKeys.seededKey(seed: 11))\"\n", .existing, nil),
        ])
        for index in report.findings.indices {
            report.findings[index].verification = report.findings[index].status == .new
                ? Verification(.inactive, "IvyMail answered 401: invalid or revoked")
                : Verification(.active, "IvyMail answered 422 with success:false, so the key authenticated")
        }
        let output = ReportFormat.hook.render(report, options: ReportOptions(toolVersion: "0.0.0-test"))
        try GoldenTests().check("hook-verified.txt", output)
        #expect(output.contains("IvyMail: inactive (") && output.contains("rotate it now"))
    }

    /// Nothing to act on prints nothing; already-committed keys print one line each.
    @Test func cleanAndExistingOnly() throws {
        #expect(ReportFormat.hook.render(ScanReport(), options: ReportOptions(toolVersion: "t")) == "")
        let key = TestKeys.seededKey(seed: 12)
        let report = try Self.fixtureReport([("a.rb", "KEY = '\(key)'\n", .existing, nil)])
        let output = ReportFormat.hook.render(report, options: ReportOptions(toolVersion: "t"))
        #expect(output.split(separator: "\n").count == 1)
        #expect(output.contains("a.rb:1:8") && output.contains("already committed: rotate it"))
        #expect(!output.contains(key))
    }

    @Test func snippetsFollowTheFileName() {
        #expect(EnvSnippet.forPath("app/main.py") == .code("os.environ[\"IVYMAIL_API_KEY\"]"))
        #expect(EnvSnippet.forPath("web/src/App.TSX") == .code("process.env.IVYMAIL_API_KEY"))
        #expect(EnvSnippet.forPath("svc/main.go") == .code("os.Getenv(\"IVYMAIL_API_KEY\")"))
        #expect(EnvSnippet.forPath("lib/mailer.rb") == .code("ENV.fetch(\"IVYMAIL_API_KEY\")"))
        #expect(EnvSnippet.forPath("src/Main.java") == .code("System.getenv(\"IVYMAIL_API_KEY\")"))
        #expect(EnvSnippet.forPath("Mailer.cs") == .code("Environment.GetEnvironmentVariable(\"IVYMAIL_API_KEY\")"))
        #expect(EnvSnippet.forPath("src/lib.rs") == .code("std::env::var(\"IVYMAIL_API_KEY\")"))
        #expect(EnvSnippet.forPath("Sources/App/Mail.swift") == .code("ProcessInfo.processInfo.environment[\"IVYMAIL_API_KEY\"]"))
        #expect(EnvSnippet.forPath("public/index.php") == .code("getenv('IVYMAIL_API_KEY')"))
        #expect(EnvSnippet.forPath("deploy/Dockerfile") == .code("\"$IVYMAIL_API_KEY\""))
        #expect(EnvSnippet.forPath("scripts/send.sh") == .code("\"$IVYMAIL_API_KEY\""))
        #expect(EnvSnippet.forPath("README.md") == .code("\"$IVYMAIL_API_KEY\""))
        #expect(EnvSnippet.forPath(".env") == .untrack)
        #expect(EnvSnippet.forPath("config/.env.production") == .untrack)
        #expect(EnvSnippet.forPath("local.env") == .untrack)
        #expect(EnvSnippet.forPath(".env.example") == .placeholder)
        #expect(EnvSnippet.forPath("data/blob.bin") == .generic)
        #expect(EnvSnippet.untrack.entry(path: "my dir/.env") == "git rm --cached 'my dir/.env', then add it to .gitignore")
    }
}
