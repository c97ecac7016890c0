import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the real ivyscan binary on temp trees and checks stdout, stderr and
/// the exit status, as a user or CI would see them.
@Suite struct ScanEndToEndTests {
    func ivyscan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:], stdin: String? = nil, timeout: Double = 60) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "IVYSCAN_CONFIG")
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment, stdin: stdin, timeout: timeout)
        #expect(!result.timedOut, "ivyscan \(arguments) timed out")
        return result
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func findsAKeyAndExitsOne() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("app/config.py", "import os\n\nIVYMAIL_KEY = \"\(key)\"\n")
        let result = ivyscan(["scan", "--format", "json"], in: temp.path)
        #expect(result.status == 1)
        let report = try json(result.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = findings[0]
        #expect(finding["rule_id"] as? String == "ivymail-api-key")
        #expect(finding["severity"] as? String == "critical")
        #expect(finding["path"] as? String == "app/config.py")
        #expect(finding["line"] as? Int == 3)
        #expect(finding["column"] as? Int == 16)
        #expect(finding["end_column"] as? Int == 16 + key.utf8.count - 1)
        #expect((finding["fingerprint"] as? String)?.count == 64)
        #expect(!result.stdout.contains(key) && !result.stderr.contains(key), "the full key must never be printed by default")
    }

    @Test func textOutputShowsFileCaretFixAndSummary() {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("send.sh", "curl -H \"x-api-key: \(key)\" https://api.ivymail.io/v1/send\n")
        let result = ivyscan(["scan", "--color", "never"], in: temp.path)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "send.sh")
        #expect(result.stdout.contains("1:21  critical  ivymail-api-key"))
        let caretLine = lines.first { $0.contains("^^^") }
        let snippetLine = lines.first { $0.contains("ivym_sk_") && $0.contains("|") }
        #expect(caretLine.map { $0.firstIndex(of: "^")!.utf16Offset(in: $0) } == snippetLine.map { $0.range(of: "ivym_sk_")!.lowerBound.utf16Offset(in: $0) })
        #expect(result.stdout.contains("= fix:"))
        #expect(result.stdout.contains("1 finding (1 critical) in 1 file"))
        #expect(result.stdout.contains("scanned 1 file"))
        #expect(!result.stdout.contains("\u{1B}["), "--color never means no escape codes")
        #expect(!result.stdout.contains(key))
    }

    @Test func showSecretsPrintsTheKey() {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("k.env", "IVYMAIL_API_KEY=\(key)\n")
        let result = ivyscan(["scan", "--show-secrets"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains(key))
    }

    @Test func placeholderDocsAndEnvUsageAreClean() {
        let temp = TempDirectory()
        temp.write("README.md", """
            ```bash
            curl -X POST https://api.ivymail.io/v1/send \\
              -H "x-api-key: ivym_sk_your_api_key_here" \\
              -H "Content-Type: application/json"
            curl -H "x-api-key: $IVYMAIL_API_KEY" https://api.ivymail.io/v1/send
            ```
            Keys look like `ivym_sk_...`; never commit `ivym_sk_<KEY>`.
            """)
        temp.write("send.py", """
            import os, requests
            requests.post("https://api.ivymail.io/v1/send", headers={"x-api-key": os.environ["IVYMAIL_API_KEY"]})
            """)
        temp.write("send.js", "fetch(url, { headers: { 'x-api-key': process.env.IVYMAIL_API_KEY } })\n")
        temp.write(".github/workflows/mail.yml", "env:\n  X: 1\nrun: curl -H \"x-api-key: ${{ secrets.IVYMAIL_API_KEY }}\" https://api.ivymail.io\n")
        let result = ivyscan(["scan"], in: temp.path)
        #expect(result.status == 0, "stdout: \(result.stdout)")
        #expect(result.stdout.contains("no findings"))
    }

    @Test func failOnAndExitCodeChangeTheGate() {
        let temp = TempDirectory()
        temp.write("client.go", "req.Header.Set(\"X-Api-Key\", \"\(TestKeys.value())\")\n")
        #expect(ivyscan(["scan"], in: temp.path).status == 1)
        #expect(ivyscan(["scan", "--fail-on", "critical"], in: temp.path).status == 0)
        #expect(ivyscan(["scan", "--exit-code", "7"], in: temp.path).status == 7)
        #expect(ivyscan(["scan", "--exit-code", "0"], in: temp.path).status == 0)
    }

    @Test func inlineSuppressionIsCountedNotGating() throws {
        let temp = TempDirectory()
        temp.write("t.py", "KEY = \"\(TestKeys.key())\"  # ivyscan:allow\n")
        let result = ivyscan(["scan", "--format", "json"], in: temp.path)
        #expect(result.status == 0)
        let summary = try #require(try json(result.stdout)["summary"] as? [String: Any])
        #expect(summary["suppressed"] as? Int == 1)
        #expect(summary["findings"] as? Int == 0)
    }

    @Test func hostileTreeNeitherHangsNorCrashesNorEscapes() throws {
        let temp = TempDirectory()
        let outside = TempDirectory()
        let outsideKey = TestKeys.key()
        outside.write("leak.txt", "K=\(outsideKey)\n")
        let key = TestKeys.key()
        temp.write("ok.txt", "K=\(key)\n")
        #expect(mkfifo(temp.path + "/fifo", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/loop", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/out", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/out-file", withDestinationPath: outside.path + "/leak.txt")
        var big = Array(repeating: UInt8(ascii: "a"), count: 20 << 20)
        big.replaceSubrange(0..<key.utf8.count, with: Array(key.utf8))
        temp.write("big.txt", bytes: big)
        temp.write("image.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00] + Array(key.utf8))
        temp.write("latin1.txt", bytes: Array("caf".utf8) + [0xE9] + Array(" K=\(key)\n".utf8))
        temp.write("we\nird name.txt", "K=\(key)\n")
        let result = ivyscan(["scan", "--format", "json", "--no-git"], in: temp.path, timeout: 30)
        #expect(result.status == 1)
        let report = try json(result.stdout)
        let paths = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
        #expect(paths == ["ok.txt", "latin1.txt", "we\nird name.txt"])
        #expect(!result.stdout.contains(outsideKey))
        let skipped = Dictionary(uniqueKeysWithValues: (report["skipped"] as? [[String: Any]] ?? []).map { ($0["path"] as! String, $0["reason"] as! String) })
        #expect(skipped["fifo"] == "not-regular-file")
        #expect(skipped["loop"] == "symlink")
        #expect(skipped["out"] == "symlink")
        #expect(skipped["out-file"] == "symlink")
        #expect(skipped["big.txt"] == "too-large")
        #expect(skipped["image.bin"] == "binary")
        // The text report escapes the newline in the file name.
        let text = ivyscan(["scan", "--no-git"], in: temp.path, timeout: 30)
        #expect(text.stdout.contains("we\\u{a}ird name.txt"))
        #expect(text.stdout.contains("skipped 6"))
    }

    @Test func maxFileSizeIsConfigurable() throws {
        let temp = TempDirectory()
        temp.write("medium.txt", String(repeating: "x", count: 4000) + "\nK=\(TestKeys.key())\n")
        #expect(ivyscan(["scan", "--max-file-size", "1K"], in: temp.path).status == 0)
        #expect(ivyscan(["scan", "--max-file-size", "1M"], in: temp.path).status == 1)
        #expect(ivyscan(["scan", "--max-file-size", "lots"], in: temp.path).status == 2)
    }

    @Test func gitignoredFilesAreSkippedUnlessNoIgnore() {
        let temp = TempDirectory()
        temp.write(".gitignore", "secrets/\n")
        temp.write("secrets/prod.env", "IVYMAIL_API_KEY=\(TestKeys.key())\n")
        Command.git(["init", "-q"], in: temp.path)
        #expect(ivyscan(["scan"], in: temp.path).status == 0)
        #expect(ivyscan(["scan", "--no-git"], in: temp.path).status == 0)
        #expect(ivyscan(["scan", "--no-ignore"], in: temp.path).status == 1)
    }

    @Test func outputFileGetsTheReport() throws {
        let temp = TempDirectory()
        temp.write("a.txt", "K=\(TestKeys.key())\n")
        let result = ivyscan(["scan", "--format", "json", "--output", temp.path + "/../report-\(UUID().uuidString).json", "a.txt"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let bad = ivyscan(["scan", "--output", "/nonexistent-dir/x.json"], in: temp.path)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("cannot write report"))
    }

    @Test func configAllowlistsAndErrors() {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("Tests/Fixtures/keys.txt", "K=\(key)\n")
        temp.write("src/known.txt", "K=\(key)\n")
        temp.write(".ivyscan.toml", "[allowlist]\npaths = [\"Tests/Fixtures/**\"]\n")
        let partly = ivyscan(["scan", "--format", "json"], in: temp.path)
        #expect(partly.status == 1)
        #expect(partly.stdout.contains("src/known.txt"))
        #expect(!partly.stdout.contains("Tests/Fixtures/keys.txt"))
        temp.write(".ivyscan.toml", "[allowlist]\npaths = [\"Tests/Fixtures/**\"]\nregexes = ['''^\(key)$''']\n")
        #expect(ivyscan(["scan"], in: temp.path).status == 0)
        temp.write(".ivyscan.toml", "[allowlist]\npaths = \"not-an-array\"\n")
        let broken = ivyscan(["scan"], in: temp.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".ivyscan.toml:2:1"))
    }

    @Test func usageErrorsExitTwo() {
        let temp = TempDirectory()
        let unknown = ivyscan(["scan", "--frobnicate"], in: temp.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown option '--frobnicate'"))
        #expect(ivyscan(["scan", "--format", "xml"], in: temp.path).status == 2)
        #expect(ivyscan(["scan", "does-not-exist"], in: temp.path).status == 2)
        #expect(ivyscan(["launch"], in: temp.path).status == 2)
        #expect(ivyscan(["scan", "-j", "0"], in: temp.path).status == 2)
    }

    /// `scan -`: a stream larger than the 4 MiB window is scanned whole, with
    /// memory bounded, keys at stream positions reported once at the right line.
    @Test func standardInputOfAnyLength() throws {
        let temp = TempDirectory()
        let line = String(repeating: "2026-12-04 INFO request handled in 12 ms by worker 7 ", count: 2) + "\n"
        let lineCount = 9 * (1 << 20) / line.utf8.count
        let keyLines = [1, lineCount / 2, (4 << 20) / line.utf8.count - 3, (4 << 20) / line.utf8.count + 1, lineCount]
        var keys: [Int: String] = [:]
        let prefix = "2026-12-04 DEBUG client created with key "
        var text = ""
        text.reserveCapacity(lineCount * line.utf8.count + 4096)
        for number in 1...lineCount {
            if keyLines.contains(number) {
                let key = TestKeys.key()
                keys[number] = key
                text += prefix + key + "\n"
            } else {
                text += line
            }
        }
        let result = ivyscan(["scan", "--format", "json", "-"], in: temp.path, stdin: text)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try json(result.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["line"] as? Int }.sorted() == keyLines.sorted())
        #expect(findings.allSatisfy { $0["path"] as? String == "(stdin)" && $0["column"] as? Int == prefix.utf8.count + 1 })
        for key in keys.values { #expect(!result.stdout.contains(key)) }
        #expect(ivyscan(["scan", "-", "."], in: temp.path).status == 2, "'-' is scanned on its own")
        let clean = ivyscan(["scan", "--color", "never", "-"], in: temp.path, stdin: "nothing here\n")
        #expect(clean.status == 0 && clean.stdout.contains("scanned 1 file"))
    }

    /// PowerShell 5 writes UTF-16LE with a BOM: a key there is found at its
    /// line, not skipped as binary.
    @Test func utf16FilesAreScanned() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        let text = "# deploy\r\n$env:IVYMAIL_API_KEY = \"\(key)\"\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        _ = temp.write("deploy.ps1", bytes: bytes)
        _ = temp.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        let result = ivyscan(["scan", "--no-git", "--format", "json"], in: temp.path)
        #expect(result.status == 1)
        let report = try json(result.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["path"] as? String == "deploy.ps1" && $0["line"] as? Int == 2 && $0["rule_id"] as? String == "ivymail-api-key" })
        #expect((report["skipped"] as? [[String: Any]])?.map { $0["path"] as? String } == ["logo.png"])
        #expect(!result.stdout.contains(key))
    }

    @Test func helpVersionRulesExplain() {
        let temp = TempDirectory()
        let help = ivyscan(["--help"], in: temp.path)
        #expect(help.status == 0)
        #expect(help.stdout.contains("COMMANDS:"))
        let scanHelp = ivyscan(["help", "scan"], in: temp.path)
        #expect(scanHelp.stdout.contains("EXIT STATUS:"))
        #expect(ivyscan(["scan", "--help"], in: temp.path).stdout == scanHelp.stdout)
        // Every command answers -h and --help, even after other options, the same as `help CMD`.
        let commands = ["scan", "git", "baseline", "verify", "rules", "explain", "install-hooks", "uninstall-hooks", "sarif-merge"]
        for command in commands {
            let expected = ivyscan(["help", command], in: temp.path)
            #expect(expected.status == 0 && expected.stdout.hasPrefix("USAGE: ivyscan \(command)"), "help \(command)")
            for flag in ["-h", "--help"] {
                let asked = ivyscan([command, "-q", flag].filter { command == "scan" || $0 != "-q" }, in: temp.path)
                #expect(asked.status == 0 && asked.stdout == expected.stdout && asked.stderr.isEmpty, "\(command) \(flag)")
            }
        }
        #expect(ivyscan(["git", "staged", "--help"], in: temp.path).stdout == ivyscan(["help", "git"], in: temp.path).stdout)
        #expect(ivyscan(["scan", "--bogus", "--help"], in: temp.path).status == 2, "a bad option is still an error")
        #expect(ivyscan(["--version"], in: temp.path).stdout.hasPrefix("ivyscan "))
        let rules = ivyscan(["rules"], in: temp.path)
        #expect(rules.stdout.contains("ivymail-api-key"))
        #expect(rules.stdout.contains("hardcoded-x-api-key"))
        let explain = ivyscan(["explain", "ivymail-api-key"], in: temp.path)
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("create a new key"))
        #expect(explain.stdout.contains("delete the old key"))
        #expect(ivyscan(["explain", "nope"], in: temp.path).status == 2)
        #expect(rules.stdout.contains("ivymail-dev-prod-reuse"))
        let check = ivyscan(["explain", "ivymail-client-side"], in: temp.path)
        #expect(check.status == 0)
        #expect(check.stdout.contains("[checks.ivymail-client-side]"))
        // The parameter lines paste into .ivyscan.toml as they are.
        let parameters = check.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" = [") }.map { $0.dropFirst(2) }
        #expect(parameters.count >= 5)
        temp.write(".ivyscan.toml", "version = 1\n[checks.ivymail-client-side]\n" + parameters.joined(separator: "\n") + "\n")
        let pasted = ivyscan(["scan", "--no-git", "."], in: temp.path)
        #expect(pasted.status == 0, "pasted parameters are valid config: \(pasted.stderr)")
        #expect(ivyscan(["explain", "ivymail-leaked-key"], in: temp.path).stdout.contains("Create a new key"))
    }

    @Test func colorHonoursNoColorAndAlways() {
        let temp = TempDirectory()
        temp.write("a.txt", "K=\(TestKeys.key())\n")
        #expect(ivyscan(["scan", "--color", "always"], in: temp.path).stdout.contains("\u{1B}["))
        #expect(!ivyscan(["scan"], in: temp.path, environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    @Test func traceExplainsDroppedPlaceholders() {
        let temp = TempDirectory()
        temp.write("doc.md", "-H \"x-api-key: ivym_sk_your_api_key_here\"\n")
        let result = ivyscan(["scan", "--trace"], in: temp.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("doc.md:1:"))
        #expect(result.stderr.contains("placeholder word 'your'"))
    }

    // Root can read anything, so an unreadable file needs a non-root user.
    @Test(.enabled(if: getuid() != 0, "running as root: every file is readable"))
    func strictTurnsUnreadableFilesIntoExitThree() throws {
        let temp = TempDirectory()
        let locked = temp.write("locked.txt", "x\n")
        chmod(locked, 0)
        #expect(ivyscan(["scan"], in: temp.path).status == 0)
        #expect(ivyscan(["scan", "--strict"], in: temp.path).status == 3)
    }
}

