import Foundation
import Testing
import TestSupport

/// What a person or a CI log sees besides the report: the closing summary,
/// GitHub Actions annotations and the progress line on a terminal. The real
/// binary runs; the terminal is a real pseudo-terminal (Python's pty).
@Suite struct PeopleOutputTests {
    func ivyscan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        for key in ["IVYSCAN_CONFIG", "NO_COLOR", "GITHUB_ACTIONS", "IVYSCAN_PROGRESS_DELAY"] { environment.removeValue(forKey: key) }
        for (key, value) in extra { environment[key] = value }
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment, timeout: 60)
        #expect(!result.timedOut)
        return result
    }

    func leakyTree() -> (TempDirectory, String) {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("app/config.py", "IVYMAIL_API_KEY = \"\(key)\"\n")
        temp.write("app/ok.py", "import os\nkey = os.environ['IVYMAIL_API_KEY']\n")
        temp.write("logo.png", "\u{0}\u{1}PNG binary")
        return (temp, key)
    }

    @Test func summaryGoesToStderrWhenReportsGoToFiles() throws {
        let (temp, key) = leakyTree()
        let reports = TempDirectory()
        let result = ivyscan(["scan", "--color", "never", "-o", reports.path + "/out.sarif", "-o", reports.path + "/out.json"], in: temp.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "with only file reports stdout stays empty")
        #expect(result.stderr.contains("1 finding (1 critical) in 1 file"))
        #expect(result.stderr.contains("rules: ivymail-api-key 1"))
        #expect(result.stderr.contains("skipped 1 (1 binary"))
        #expect(result.stderr.contains("FAIL: 1 finding at or above medium"))
        #expect(!result.stderr.contains(key))
        // --quiet keeps stderr for problems only.
        let quiet = ivyscan(["scan", "-q", "-o", reports.path + "/quiet.json"], in: temp.path)
        #expect(quiet.status == 1 && !quiet.stderr.contains("FAIL"))
        // JSON on stdout stays parseable; the summary is on stderr.
        let json = ivyscan(["scan", "--format", "json"], in: temp.path)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(json.stderr.contains("FAIL: 1 finding"))
    }

    @Test func verdictReadsPassOnACleanTree() {
        let temp = TempDirectory()
        temp.write("main.py", "print('hello')\n")
        let result = ivyscan(["scan", "--color", "never"], in: temp.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("no findings"))
        #expect(result.stdout.contains("PASS: nothing fails --fail-on medium"))
    }

    @Test func githubActionsGetsRedactedAnnotations() throws {
        let (temp, key) = leakyTree()
        let plain = ivyscan(["scan", "--color", "never"], in: temp.path)
        #expect(!plain.stdout.contains("::error"), "no annotations outside GitHub Actions")
        let text = ivyscan(["scan", "--color", "never"], in: temp.path, environment: ["GITHUB_ACTIONS": "true"])
        let annotation = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("::error ") })
        #expect(annotation.hasPrefix("::error file=app/config.py,line=1,endLine=1,col=20,"))
        #expect(annotation.contains("title=ivyscan ivymail-api-key (critical)::"))
        #expect(!text.stdout.contains(key) && !text.stderr.contains(key))
        // With JSON on stdout the annotations move to stderr, keeping stdout parseable.
        let json = ivyscan(["scan", "--format", "json"], in: temp.path, environment: ["GITHUB_ACTIONS": "true"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(json.stderr.contains("::error file=app/config.py"))
    }

    /// Runs ivyscan with stderr on a pseudo-terminal and stdout on a pipe
    /// (Tests/TestSupport/on_terminal.py); returns (stdout, what the terminal received).
    func onTerminal(_ arguments: [String], in directory: String, environment extra: [String: String]) throws -> (String, String) {
        var environment = ProcessInfo.processInfo.environment
        for key in ["IVYSCAN_CONFIG", "NO_COLOR", "GITHUB_ACTIONS"] { environment.removeValue(forKey: key) }
        environment["TERM"] = "xterm"
        for (key, value) in extra { environment[key] = value }
        let helper = PackagePaths.root + "/Tests/TestSupport/on_terminal.py"
        let result = Command.run("/usr/bin/env", ["python3", helper, PackagePaths.binary] + arguments, in: directory, environment: environment, timeout: 60)
        #expect(!result.timedOut)
        let parts = result.stdout.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 2, "pty helper failed: \(result.stderr)")
        return (parts[0], parts[1])
    }

    @Test func progressLineOnlyOnATerminalAndClearedBeforeTheReport() throws {
        let temp = TempDirectory()
        for index in 0..<300 { temp.write("src/file\(index).txt", String(repeating: "some text without keys\n", count: 50)) }
        let (stdout, terminal) = try onTerminal(["scan", "--color", "never", "--no-git"], in: temp.path,
                                                environment: ["IVYSCAN_PROGRESS_DELAY": "0"])
        #expect(terminal.contains("ivyscan: ") && terminal.contains(" files · "), "a progress line is drawn on the terminal")
        #expect(terminal.contains("\r\u{1B}[K"), "the line is cleared")
        // The summary follows the cleared line, so no progress text is left on screen.
        #expect(!(terminal.components(separatedBy: "\r\u{1B}[K").last ?? "").contains(" files · "))
        #expect(!stdout.contains("\r") && stdout.contains("PASS"), "the report on stdout carries no progress")
        // Not with --quiet, and never when stderr is not a terminal.
        let (_, quietTerminal) = try onTerminal(["scan", "-q", "--no-git"], in: temp.path, environment: ["IVYSCAN_PROGRESS_DELAY": "0"])
        #expect(!quietTerminal.contains("files ·"))
        let piped = ivyscan(["scan", "--no-git"], in: temp.path, environment: ["IVYSCAN_PROGRESS_DELAY": "0"])
        #expect(!piped.stderr.contains("files ·"))
    }
}
