import Foundation
import Testing
import TestSupport

/// `ivyscan baseline ...`, `--baseline` and `--baseline-out` through the
/// built binary, as a team adopting ivyscan on an existing code base would.
@Suite struct BaselineEndToEndTests {
    func ivyscan(_ arguments: [String], in directory: String) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("GITHUB_") && !$0.key.hasPrefix("GITLAB") }
        environment.removeValue(forKey: "IVYSCAN_CONFIG")
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment)
        #expect(!result.timedOut, "ivyscan \(arguments) timed out")
        return result
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func read(_ path: String) throws -> [UInt8] { Array(try #require(FileManager.default.contents(atPath: path))) }

    /// Rewrites the baseline's entries with `change` (e.g. to add reasons by hand).
    func edit(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        var document = try json(String(decoding: try read(path), as: UTF8.self))
        var entries = try #require(document["entries"] as? [[String: Any]])
        for index in entries.indices { change(&entries[index]) }
        document["entries"] = entries
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    }

    @Test func createThenScanReportsOnlyNewFindings() throws {
        let temp = TempDirectory()
        let old = TestKeys.key()
        temp.write("src/send.py", "KEY = \"\(old)\"\n")
        let create = ivyscan(["baseline", "create", "--no-git"], in: temp.path)
        #expect(create.status == 0, "\(create.stderr)")
        let baseline = temp.path + "/.ivyscan-baseline.json"
        let text = String(decoding: try read(baseline), as: UTF8.self)
        #expect(!text.contains(old) && !text.contains(String(old.dropFirst(8))))

        let clean = ivyscan(["scan", "--no-git", "--color", "never", "--baseline", ".ivyscan-baseline.json"], in: temp.path)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("no findings") && clean.stdout.contains("1 baselined"))
        #expect(!clean.stdout.contains("src/send.py"), "baselined findings are not listed in text")

        let report = try json(ivyscan(["scan", "--no-git", "-f", "json", "--baseline", baseline], in: temp.path).stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1 && findings[0]["baselined"] as? Bool == true && findings[0]["gating"] as? Bool == false)
        #expect((report["summary"] as? [String: Any])?["baselined"] as? Int == 1)

        // Moved to another file and reformatted: still accepted. A new key is not.
        try FileManager.default.removeItem(atPath: temp.path + "/src/send.py")
        let new = TestKeys.key()
        temp.write("lib/mail/client.py", "\n\nclass Client:\n    key = '\(old)'\n    other = '\(new)'\n")
        let mixed = ivyscan(["scan", "--no-git", "-f", "json", "--baseline", baseline], in: temp.path)
        #expect(mixed.status == 1)
        let mixedFindings = try #require(try json(mixed.stdout)["findings"] as? [[String: Any]])
        #expect(mixedFindings.count == 2)
        #expect(mixedFindings.filter { $0["baselined"] as? Bool == true }.map { $0["line"] as? Int } == [4])
        #expect(mixedFindings.filter { $0["gating"] as? Bool == true }.map { $0["line"] as? Int } == [5])
    }

    @Test func ciReportsMarkBaselinedFindings() throws {
        let temp = TempDirectory()
        temp.write("a.py", "A = \"\(TestKeys.key())\"\n")
        #expect(ivyscan(["baseline", "create", "--no-git"], in: temp.path).status == 0)
        temp.write("b.py", "B = \"\(TestKeys.key())\"\n")
        let result = ivyscan(["scan", "--no-git", "--baseline", ".ivyscan-baseline.json", "-o", "r.sarif", "-o", "r.xml"], in: temp.path)
        #expect(result.status == 1, "\(result.stderr)")
        let sarif = String(decoding: try read(temp.path + "/r.sarif"), as: UTF8.self)
        let runs = try #require(try json(sarif)["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let external = results.filter { (($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String) == "external" }
        #expect(results.count == 2 && external.count == 1)
        if SchemaValidation.jsonSchemaAvailable {
            #expect(SchemaValidation.jsonErrors(sarif, schema: "sarif-schema-2.1.0.json").isEmpty)
        }
        let junit = String(decoding: try read(temp.path + "/r.xml"), as: UTF8.self)
        #expect(junit.contains("accepted in the baseline") && junit.contains("<failure"))
    }

    @Test func regeneratingIsByteIdenticalAndKeepsMetadata() throws {
        let temp = TempDirectory()
        temp.write("a.env", "IVYMAIL_API_KEY=\(TestKeys.key())\nOTHER=\(TestKeys.key())\n")
        #expect(ivyscan(["baseline", "create", "--no-git", "-o", "bl.json"], in: temp.path).status == 0)
        let first = try read(temp.path + "/bl.json")
        #expect(ivyscan(["baseline", "create", "--no-git", "-o", "bl.json"], in: temp.path).status == 0)
        #expect(try read(temp.path + "/bl.json") == first)
        try edit(temp.path + "/bl.json") { $0["reason"] = "fixture"; $0["owner"] = "qa"; $0["expires"] = "2999-01-01" }
        #expect(ivyscan(["baseline", "update", "--no-git", "-b", "bl.json"], in: temp.path).status == 0)
        let updated = String(decoding: try read(temp.path + "/bl.json"), as: UTF8.self)
        #expect(updated.components(separatedBy: "\"fixture\"").count == 3 && updated.contains("\"2999-01-01\""))
        #expect(ivyscan(["baseline", "update", "--no-git", "-b", "bl.json"], in: temp.path).status == 0)
        #expect(String(decoding: try read(temp.path + "/bl.json"), as: UTF8.self) == updated)
    }

    @Test func auditFailsOnStaleEntriesOnlyWhenAsked() throws {
        let temp = TempDirectory()
        let (stay, leave) = (TestKeys.key(), TestKeys.key())
        temp.write("a.py", "A = \"\(stay)\"\nB = \"\(leave)\"\n")
        #expect(ivyscan(["baseline", "create", "--no-git"], in: temp.path).status == 0)
        let missing = ivyscan(["baseline", "audit", "--no-git", "--fail-on-stale-baseline"], in: temp.path)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("2 missing-reason"))
        #expect(ivyscan(["baseline", "audit", "--no-git"], in: temp.path).status == 0, "without the flag audit only lists")

        try edit(temp.path + "/.ivyscan-baseline.json") { $0["reason"] = "accepted test key" }
        #expect(ivyscan(["baseline", "audit", "--no-git", "--fail-on-stale-baseline"], in: temp.path).status == 0)

        temp.write("a.py", "A = \"\(stay)\"\n")
        let unused = ivyscan(["baseline", "audit", "--no-git", "--fail-on-stale-baseline"], in: temp.path)
        #expect(unused.status == 1 && unused.stdout.contains("unused") && !unused.stdout.contains(leave))
        let update = ivyscan(["baseline", "update", "--no-git"], in: temp.path)
        #expect(update.status == 0 && update.stderr.contains("0 added, 1 removed"))
        #expect(ivyscan(["baseline", "audit", "--no-git", "--fail-on-stale-baseline"], in: temp.path).status == 0)

        try edit(temp.path + "/.ivyscan-baseline.json") { $0["expires"] = "2001-02-03" }
        let expired = ivyscan(["baseline", "audit", "--no-git", "--fail-on-stale-baseline"], in: temp.path)
        #expect(expired.status == 1 && expired.stdout.contains("expired"))

        // The same audit as JSON, for bots; the exit status is the same.
        temp.write("a.py", "")
        let json = ivyscan(["baseline", "audit", "--no-git", "--format", "json", "--fail-on-stale-baseline"], in: temp.path)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "ivyscan-baseline-audit" && object["clean"] as? Bool == false)
        #expect((object["counts"] as? [String: Int]) == ["expired": 1, "unused": 1, "missing-reason": 0])
        let stale = try #require((object["stale"] as? [[String: Any]])?.first)
        #expect(stale["problems"] as? [String] == ["expired", "unused"])
        #expect(stale["reason"] as? String == "accepted test key" && stale["owner"] is NSNull)
        #expect(!json.stdout.contains(stay))
        #expect(ivyscan(["baseline", "create", "--format", "json"], in: temp.path).status == 2, "--format is for audit")
    }

    @Test func badBaselineIsAUsageError() {
        let temp = TempDirectory()
        temp.write("bl.json", "{\"entries\": 3}")
        let scan = ivyscan(["scan", "--no-git", "--baseline", "bl.json"], in: temp.path)
        #expect(scan.status == 2 && scan.stderr.contains("bl.json"))
        #expect(ivyscan(["scan", "--no-git", "--baseline", "absent.json"], in: temp.path).status == 2)
        #expect(ivyscan(["baseline", "audit", "-b", "absent.json"], in: temp.path).status == 2)
        #expect(ivyscan(["baseline", "frobnicate"], in: temp.path).status == 2)
    }

    @Test func historyBaselineSurvivesRewrittenHistory() throws {
        let temp = TempDirectory("ivyscan-git")
        func git(_ arguments: String...) { #expect(Command.git(arguments, in: temp.path).status == 0, "git \(arguments)") }
        let key = TestKeys.key()
        git("init", "-q", "-b", "main")
        temp.write("config/old.py", "KEY = \"\(key)\"\n")
        git("add", "-A")
        git("commit", "-q", "-m", "add")
        let outside = TempDirectory()  // the baseline stays out of the repository's history
        let baseline = outside.path + "/bl.json"
        let record = ivyscan(["git", "history", "--baseline-out", baseline, "-f", "json"], in: temp.path)
        #expect(record.status == 1, "the recording scan still reports: \(record.stderr)")
        #expect(FileManager.default.fileExists(atPath: baseline))

        // Rewrite history: the same key, moved and reformatted, in a new root commit.
        git("checkout", "-q", "--orphan", "rewritten")
        git("rm", "-rq", "--cached", ".")
        try FileManager.default.removeItem(atPath: temp.path + "/config")
        temp.write("settings/mail.py", "# moved\n\nMAIL = {\n    'key': '\(key)',\n}\n")
        git("add", "-A")
        git("commit", "-q", "-m", "rewritten")
        git("branch", "-D", "main")
        let again = ivyscan(["git", "history", "--baseline", baseline, "-f", "json"], in: temp.path)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        let findings = try #require(try json(again.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { $0["baselined"] as? Bool == true }, "\(again.stdout)")

        let audit = ivyscan(["baseline", "audit", "--history", "-b", baseline, "--fail-on-stale-baseline", "."], in: temp.path)
        #expect(audit.status == 1 && audit.stdout.contains("1 missing-reason") && !audit.stdout.contains("unused"), "\(audit.stdout)\(audit.stderr)")

        temp.write("settings/mail.py", "MAIL = {'key': '\(TestKeys.key())'}\n")
        git("commit", "-qam", "new key")
        #expect(ivyscan(["git", "history", "--baseline", baseline], in: temp.path).status == 1)
        #expect(ivyscan(["git", "staged", "--baseline-out", "x.json"], in: temp.path).status == 2)
    }

    @Test func fingerprintAllowlistDropsAKnownTestKey() throws {
        let temp = TempDirectory()
        let (test, real) = (TestKeys.key(), TestKeys.key())
        temp.write("fixtures/a.py", "TEST = \"\(test)\"\n")
        let first = try json(ivyscan(["scan", "--no-git", "-f", "json"], in: temp.path).stdout)
        let fingerprint = try #require((first["findings"] as? [[String: Any]])?.first?["fingerprint"] as? String)
        temp.write(".ivyscan.toml", """
            version = 1
            [[allowlist.fingerprints]]
            fingerprint = "\(fingerprint)"
            reason = "public sandbox key from the IvyMail docs"
            """)
        #expect(ivyscan(["scan", "--no-git"], in: temp.path).status == 0)
        temp.write("fixtures/b.py", "REAL = \"\(real)\"\n")
        let second = ivyscan(["scan", "--no-git", "-f", "json"], in: temp.path)
        #expect(second.status == 1)
        #expect((try json(second.stdout)["findings"] as? [[String: Any]])?.map { $0["path"] as? String } == ["fixtures/b.py"])

        temp.write(".ivyscan.toml", "version = 1\n[[allowlist.fingerprints]]\nfingerprint = \"\(fingerprint)\"\n")
        let noReason = ivyscan(["scan", "--no-git"], in: temp.path)
        #expect(noReason.status == 2 && noReason.stderr.contains("reason"))
    }
}