/// Hygiene checks through the real binary: one key, several violations.
@Suite struct HygieneEndToEndTests {
    @Test func oneKeyShowsAllItsViolations() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("public/js/app.js", "const key = '\(key)';\n")
        temp.write(".env.production", "IVYMAIL_API_KEY=\(key)\n")
        Command.git(["init", "-q"], in: temp.path)
        Command.git(["add", "-A"], in: temp.path)
        let result = Command.run(PackagePaths.binary, ["scan", "--format", "json"], in: temp.path)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2, "one finding per place, not one per rule")
        let app = try #require(findings.first { $0["path"] as? String == "public/js/app.js" })
        let ids = (app["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(ids.contains("ivymail-client-side"))
        #expect(app["severity"] as? String == "critical")
        let env = try #require(findings.first { $0["path"] as? String == ".env.production" })
        let envIDs = (env["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(envIDs.contains("ivymail-committed-env-file"))
        #expect(!result.stdout.contains(key))
        // The same tree outside git: no "committed env file".
        let plain = TempDirectory()
        plain.write(".env.production", "IVYMAIL_API_KEY=\(key)\n")
        let outside = Command.run(PackagePaths.binary, ["scan", "--format", "json"], in: plain.path)
        #expect(!outside.stdout.contains("ivymail-committed-env-file"))
    }

    @Test func projectConfigTunesCheckParameters() {
        let temp = TempDirectory()
        temp.write("web/app.js", "const key = '\(TestKeys.key())';\n")
        temp.write(".ivyscan.toml", "[checks.ivymail-client-side]\npaths = [\"web/\"]\n")
        let tuned = Command.run(PackagePaths.binary, ["scan", "--format", "json"], in: temp.path)
        #expect(tuned.stdout.contains("ivymail-client-side"))
        temp.write(".ivyscan.toml", "[checks.ivymail-client-side]\npathz = [\"web/\"]\n")
        let typo = Command.run(PackagePaths.binary, ["scan"], in: temp.path)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no parameter 'pathz'"))
    }
}
