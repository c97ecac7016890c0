import Foundation
import Testing
import TestSupport

/// `--verify`, `--fail-on-active` and `ivyscan verify` through the real
/// binary against the fake IvyMail server. Every test checks that no email
/// would have been sent and that no full key reached stdout or stderr.
@Suite struct VerifyEndToEndTests {
    func ivyscan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:], stdin: String? = nil) -> CommandResult {
        // As GitModeTests: no user or system git config, no CI range variables.
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("GITHUB_") && !$0.key.hasPrefix("GITLAB") && $0.key != "CI_COMMIT_SHA"
        }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        for name in ["IVYSCAN_CONFIG", "NO_COLOR", "IVYSCAN_API_BASE", "http_proxy", "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"] {
            environment.removeValue(forKey: name)
        }
        for (key, value) in extra { environment[key] = value }
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment, stdin: stdin, timeout: 60)
        #expect(!result.timedOut, "ivyscan \(arguments) timed out")
        return result
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func expectNoKeys(_ result: CommandResult, _ keys: [String]) {
        for key in keys {
            #expect(!result.stdout.contains(key), "a full key in stdout")
            #expect(!result.stderr.contains(key), "a full key in stderr")
        }
    }

    /// The report's findings that carry a verdict, by path.
    func verdicts(_ result: CommandResult) throws -> [String: [[String: Any]]] {
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]], "not a report: \(result.stderr)")
        return Dictionary(grouping: findings.filter { $0["verification"] != nil }) { $0["path"] as? String ?? "" }
    }

    func status(_ finding: [String: Any]?) -> String? { (finding?["verification"] as? [String: Any])?["status"] as? String }
    func reason(_ finding: [String: Any]?) -> String? { (finding?["verification"] as? [String: Any])?["reason"] as? String }

    /// Plain SHA-256 hex of `text`, from Python (the key goes on stdin, not argv).
    func sha256(_ text: String) -> String {
        let script = "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())"
        return Command.run("/usr/bin/env", ["python3", "-c", script], stdin: text).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func scanVerifyAnnotatesFindingsWithoutLeakingKeys() throws {
        let (active, revoked, restricted) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked", restricted: "restricted"])
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(active)\"\nOLD = \"\(revoked)\"\nAGAIN = \"\(active)\"\n")
        temp.write("b.env", "IVYMAIL_API_KEY=\(restricted)\n")
        let result = ivyscan(["scan", "--no-git", "--verify", "--api-base", server.base, "--format", "json", "--trace", "-v", "."], in: temp.path)
        #expect(result.status == 1)
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        let statuses = findings.compactMap { ($0["verification"] as? [String: Any])?["status"] as? String }
        #expect(statuses.filter { $0 == "active" }.count >= 2)
        #expect(statuses.contains("inactive"))
        #expect(statuses.contains("restricted"))
        expectNoKeys(result, [active, revoked, restricted])
        let text = ivyscan(["scan", "--no-git", "--verify", "--api-base", server.base, "."], in: temp.path)
        #expect(text.stdout.contains("= verified: active"))
        expectNoKeys(text, [active, revoked, restricted])
        let stats = try server.stats()
        #expect(stats.requests == 6)  // three unique keys, twice
        #expect(stats.user_agents.allSatisfy { $0.hasPrefix("ivyscan/") })
        #expect(stats.sends == 0)
    }

    @Test func failOnActiveFailsOnlyOnLiveKeysEvenSuppressed() throws {
        let (active, revoked) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked"])
        let temp = TempDirectory()
        temp.write("dead/a.py", "OLD = \"\(revoked)\"\n")
        let dead = ivyscan(["scan", "--no-git", "--fail-on-active", "--api-base", server.base, "dead"], in: temp.path)
        #expect(dead.status == 0, "a dead key alone does not fail --fail-on-active")
        temp.write("live/a.py", "KEY = \"\(active)\"  # ivyscan:allow\n")
        let live = ivyscan(["scan", "--no-git", "--fail-on-active", "--api-base", server.base, "live"], in: temp.path)
        #expect(live.status == 1)
        #expect(live.stderr.contains("suppressed or baselined"))
        expectNoKeys(live, [active, revoked])
        #expect(try server.stats().sends == 0)
    }

    @Test func theDefaultStaysOffline() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "active"])
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(key)\"\n")
        let result = ivyscan(["scan", "--no-git", "."], in: temp.path, environment: ["IVYSCAN_API_BASE": server.base])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("verified"))
        #expect(try server.stats().requests == 0)
    }

    @Test func theBaseURLComesOnlyFromTheFlagOrTheEnvironment() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "active"])
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(key)\"\n")
        let fromEnvironment = ivyscan(["scan", "--no-git", "--verify", "--format", "json", "."], in: temp.path, environment: ["IVYSCAN_API_BASE": server.base])
        #expect(fromEnvironment.stdout.contains("\"active\""))
        let refused = ivyscan(["scan", "--no-git", "--verify", "--api-base", "http://api.ivymail.io", "."], in: temp.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not loopback"))
        // A scanned repository cannot redirect keys to its own server.
        temp.write(".ivyscan.toml", "version = 1\napiBase = \"\(server.base)\"\n[verify]\napi_base = \"\(server.base)\"\n")
        let config = ivyscan(["scan", "--no-git", "--verify", "."], in: temp.path)
        #expect(config.status == 2)
        #expect(try server.stats().requests == 1)
        #expect(try server.stats().sends == 0)
    }

    @Test func verifyCommandReadsStdinAndReports() throws {
        let (active, html, redirect) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", html: "html", redirect: "redirect"])
        let temp = TempDirectory()
        let result = ivyscan(["verify", "--api-base", server.base, "--fail-on-active", "--format", "json"], in: temp.path,
                             stdin: "\(active)\n\(html)\n\n\(redirect)\n\(active)\n")
        #expect(result.status == 1)
        let keys = try #require(try json(result.stdout)["keys"] as? [[String: Any]])
        #expect(keys.map { $0["status"] as? String } == ["active", "unknown", "unknown"])
        expectNoKeys(result, [active, html, redirect])
        let noCurl = ivyscan(["verify", "--api-base", server.base], in: temp.path, environment: ["PATH": "/nonexistent"], stdin: active + "\n")
        #expect(noCurl.stdout.contains("unknown  curl not found"))
        #expect(try server.stats().requests == 3)
        #expect(try server.stats().sends == 0)
    }

    @Test func verifyReadsAReportMadeWithShowSecrets() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "restricted"])
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(key)\"\n")
        _ = ivyscan(["scan", "--no-git", "--show-secrets", "-o", "full.json", "-o", "redacted.json", "."], in: temp.path)
        _ = ivyscan(["scan", "--no-git", "-o", "redacted.json", "a.py"], in: temp.path)
        let full = ivyscan(["verify", "--api-base", server.base, "--report", "full.json"], in: temp.path)
        #expect(full.stdout.contains("restricted"))
        let redacted = ivyscan(["verify", "--api-base", server.base, "--report", "redacted.json"], in: temp.path)
        #expect(redacted.stderr.contains("--show-secrets"))
        expectNoKeys(redacted, [key])
        #expect(try server.stats().sends == 0)
    }

    @Test func printVerificationRequestNeverInlinesTheKey() throws {
        let temp = TempDirectory()
        let result = ivyscan(["verify", "--print-verification-request"], in: temp.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("-H \"x-api-key: $IVYMAIL_KEY_TO_CHECK\""))
        #expect(result.stdout.contains("--data-raw '{}'"))
        #expect(result.stdout.contains("https://api.ivymail.io/v1/send"))
        #expect(!result.stdout.contains("ivym_sk_"))
    }

    // MARK: git modes

    @Test func gitStagedVerifyAnnotatesTheIndexFindings() throws {
        let (active, revoked) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked"])
        let repo = GitModeTests.Repo()
        repo.commit("init", ["README.md": "hello\n"])
        repo.write("live.py", "KEY = '\(active)'\n")
        repo.write("dead.py", "OLD = '\(revoked)'\n")
        repo.git("add", "live.py", "dead.py")
        let result = ivyscan(["git", "staged", "--verify", "--api-base", server.base, "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let found = try verdicts(result)
        #expect(found["live.py"]?.map(status) == ["active"])
        #expect(found["dead.py"]?.map(status) == ["inactive"])
        #expect(found["live.py"]?.first?["status"] as? String == "new")
        expectNoKeys(result, [active, revoked])
        let stats = try server.stats()
        #expect(stats.requests == 2)
        #expect(stats.sends == 0)
    }

    @Test func gitRangeVerifyAnnotatesEachCommitsKeys() throws {
        let (active, revoked) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked"])
        let repo = GitModeTests.Repo()
        repo.commit("init", ["README.md": "hello\n"])
        let base = repo.head()
        repo.commit("add a live key", ["live.py": "KEY = '\(active)'\n"])
        repo.commit("add a dead key and the live one again", ["dead.py": "OLD = '\(revoked)'\n", "copy.py": "AGAIN = '\(active)'\n"])
        let result = ivyscan(["git", "range", "\(base)..HEAD", "--verify", "--api-base", server.base, "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let found = try verdicts(result)
        #expect(found["live.py"]?.map(status) == ["active"])
        #expect(found["copy.py"]?.map(status) == ["active"])
        #expect(found["dead.py"]?.map(status) == ["inactive"])
        #expect(found.values.joined().allSatisfy { ($0["commit"] as? String)?.count == 40 })
        expectNoKeys(result, [active, revoked])
        let stats = try server.stats()
        #expect(stats.requests == 2, "the key in two commits is checked once")
        #expect(stats.sends == 0)
    }

    // MARK: --fail-on-active in the JSON report

    @Test func failOnActiveGatesExactlyTheLiveKeysFindings() throws {
        let (active, revoked) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked"])
        let repo = GitModeTests.Repo()
        repo.commit("init", ["README.md": "hello\n"])
        let base = repo.head()
        repo.commit("keys", ["live.py": "KEY = '\(active)'\n", "dead.py": "OLD = '\(revoked)'\n"])
        let temp = TempDirectory()
        temp.write("live.py", "KEY = '\(active)'\n")
        temp.write("dead.py", "OLD = '\(revoked)'\n")
        let runs = [
            ivyscan(["scan", "--no-git", "--fail-on-active", "--api-base", server.base, "--format", "json", "."], in: temp.path),
            ivyscan(["git", "range", "\(base)..HEAD", "--fail-on-active", "--api-base", server.base, "--format", "json"], in: repo.path),
        ]
        for result in runs {
            #expect(result.status == 1)
            let found = try verdicts(result)
            #expect(found["live.py"]?.map { $0["gating"] as? Bool } == [true])
            #expect(found["dead.py"]?.map { $0["gating"] as? Bool } == [false], "a dead key never gates under --fail-on-active")
            expectNoKeys(result, [active, revoked])
        }
        // Without a live key nothing gates and the run passes.
        let dead = ivyscan(["scan", "--no-git", "--fail-on-active", "--api-base", server.base, "--format", "json", "dead.py"], in: temp.path)
        #expect(dead.status == 0)
        #expect(try verdicts(dead)["dead.py"]?.map { $0["gating"] as? Bool } == [false])
        #expect(try server.stats().sends == 0)
    }

    // MARK: de-duplication

    @Test func aKeyFoundPlainAndBase64EncodedIsOneRequest() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "active"])
        let temp = TempDirectory()
        temp.write("app.py", "KEY = '\(key)'\n")
        let encoded = Data(key.utf8).base64EncodedString()
        temp.write("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: mail\ntype: Opaque\ndata:\n  IVYMAIL_API_KEY: \(encoded)\n")
        let result = ivyscan(["scan", "--no-git", "--verify", "--api-base", server.base, "--format", "json", "."], in: temp.path)
        let found = try verdicts(result)
        let plain = try #require(found["app.py"]?.first)
        let decoded = try #require(found["secret.yaml"]?.first { $0["decoded"] != nil }, "the base64 key was found")
        #expect(status(plain) == "active" && status(decoded) == "active")
        #expect(plain["fingerprint"] as? String == decoded["fingerprint"] as? String, "one key, one fingerprint")
        expectNoKeys(result, [key, encoded])
        let stats = try server.stats()
        #expect(stats.requests == 1)
        #expect(stats.per_key[key] == 1)
        #expect(stats.sends == 0)
    }

    // MARK: --verify-cache

    @Test func aCachedRunMakesNoRequestsAndKeepsNoKey() throws {
        let (active, revoked, restricted) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [active: "active", revoked: "revoked", restricted: "restricted"])
        let temp = TempDirectory()
        temp.write("src/a.py", "KEY = '\(active)'\nOLD = '\(revoked)'\n")
        temp.write("src/b.env", "IVYMAIL_API_KEY=\(restricted)\n")
        let arguments = ["scan", "--no-git", "--verify", "--api-base", server.base, "--verify-cache", "cache/verdicts.json", "--format", "json", "src"]
        temp.mkdir("cache")
        let first = ivyscan(arguments, in: temp.path)
        #expect(try server.stats().requests == 3)
        let second = ivyscan(arguments, in: temp.path)
        #expect(try server.stats().requests == 3, "the second run asks nothing")
        #expect(second.status == first.status)
        #expect(second.stderr.contains("verification cache: 3 keys from cache/verdicts.json, 0 checked with 0 requests"))
        let (before, after) = (try verdicts(first), try verdicts(second))
        for path in ["a.py", "b.env"] {
            #expect(before[path]?.map(status) == after[path]?.map(status))
            #expect(after[path]?.allSatisfy { reason($0)?.contains(" (cached 20") == true } == true)
        }
        #expect(Set(after.values.joined().compactMap(status)) == ["active", "inactive", "restricted"])
        let path = temp.path + "/cache/verdicts.json"
        let content = try String(contentsOfFile: path, encoding: .utf8)
        let fingerprints = before.values.joined().compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 3)
        for key in [active, revoked, restricted] {
            #expect(!content.contains(key))
            #expect(!content.contains(sha256(key)))
        }
        for fingerprint in fingerprints { #expect(!content.contains(fingerprint)) }
        #expect(sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "the helper hashes what it is given")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path + "/cache") == ["verdicts.json"])
        expectNoKeys(first, [active, revoked, restricted])
        expectNoKeys(second, [active, revoked, restricted])
        #expect(try server.stats().sends == 0)
    }

    @Test func expiredCacheEntriesAreCheckedAgain() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "active"])
        let temp = TempDirectory()
        temp.write("src/a.py", "KEY = '\(key)'\n")
        let arguments = ["scan", "--no-git", "--verify", "--api-base", server.base, "--verify-cache", "cache.json", "--format", "json", "src"]
        _ = ivyscan(arguments, in: temp.path)
        #expect(try server.stats().requests == 1)
        // Age the entry by 100 s instead of sleeping.
        let path = temp.path + "/cache.json"
        var file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var entries = try #require(file["entries"] as? [[String: Any]])
        let checkedAt = try #require(entries.first?["checkedAt"] as? Int)
        entries[0]["checkedAt"] = checkedAt - 100
        file["entries"] = entries
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        _ = ivyscan(arguments, in: temp.path)
        #expect(try server.stats().requests == 1, "100 s old is fresh under the default day")
        let expired = ivyscan(arguments + ["--verify-cache-ttl", "50"], in: temp.path)
        #expect(try server.stats().requests == 2, "100 s old is stale under --verify-cache-ttl 50")
        #expect(try verdicts(expired)["a.py"]?.map(reason).first??.contains("cached") == false)
        let renewed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(((renewed["entries"] as? [[String: Any]])?.first?["checkedAt"] as? Int ?? 0) >= checkedAt)
        #expect(try server.stats().sends == 0)
    }

    @Test func aCorruptCacheWarnsOnceAndTheScanGoesOn() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "active"])
        let temp = TempDirectory()
        temp.write("src/a.py", "KEY = '\(key)'\n")
        temp.write("cache.json", "{ this is not json")
        let result = ivyscan(["scan", "--no-git", "--verify", "--api-base", server.base, "--verify-cache", "cache.json", "--format", "json", "src"], in: temp.path)
        #expect(result.status == 1, "the finding fails the scan, the cache does not change that")
        #expect(result.stderr.components(separatedBy: "warning: verification cache cache.json: not a JSON object").count == 2, "one warning: \(result.stderr)")
        #expect(try verdicts(result)["a.py"]?.map(status) == ["active"])
        let rewritten = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: temp.path + "/cache.json"))) as? [String: Any])
        #expect(rewritten["schema"] as? String == "ivyscan-verification-cache")
        #expect((rewritten["entries"] as? [Any])?.count == 1)
        // A cache that cannot be written (a directory) is a warning too.
        temp.mkdir("dir.json")
        let unwritable = ivyscan(["scan", "--no-git", "--verify", "--api-base", server.base, "--verify-cache", "dir.json", "--format", "json", "src"], in: temp.path)
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("verification cache dir.json"))
        #expect(try verdicts(unwritable)["a.py"]?.map(status) == ["active"])
        expectNoKeys(result, [key])
        expectNoKeys(unwritable, [key])
        #expect(try server.stats().sends == 0)
    }

    @Test func unknownVerdictsAreNotCached() throws {
        let (html, active) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [html: "html", active: "active"])
        let temp = TempDirectory()
        let arguments = ["verify", "--api-base", server.base, "--verify-cache", "cache.json", "--format", "json"]
        let first = ivyscan(arguments, in: temp.path, stdin: "\(html)\n\(active)\n")
        let second = ivyscan(arguments, in: temp.path, stdin: "\(html)\n\(active)\n")
        for result in [first, second] {
            let keys = try #require(try json(result.stdout)["keys"] as? [[String: Any]])
            #expect(keys.map { $0["status"] as? String } == ["unknown", "active"])
            expectNoKeys(result, [html, active])
        }
        let summaries = try [first, second].map { try #require(try json($0.stdout)["summary"] as? [String: Any]) }
        #expect(summaries.map { $0["cached"] as? Int } == [0, 1], "the JSON says which verdicts came from the cache")
        #expect(summaries.map { $0["requests"] as? Int } == [2, 1])
        let stats = try server.stats()
        #expect(stats.per_key[html] == 2, "unknown is asked again")
        #expect(stats.per_key[active] == 1, "active came from the cache")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: temp.path + "/cache.json"))) as? [String: Any])
        #expect((file["entries"] as? [[String: Any]])?.map { $0["status"] as? String } == ["active"])
        #expect(stats.sends == 0)
    }

    @Test func gitHistoryUsesTheCacheToo() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "restricted"])
        let repo = GitModeTests.Repo()
        repo.commit("leak", ["settings.py": "KEY = '\(key)'\n"])
        repo.commit("remove", ["settings.py": "KEY = os.environ['IVYMAIL_API_KEY']\n"])
        let cache = TempDirectory()
        let arguments = ["git", "history", "--verify", "--api-base", server.base, "--verify-cache", cache.path + "/c.json", "--format", "json"]
        let first = ivyscan(arguments, in: repo.path)
        let second = ivyscan(arguments, in: repo.path)
        #expect(try verdicts(first)["settings.py"]?.map(status) == ["restricted"])
        #expect(try verdicts(second)["settings.py"]?.map(status) == ["restricted"])
        #expect(try server.stats().requests == 1)
        expectNoKeys(second, [key])
        #expect(try server.stats().sends == 0)
    }

    @Test func cacheFlagsNeedVerifyAndSaneValues() throws {
        let temp = TempDirectory()
        for arguments in [["scan", "--verify-cache", "c.json", "."], ["scan", "--verify", "--verify-cache-ttl", "60", "."],
                          ["scan", "--verify", "--verify-cache", "c.json", "--verify-cache-ttl", "0", "."],
                          ["git", "staged", "--verify-cache", "c.json"]] {
            let result = ivyscan(arguments, in: temp.path)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/c.json"))
    }
}
