import Foundation
import Testing
import TestSupport

/// `--verify`, `--fail-on-active` and `ivyscan verify` through the real
/// binary against the fake IvyMail server. Every test checks that no email
/// would have been sent and that no full key reached stdout or stderr.
@Suite struct VerifyEndToEndTests {
    func ivyscan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:], stdin: String? = nil) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
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
}
