import Foundation
import Testing
import TestSupport

/// Several reports from one run of the real binary (`-o`, `--report`),
/// formats inferred from file names, and the reports CI uploads.
@Suite struct ReportOutputsTests {
    func ivyscan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("GITHUB_") && $0.key != "CI_COMMIT_SHA" && $0.key != "IVYSCAN_CONFIG"
        }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        for (key, value) in extra { environment[key] = value }
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment)
        #expect(!result.timedOut, "ivyscan \(arguments) timed out")
        return result
    }

    func read(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path), "\(path) was not written"), as: UTF8.self)
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Yesterday's reports left in the tree must not become today's findings:
    /// SARIF quotes rule documentation full of code examples. A report made
    /// with --show-secrets holds real keys and must still be reported.
    @Test func ownReportsInTheTreeAreNotFindingsUnlessTheyHoldKeys() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("app/config.py", "IVYMAIL_API_KEY = \"\(key)\"\nprint(os.environ[\"IVYMAIL_API_KEY\"])\n")
        temp.write("reports/README", "CI reports\n")
        let reports = ["reports/ivyscan.sarif", "reports/ivyscan.json", "reports/ivyscan.xml", "reports/gl-secret-detection-report.json"]
        let first = ivyscan(["scan", "--no-git", "app"] + reports.flatMap { ["-o", $0] }, in: temp.path)
        #expect(first.status == 1)
        let again = ivyscan(["scan", "--no-git", "--format", "json", "."], in: temp.path)
        let findings = try #require(try object(again.stdout)["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["path"] as? String }) == ["app/config.py"], "\(findings.map { ($0["path"]!, $0["rule_id"]!) })")
        // The same reports with the key in full are leaks of their own.
        let shown = ivyscan(["scan", "--no-git", "--show-secrets", "app"] + reports.flatMap { ["-o", $0] }, in: temp.path)
        #expect(shown.status == 1)
        let leaked = ivyscan(["scan", "--no-git", "--format", "json", "reports"], in: temp.path)
        let leaks = try #require(try object(leaked.stdout)["findings"] as? [[String: Any]])
        for report in reports {
            #expect(leaks.contains { $0["path"] as? String == String(report.dropFirst("reports/".count)) && $0["rule_id"] as? String == "ivymail-api-key" },
                    "\(report) with --show-secrets holds the key")
        }
        #expect(!leaks.contains { $0["rule_id"] as? String == "ivymail-key-logged" })
    }

    @Test func oneScanWritesEveryReport() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("app/config.py", "IVYMAIL_KEY = \"\(key)\"\n")
        let out = TempDirectory("ivyscan-reports")
        let result = ivyscan(["scan", "--no-git", "app",
                              "-o", out.path + "/r.sarif", "-o", out.path + "/r.json", "-o", out.path + "/r.xml",
                              "--report", "gitlab=\(out.path)/gl.json", "--report", "text=-", "--color", "never"],
                             in: temp.path, environment: ["CI_COMMIT_SHA": String(repeating: "ab", count: 20)])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("ivymail-api-key"), "the text report goes to stdout")
        let sarif = try read(out.path + "/r.sarif")
        let json = try read(out.path + "/r.json")
        let junit = try read(out.path + "/r.xml")
        let gitlab = try read(out.path + "/gl.json")
        #expect(try object(sarif)["version"] as? String == "2.1.0")
        #expect(try object(json)["schema"] as? String == "ivyscan-report")
        #expect(junit.hasPrefix("<?xml") && junit.contains("<failure "))
        let vulnerabilities = try #require(try object(gitlab)["vulnerabilities"] as? [[String: Any]])
        #expect(((vulnerabilities.first?["location"] as? [String: Any])?["commit"] as? [String: Any])?["sha"] as? String == String(repeating: "ab", count: 20))
        for text in [sarif, json, junit, gitlab, result.stdout, result.stderr] { #expect(!text.contains(key), "a report leaked the key") }
        if SchemaValidation.jsonSchemaAvailable {
            #expect(SchemaValidation.jsonErrors(sarif, schema: "sarif-schema-2.1.0.json").isEmpty)
            #expect(SchemaValidation.jsonErrors(gitlab, schema: "gitlab-secret-detection-report-format-15.2.4.json").isEmpty)
        }
        if SchemaValidation.xmllintAvailable {
            #expect(SchemaValidation.xmlErrors(junit, xsd: "junit/JUnit-ant.xsd").isEmpty)
        }
    }

    @Test func formatComesFromTheExtensionUnlessGiven() throws {
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(TestKeys.key())\"\n")
        #expect(ivyscan(["scan", "--no-git", "-o", "report.sarif"], in: temp.path).status == 1)
        #expect(try object(read(temp.path + "/report.sarif"))["runs"] != nil)
        #expect(ivyscan(["scan", "--no-git", "--format", "json", "-o", "report.sarif"], in: temp.path).status == 1)
        #expect(try object(read(temp.path + "/report.sarif"))["schema"] as? String == "ivyscan-report")
        #expect(ivyscan(["scan", "--no-git", "-o", "report.out"], in: temp.path).status == 1)
        #expect(try read(temp.path + "/report.out").contains("a.py"), "an unknown extension is a text report")
    }

    @Test(arguments: [
        ["--format", "json", "-o", "a.json", "-o", "b.sarif"],
        ["-o", "a.json", "--report", "sarif=a.json"],
        ["--report", "json=-", "--report", "text=-"],
        ["--report", "yaml=a.yaml"],
        ["--report", "sarif"],
    ])
    func conflictingOutputsAreUsageErrors(arguments: [String]) {
        let temp = TempDirectory()
        let result = ivyscan(["scan"] + arguments, in: temp.path)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
    }

    @Test func gitRangeSARIFCarriesTheCommit() throws {
        let repo = TempDirectory("ivyscan-git")
        Command.git(["init", "-q", "-b", "main"], in: repo.path)
        repo.write("README.md", "hello\n")
        Command.git(["add", "-A"], in: repo.path)
        Command.git(["commit", "-q", "-m", "first"], in: repo.path)
        repo.write("send.py", "KEY = \"\(TestKeys.key())\"\n")
        Command.git(["add", "-A"], in: repo.path)
        Command.git(["commit", "-q", "-m", "second"], in: repo.path)
        let head = Command.git(["rev-parse", "HEAD"], in: repo.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = ivyscan(["git", "range", "HEAD~1..HEAD", "-o", "r.sarif", "--report", "gitlab=gl.json"], in: repo.path)
        #expect(result.status == 1, "\(result.stderr)")
        let run = try #require((try object(read(repo.path + "/r.sarif"))["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect((results.first?["properties"] as? [String: Any])?["commit"] as? String == head)
        let gitlab = try object(read(repo.path + "/gl.json"))
        let vulnerability = try #require((gitlab["vulnerabilities"] as? [[String: Any]])?.first)
        #expect(((vulnerability["location"] as? [String: Any])?["commit"] as? [String: Any])?["sha"] as? String == head)
    }
}
