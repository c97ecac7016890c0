import Foundation
import Testing
import TestSupport

/// The hooks as users meet them: `ivyscan install-hooks` into a temp
/// repository, then real `git commit` / `git push` runs; and the pre-commit
/// framework driving the built binary.
@Suite struct HookTests {
    /// The installed hooks find the binary under test through IVYSCAN.
    static let hookEnvironment = ["IVYSCAN": PackagePaths.binary]

    func ivyscan(_ arguments: [String], in directory: String) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "IVYSCAN_CONFIG")
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment)
        #expect(!result.timedOut, "ivyscan \(arguments) timed out")
        return result
    }

    /// A repository with one clean commit, so HEAD exists.
    func repository() -> TempDirectory {
        let temp = TempDirectory("ivyscan-hooks")
        Command.git(["init", "-q", "-b", "main"], in: temp.path)
        temp.write("README.md", "# demo\n")
        Command.git(["add", "README.md"], in: temp.path)
        Command.git(["commit", "-q", "--no-verify", "-m", "init"], in: temp.path)
        return temp
    }

    /// How every report shows a key: prefix, two characters, an ellipsis, the last three.
    func redacted(_ key: String) -> String {
        let body = key.dropFirst("ivym_sk_".count)
        return "ivym_sk_" + String(body.prefix(2)) + "…" + String(body.suffix(3))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func commitCount(_ directory: String) -> Int {
        Int(Command.git(["rev-list", "--count", "HEAD"], in: directory).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    // MARK: install-hooks and git's own hooks

    @Test func installedScriptsAreTheOnesInHooksFolder() throws {
        let repo = repository()
        let result = ivyscan(["install-hooks", "--pre-push"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("installed pre-commit hook") && result.stdout.contains("installed pre-push hook"))
        for name in ["pre-commit", "pre-push"] {
            let shipped = try #require(read(PackagePaths.root + "/hooks/" + name), "hooks/\(name) is missing")
            let installed = try #require(read(repo.path + "/.git/hooks/" + name))
            #expect(installed == shipped, "the installed hook differs from hooks/\(name), which the build embeds")
            #expect(installed.contains("# ivyscan-managed-hook"))
            #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.git/hooks/" + name))
            #expect(FileManager.default.isExecutableFile(atPath: PackagePaths.root + "/hooks/" + name), "hooks/\(name) must be executable")
        }
        // Running it again updates ivyscan's own hooks without complaint.
        let again = ivyscan(["install-hooks", "--pre-push"], in: repo.path)
        #expect(again.status == 0 && again.stdout.contains("updated"))
    }

    @Test func commitWithAStagedKeyIsBlockedAndACleanOnePasses() throws {
        let repo = repository()
        #expect(ivyscan(["install-hooks"], in: repo.path).status == 0)
        let key = TestKeys.key()
        repo.write("app/send.py", "import os\n\nKEY = \"\(key)\"\n")
        Command.git(["add", "app/send.py"], in: repo.path)

        let blocked = Command.git(["commit", "-m", "add sender"], in: repo.path, environment: Self.hookEnvironment)
        let output = blocked.stdout + blocked.stderr
        #expect(blocked.status != 0, "the commit must be blocked: \(output)")
        #expect(output.contains("app/send.py:3:8"))
        #expect(output.contains(redacted(key)))
        #expect(output.contains("os.environ[\"IVYMAIL_API_KEY\"]"))
        #expect(output.contains("ivyscan:allow"))
        #expect(output.contains("--no-verify"))
        #expect(!output.contains(key), "the hook must not print the key")
        #expect(output.split(separator: "\n").count <= 10, "hook output must stay short:\n\(output)")
        #expect(commitCount(repo.path) == 1)

        // The key is removed from the index; a clean change commits.
        Command.git(["rm", "-q", "--cached", "app/send.py"], in: repo.path)
        repo.write("app/send.py", "import os\n\nKEY = os.environ[\"IVYMAIL_API_KEY\"]\n")
        Command.git(["add", "app/send.py"], in: repo.path)
        let clean = Command.git(["commit", "-q", "-m", "add sender"], in: repo.path, environment: Self.hookEnvironment)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.isEmpty && clean.stderr.isEmpty, "a clean run prints nothing")
        #expect(commitCount(repo.path) == 2)
    }

    @Test func hookWithoutIvyscanSaysHowToInstallOrBypass() {
        let repo = repository()
        #expect(ivyscan(["install-hooks"], in: repo.path).status == 0)
        repo.write("a.txt", "hello\n")
        Command.git(["add", "a.txt"], in: repo.path)
        let result = Command.git(["commit", "-m", "a"], in: repo.path, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("ivyscan: not found"))
        #expect(result.stderr.contains("IVYSCAN=") && result.stderr.contains("git commit --no-verify"))
        let wrong = Command.git(["commit", "-m", "a"], in: repo.path, environment: ["IVYSCAN": repo.path + "/missing"])
        #expect(wrong.status != 0 && wrong.stderr.contains("not found at IVYSCAN="))
        #expect(commitCount(repo.path) == 1)
    }

    @Test func foreignHookIsRefusedChainedAndRestored() throws {
        let repo = repository()
        let markers = TempDirectory("ivyscan-hook-marker")
        let marker = markers.path + "/ran"
        let foreign = "#!/bin/sh\ntouch '\(marker)'\n"
        let hook = repo.write(".git/hooks/pre-commit", foreign)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)

        let refused = ivyscan(["install-hooks"], in: repo.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not installed by ivyscan") && refused.stderr.contains("--chain") && refused.stderr.contains("--force"))
        #expect(read(hook) == foreign, "a refused install must not touch the hook")

        let chained = ivyscan(["install-hooks", "--chain"], in: repo.path)
        #expect(chained.status == 0, "\(chained.stderr)")
        #expect(read(hook + ".ivyscan-chained") == foreign)
        #expect(read(hook)?.contains("# ivyscan-managed-hook") == true)

        // A key blocks the commit before the chained hook runs.
        let key = TestKeys.key()
        repo.write("config.js", "const key = '\(key)';\n")
        Command.git(["add", "config.js"], in: repo.path)
        let blocked = Command.git(["commit", "-m", "key"], in: repo.path, environment: Self.hookEnvironment)
        #expect(blocked.status != 0)
        #expect((blocked.stdout + blocked.stderr).contains("process.env.IVYMAIL_API_KEY"))
        #expect(!FileManager.default.fileExists(atPath: marker), "the chained hook runs only after a clean scan")

        // A clean commit runs the chained hook.
        Command.git(["rm", "-q", "--cached", "config.js"], in: repo.path)
        repo.write("clean.txt", "fine\n")
        Command.git(["add", "clean.txt"], in: repo.path)
        let clean = Command.git(["commit", "-q", "-m", "clean"], in: repo.path, environment: Self.hookEnvironment)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker), "the chained hook must run after a clean scan")

        let uninstalled = ivyscan(["uninstall-hooks"], in: repo.path)
        #expect(uninstalled.status == 0)
        #expect(uninstalled.stdout.contains("restored"))
        #expect(read(hook) == foreign)
        #expect(!FileManager.default.fileExists(atPath: hook + ".ivyscan-chained"))

        // Now it is someone else's hook again: uninstall leaves it alone.
        let again = ivyscan(["uninstall-hooks"], in: repo.path)
        #expect(again.status == 0 && again.stdout.contains("left"))
        #expect(read(hook) == foreign)
    }

    @Test func forceSetsTheForeignHookAsideAndUninstallPutsItBack() {
        let repo = repository()
        let foreign = "#!/bin/sh\nexit 0\n"
        let hook = repo.write(".git/hooks/pre-commit", foreign)
        #expect(ivyscan(["install-hooks", "--chain", "--force"], in: repo.path).status == 2)
        let forced = ivyscan(["install-hooks", "--force"], in: repo.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(read(hook + ".ivyscan-replaced") == foreign)
        #expect(read(hook)?.contains("# ivyscan-managed-hook") == true)
        #expect(ivyscan(["uninstall-hooks"], in: repo.path).status == 0)
        #expect(read(hook) == foreign)
        #expect(!FileManager.default.fileExists(atPath: hook + ".ivyscan-replaced"))
        let nothing = ivyscan(["uninstall-hooks"], in: repo.path)
        #expect(nothing.status == 0 && read(hook) == foreign)
    }

    @Test func installHonoursCoreHooksPath() {
        let repo = repository()
        Command.git(["config", "core.hooksPath", ".githooks"], in: repo.path)
        let result = ivyscan(["install-hooks", "--repo", repo.path + "/."], in: NSTemporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(repo.path + "/.githooks/pre-commit"))
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.githooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))

        repo.write("deploy.sh", "curl -H \"x-api-key: \(TestKeys.key())\" https://api.ivymail.io/v1/send\n")
        Command.git(["add", "deploy.sh"], in: repo.path)
        let blocked = Command.git(["commit", "-m", "deploy"], in: repo.path, environment: Self.hookEnvironment)
        #expect(blocked.status != 0 && (blocked.stdout + blocked.stderr).contains("\"$IVYMAIL_API_KEY\""))

        #expect(ivyscan(["uninstall-hooks", "--repo", repo.path], in: repo.path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.githooks/pre-commit"))
    }

    @Test func installOutsideARepositoryIsAnError() {
        let temp = TempDirectory()
        let result = ivyscan(["install-hooks"], in: temp.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a git repository"))
    }

    @Test func prePushHookBlocksAPushedKey() {
        let repo = repository()
        let remote = TempDirectory("ivyscan-remote")
        Command.git(["init", "-q", "--bare"], in: remote.path)
        Command.git(["remote", "add", "origin", remote.path], in: repo.path)
        #expect(ivyscan(["install-hooks", "--pre-push"], in: repo.path).status == 0)

        let first = Command.git(["push", "-q", "origin", "main"], in: repo.path, environment: Self.hookEnvironment)
        #expect(first.status == 0, "a clean push passes: \(first.stderr)")

        let key = TestKeys.key()
        repo.write("main.go", "package main\n\nconst key = \"\(key)\"\n")
        Command.git(["add", "main.go"], in: repo.path)
        Command.git(["commit", "-q", "--no-verify", "-m", "key"], in: repo.path)
        let blocked = Command.git(["push", "origin", "main"], in: repo.path, environment: Self.hookEnvironment)
        let output = blocked.stdout + blocked.stderr
        #expect(blocked.status != 0, "the push must be blocked: \(output)")
        #expect(output.contains(redacted(key)) && output.contains("in commit"))
        #expect(output.contains("os.Getenv(\"IVYMAIL_API_KEY\")") && output.contains("git push --no-verify"))
        #expect(!output.contains(key))
        let remoteHead = Command.git(["rev-parse", "main"], in: remote.path).stdout
        let firstCommit = Command.git(["rev-parse", "main~1"], in: repo.path).stdout
        #expect(remoteHead == firstCommit, "the remote must not have received the key")
    }

    // MARK: the pre-commit framework

    static let preCommitAvailable = Command.run("/usr/bin/env", ["python3", "-m", "pre_commit", "--version"]).status == 0

    /// `python3 -m pre_commit …` with its cache in `home`, so runs leave nothing behind.
    func preCommit(_ arguments: [String], in directory: String, home: String) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["PRE_COMMIT_HOME"] = home
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        return Command.run("/usr/bin/env", ["python3", "-m", "pre_commit"] + arguments, in: directory, environment: environment, timeout: 120)
    }

    @Test(.enabled(if: HookTests.preCommitAvailable, "pre-commit is not installed: python3 -m pip install 'pre-commit==4.*'"))
    func manifestIsValid() {
        let home = TempDirectory("ivyscan-pre-commit-home")
        let result = preCommit(["validate-manifest", PackagePaths.root + "/.pre-commit-hooks.yaml"], in: PackagePaths.root, home: home.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: HookTests.preCommitAvailable, "pre-commit is not installed: python3 -m pip install 'pre-commit==4.*'"))
    func preCommitFrameworkBlocksAStagedKeyAndAPushedOne() throws {
        let repo = TempDirectory("ivyscan-pre-commit")
        let home = TempDirectory("ivyscan-pre-commit-home")
        let remote = TempDirectory("ivyscan-remote")
        Command.git(["init", "-q", "-b", "main"], in: repo.path)
        Command.git(["init", "-q", "--bare"], in: remote.path)
        Command.git(["remote", "add", "origin", remote.path], in: repo.path)
        let binary = PackagePaths.binary
        repo.write(".pre-commit-config.yaml", """
            repos:
            -   repo: local
                hooks:
                -   id: ivyscan
                    name: ivyscan
                    entry: "'\(binary)' git staged --format hook"
                    language: system
                    pass_filenames: false
                    always_run: true
                    stages: [pre-commit]
                -   id: ivyscan-push
                    name: ivyscan-push
                    entry: "'\(binary)' git pre-push --format hook"
                    language: system
                    pass_filenames: false
                    always_run: true
                    stages: [pre-push]

            """)
        #expect(preCommit(["validate-config", ".pre-commit-config.yaml"], in: repo.path, home: home.path).status == 0)
        let install = preCommit(["install", "--hook-type", "pre-commit", "--hook-type", "pre-push"], in: repo.path, home: home.path)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let env = ["PRE_COMMIT_HOME": home.path]

        // A clean commit (the config itself) passes, and so does pushing it.
        Command.git(["add", ".pre-commit-config.yaml"], in: repo.path)
        let clean = Command.git(["commit", "-m", "config"], in: repo.path, environment: env)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect((clean.stdout + clean.stderr).contains("Passed"))
        let cleanPush = Command.git(["push", "origin", "main"], in: repo.path, environment: env)
        #expect(cleanPush.status == 0, "\(cleanPush.stdout)\(cleanPush.stderr)")

        // A staged key blocks the commit.
        let key = TestKeys.key()
        repo.write("settings.rb", "API_KEY = '\(key)'\n")
        Command.git(["add", "settings.rb"], in: repo.path)
        let blocked = Command.git(["commit", "-m", "key"], in: repo.path, environment: env)
        let output = blocked.stdout + blocked.stderr
        #expect(blocked.status != 0, "the commit must be blocked: \(output)")
        #expect(output.contains("Failed") && output.contains(redacted(key)) && output.contains("ivyscan:allow"))
        #expect(output.contains("ENV.fetch(\"IVYMAIL_API_KEY\")"))
        #expect(!output.contains(key))
        #expect(commitCount(repo.path) == 1)

        // Committed anyway, the key is caught at push time: pre-commit passes
        // the range in PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF, not on stdin.
        Command.git(["commit", "-q", "--no-verify", "-m", "key"], in: repo.path)
        let push = Command.git(["push", "origin", "main"], in: repo.path, environment: env)
        let pushOutput = push.stdout + push.stderr
        #expect(push.status != 0, "the push must be blocked: \(pushOutput)")
        #expect(pushOutput.contains(redacted(key)) && pushOutput.contains("in commit"))
        #expect(!pushOutput.contains(key))
    }
}
