import Foundation
import Testing
import TestSupport

/// `ivyscan git ...` on real repositories built in temp directories.
@Suite struct GitModeTests {
    /// A temp repository with helpers to write, stage and commit.
    final class Repo {
        let dir = TempDirectory("ivyscan-git")
        var path: String { dir.path }

        init(initialBranch: String = "main") {
            git("init", "-q", "-b", initialBranch)
        }

        @discardableResult
        func git(_ arguments: String...) -> CommandResult { git(arguments) }

        @discardableResult
        func git(_ arguments: [String]) -> CommandResult {
            let result = Command.git(arguments, in: path)
            #expect(result.status == 0, "git \(arguments) failed: \(result.stderr)")
            return result
        }

        func write(_ relative: String, _ text: String) { dir.write(relative, text) }

        func commit(_ message: String, _ files: [String: String] = [:]) {
            for (file, text) in files { write(file, text) }
            git("add", "-A")
            git("commit", "-q", "--allow-empty", "-m", message)
        }

        func head() -> String { git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func ivyscan(_ arguments: [String], in directory: String, stdin: String? = nil, environment extra: [String: String] = [:]) -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("GITHUB_") && !$0.key.hasPrefix("GITLAB") && $0.key != "CI_COMMIT_SHA" }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        for (key, value) in extra { environment[key] = value }
        let result = Command.run(PackagePaths.binary, arguments, in: directory, environment: environment, stdin: stdin, timeout: 60)
        #expect(!result.timedOut)
        return result
    }

    func findings(_ result: CommandResult) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "not JSON: \(result.stdout) \(result.stderr)")
        return object["findings"] as? [[String: Any]] ?? []
    }

    // MARK: staged

    @Test func stagedReadsTheIndexNotTheWorkTree() throws {
        let repo = Repo()
        repo.commit("init", ["app.py": "print('hi')\n"])
        let key = TestKeys.key()
        // Staged, then removed from the work tree: still blocks.
        repo.write("app.py", "KEY = '\(key)'\n")
        repo.git("add", "app.py")
        repo.write("app.py", "print('hi')\n")
        let blocked = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(blocked.status == 1)
        #expect(try findings(blocked).first?["status"] as? String == "new")
        // Only in the work tree (not staged): passes.
        repo.git("reset", "-q")
        repo.write("app.py", "KEY = '\(key)'\n")
        #expect(ivyscan(["git", "staged"], in: repo.path).status == 0)
    }

    @Test func existingKeysWarnUnlessAsked() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("leak", ["settings.py": "KEY = '\(key)'\n"])
        repo.write("settings.py", "KEY = '\(key)'\nDEBUG = True\n")
        repo.git("add", "settings.py")
        let warned = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(warned.status == 0)
        let list = try findings(warned)
        #expect(list.count == 1)
        #expect(list.first?["status"] as? String == "existing")
        #expect((list.first?["message"] as? String)?.contains("already committed: rotate it") == true)
        #expect(ivyscan(["git", "staged", "--fail-on-existing"], in: repo.path).status == 1)
    }

    @Test func stagedDevKeyMatchesCommittedProductionKey() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("prod config", ["config/production.yml": "ivymail:\n  api_key: \(key)\n"])
        repo.write(".env.development", "IVYMAIL_API_KEY=\(key)\n")
        repo.git("add", ".env.development")
        let result = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let list = try findings(result)
        let staged = try #require(list.first { $0["path"] as? String == ".env.development" })
        #expect(staged["status"] as? String == "new")
        let violations = (staged["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(violations.contains("ivymail-dev-prod-reuse"), "\(list)")
        let committed = try #require(list.first { $0["path"] as? String == "config/production.yml" })
        #expect(committed["status"] as? String == "existing")
        #expect(!result.stdout.contains(key) && !result.stderr.contains(key))
    }

    @Test func renamedFileKeepsItsKeyExisting() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("leak", ["old name.env": "IVYMAIL_API_KEY=\(key)\n"])
        repo.git("mv", "old name.env", "new name.env")
        let result = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(result.status == 0)
        let list = try findings(result)
        #expect(list.first?["path"] as? String == "new name.env")
        #expect(list.first?["status"] as? String == "existing")
    }

    @Test func firstCommitOfAnEmptyRepository() throws {
        let repo = Repo()
        repo.write("ünï cödé/with space.txt", "K=\(TestKeys.key())\n")
        repo.write("line\nbreak.txt", "K=\(TestKeys.key())\n")
        repo.write("deleted-later.txt", "fine\n")
        repo.git("add", "-A")
        let result = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(result.status == 1, "\(result.stderr)")
        let paths = Set(try findings(result).compactMap { $0["path"] as? String })
        #expect(paths == ["ünï cödé/with space.txt", "line\nbreak.txt"])
    }

    @Test func stagedWorksDuringAMerge() throws {
        let repo = Repo()
        repo.commit("base", ["conf.txt": "value = 1\n"])
        repo.git("checkout", "-q", "-b", "feature")
        repo.commit("feature", ["conf.txt": "value = 2\n"])
        repo.git("checkout", "-q", "main")
        repo.commit("main", ["conf.txt": "value = 3\n"])
        let merge = Command.git(["merge", "-q", "feature"], in: repo.path)
        #expect(merge.status != 0, "expected a conflict")
        repo.write("conf.txt", "value = 4\nKEY = \(TestKeys.key())\n")
        repo.git("add", "conf.txt")
        let result = ivyscan(["git", "staged"], in: repo.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("conf.txt"))
    }

    // MARK: history and ranges

    @Test func historyFindsRemovedKeysStagedDoesNot() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("add", ["deploy.sh": "export IVYMAIL_API_KEY=\(key)\n"])
        repo.commit("remove", ["deploy.sh": "export IVYMAIL_API_KEY=\"$(vault read ivymail)\"\n"])
        #expect(ivyscan(["git", "staged"], in: repo.path).status == 0)
        let history = ivyscan(["git", "history", "--format", "json"], in: repo.path)
        #expect(history.status == 1)
        let list = try findings(history)
        #expect(list.count == 1)
        let finding = try #require(list.first)
        #expect(finding["status"] as? String == "history")
        #expect((finding["message"] as? String)?.contains("leaked in history: rotate it") == true)
        #expect((finding["history"] as? [String: Any])?["in_head"] as? Bool == false)
        #expect((finding["commit"] as? String)?.count == 40)
        #expect(finding["author"] as? String == "Test <test@example.com>")
        #expect(!history.stdout.contains(key))
    }

    @Test func historyCountsASecretOnceWithItsSpread() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("one", ["a.env": "K=\(key)\n"])
        repo.commit("two", ["b.env": "K=\(key)\n", "a.env": "K=\(key)\nX=1\n"])
        let list = try findings(ivyscan(["git", "history", "--format", "json"], in: repo.path))
        #expect(list.count == 1)
        let history = try #require(list.first?["history"] as? [String: Any])
        #expect(history["commits"] as? Int == 2)
        #expect(history["paths"] as? Int == 2)
        #expect(history["in_head"] as? Bool == true)
        #expect(list.first?["path"] as? String == "a.env")
    }

    @Test func branchOnlyKeyNeedsAll() throws {
        let repo = Repo()
        repo.commit("base", ["README": "hi\n"])
        repo.git("checkout", "-q", "-b", "experiment")
        repo.commit("leak", ["x.py": "K = '\(TestKeys.key())'\n"])
        repo.git("checkout", "-q", "main")
        #expect(ivyscan(["git", "history", "main"], in: repo.path).status == 0)
        #expect(ivyscan(["git", "history", "--all"], in: repo.path).status == 1)
        #expect(ivyscan(["git", "history"], in: repo.path).status == 1, "all refs by default")
    }

    @Test func rangeSeesAKeyAMergeIntroduced() throws {
        let repo = Repo()
        repo.commit("base", ["a.txt": "a\n"])
        let base = repo.head()
        repo.git("checkout", "-q", "-b", "topic")
        let branchKey = TestKeys.key()
        repo.commit("topic", ["b.txt": "K=\(branchKey)\n"])
        repo.git("checkout", "-q", "main")
        repo.commit("main", ["c.txt": "c\n"])
        repo.git("merge", "-q", "--no-commit", "topic")
        let mergeKey = TestKeys.key()
        repo.write("merge-fix.txt", "K=\(mergeKey)\n")
        repo.git("add", "merge-fix.txt")
        repo.git("commit", "-q", "-m", "merge")
        let merge = repo.head()
        let result = ivyscan(["git", "range", "\(base)..HEAD", "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let list = try findings(result)
        #expect(list.count == 2, "each key once: \(list.map { $0["path"] ?? "" })")
        let byPath = Dictionary(uniqueKeysWithValues: list.map { ($0["path"] as! String, $0["commit"] as! String) })
        #expect(byPath["merge-fix.txt"] == merge)
        #expect(byPath["b.txt"] != merge, "the branch's key belongs to the branch commit, not the merge")
        // --since is the same range.
        #expect(try findings(ivyscan(["git", "range", "--since", base, "--format", "json"], in: repo.path)).count == 2)
    }

    @Test func rangeOnlyReportsWhatTheRangeAdded() throws {
        let repo = Repo()
        repo.commit("old leak", ["old.env": "K=\(TestKeys.key())\n"])
        let base = repo.head()
        repo.commit("unrelated", ["old.env": "K=changed-but-not-a-key\n", "notes.md": "text\n"])
        let result = ivyscan(["git", "range", "\(base)..HEAD", "--format", "json"], in: repo.path)
        #expect(result.status == 0, "removing a key is not adding one")
        // ...but the removed key leaked all the same: reported, not gating.
        let list = try findings(result)
        #expect(list.count == 1)
        #expect(list.first?["status"] as? String == "existing")
        #expect((list.first?["message"] as? String)?.contains("rotate it") == true)
        let violations = (list.first?["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(violations.contains("ivymail-leaked-key"))
        #expect(ivyscan(["git", "range", "\(base)..HEAD", "--fail-on-existing"], in: repo.path).status == 1)
    }

    @Test func historySeesDevProdReuseAcrossCommits() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("dev", [".env.development": "IVYMAIL_API_KEY=\(key)\n"])
        repo.git("rm", "-q", ".env.development")
        repo.commit("prod", ["config/production.yml": "ivymail:\n  api_key: \(key)\n"])
        let list = try findings(ivyscan(["git", "history", "--format", "json"], in: repo.path))
        #expect(list.count == 1)
        let violations = (list.first?["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(violations.contains("ivymail-dev-prod-reuse"), "\(list)")
        #expect(violations.contains("ivymail-leaked-key"))
    }

    @Test func historyMarksEveryCommittedKeyForRotation() throws {
        let repo = Repo()
        repo.commit("leak", ["a.env": "K=\(TestKeys.key())\n"])
        let list = try findings(ivyscan(["git", "history", "--format", "json"], in: repo.path))
        let violations = (list.first?["violations"] as? [[String: Any]] ?? [])
        #expect(violations.first?["rule_id"] as? String == "ivymail-leaked-key")
        #expect((violations.first?["message"] as? String)?.contains("still in HEAD") == true)
    }

    @Test func badRefsAreUsageErrorsAndNeverOptions() {
        let repo = Repo()
        repo.commit("one", ["a": "a\n"])
        let bad = ivyscan(["git", "range", "nope..HEAD"], in: repo.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'nope'"))
        let sneaky = ivyscan(["git", "range", "--output=pwned..HEAD"], in: repo.path)
        #expect(sneaky.status == 2)
        let history = ivyscan(["git", "history", "--", "--output=pwned"], in: repo.path)
        #expect(history.status == 2)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/pwned"))
        let notARepository = TempDirectory()
        #expect(ivyscan(["git", "staged"], in: notARepository.path).status == 2, "not a repository")
    }

    @Test func emptyRangeIsIncomplete() {
        let repo = Repo()
        repo.commit("one", ["a": "a\n"])
        let result = ivyscan(["git", "range", "HEAD..HEAD"], in: repo.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("empty"))
    }

    @Test func shallowCloneIsNotClean() throws {
        let origin = Repo()
        origin.commit("one", ["a.env": "K=\(TestKeys.key())\n"])
        let first = origin.head()
        origin.commit("two", ["b.txt": "b\n"])
        origin.commit("three", ["c.txt": "c\n"])
        let parent = TempDirectory()
        let clone = parent.path + "/clone"
        let cloned = Command.git(["clone", "-q", "--depth", "1", "file://" + origin.path, clone], in: parent.path)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        // The base is not in the clone and HEAD's parents are cut off: the
        // key HEAD inherited is reported, but not as added by HEAD.
        let range = ivyscan(["git", "range", "\(first)..HEAD", "--format", "json"], in: clone)
        #expect(range.status == 3)
        #expect(range.stderr.contains("fetch-depth: 0"))
        #expect(try findings(range).first?["status"] as? String == "existing")
        #expect(ivyscan(["git", "range", "\(first)..HEAD", "--allow-shallow"], in: clone).status == 0)
        #expect(ivyscan(["git", "range", "HEAD..HEAD", "--allow-shallow"], in: clone).status == 0)
        // History still finds the key in what is there, and says what is not.
        let history = ivyscan(["git", "history"], in: clone)
        #expect(history.status == 1)
        #expect(history.stderr.contains("git fetch --unshallow"))
        let clean = TempDirectory()
        let cleanOrigin = Repo()
        cleanOrigin.commit("one", ["a.txt": "a\n"])
        cleanOrigin.commit("two", ["b.txt": "b\n"])
        let cleanClone = clean.path + "/clone"
        #expect(Command.git(["clone", "-q", "--depth", "1", "file://" + cleanOrigin.path, cleanClone], in: clean.path).status == 0)
        #expect(ivyscan(["git", "history"], in: cleanClone).status == 3, "a clean-looking shallow history is not clean")
        #expect(ivyscan(["git", "history", "--allow-shallow"], in: cleanClone).status == 0)
    }

    // MARK: pushes and CI

    @Test func prePushScansExactlyThePushedCommits() throws {
        let upstream = Repo()
        upstream.git("config", "receive.denyCurrentBranch", "ignore")
        upstream.commit("root", ["old.env": "K=\(TestKeys.key())\n"])
        let parent = TempDirectory()
        let work = parent.path + "/work"
        #expect(Command.git(["clone", "-q", upstream.path, work], in: parent.path).status == 0)
        Command.git(["checkout", "-q", "-b", "feature"], in: work)
        let key = TestKeys.key()
        TempDirectoryWriter.write(work + "/new.py", "K = '\(key)'\n")
        Command.git(["add", "-A"], in: work)
        Command.git(["commit", "-qm", "feature"], in: work)
        let local = Command.git(["rev-parse", "HEAD"], in: work).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let zero = String(repeating: "0", count: 40)
        // A new branch: only the commit not on any remote is scanned, so the
        // old key already on origin is not reported again.
        let pushed = ivyscan(["git", "pre-push", "--format", "json"], in: work,
                             stdin: "refs/heads/feature \(local) refs/heads/feature \(zero)\n")
        #expect(pushed.status == 1)
        let list = try findings(pushed)
        #expect(list.map { $0["path"] as? String } == ["new.py"])
        // Deleting a remote branch pushes nothing.
        let deletion = ivyscan(["git", "pre-push"], in: work, stdin: "(delete) \(zero) refs/heads/old \(local)\n")
        #expect(deletion.status == 0)
    }

    @Test func ciRangeFromGitHubPushEvent() throws {
        let repo = Repo()
        repo.commit("one", ["a.txt": "a\n"])
        let before = repo.head()
        repo.commit("two", ["b.env": "K=\(TestKeys.key())\n"])
        let after = repo.head()
        let event = repo.dir.write("event.json", "{\"before\": \"\(before)\", \"after\": \"\(after)\", \"repository\": {\"default_branch\": \"main\"}}")
        let result = ivyscan(["git", "ci"], in: repo.path, environment: [
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": event,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("GitHub push"))
        let gitlab = ivyscan(["git", "ci"], in: repo.path, environment: [
            "GITLAB_CI": "true", "CI_COMMIT_SHA": after, "CI_COMMIT_BEFORE_SHA": after,
        ])
        #expect(gitlab.status == 3, "before == after is an empty range")
        #expect(ivyscan(["git", "ci"], in: repo.path).status == 2, "outside CI")
    }

    /// A scheduled pipeline audits the whole history: a key committed and
    /// removed long ago is found; a shallow clone says what it could not see.
    @Test func scheduledPipelinesScanTheWholeHistory() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("leak", ["old.py": "KEY = '\(key)'\n"])
        repo.commit("clean up", ["old.py": "import os\n"])
        repo.commit("more", ["b.txt": "b\n"])
        let environment = ["GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_SHA": repo.head(), "CI_COMMIT_REF_NAME": "main"]
        let full = ivyscan(["git", "ci", "--format", "json"], in: repo.path, environment: environment)
        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("GitLab schedule pipeline: the whole history of main"))
        #expect(try findings(full).contains { $0["path"] as? String == "old.py" })
        let shallow = TempDirectory("ivyscan-shallow")
        Command.git(["clone", "-q", "--depth", "1", "file://" + repo.path, shallow.path + "/clone"], in: shallow.path)
        let cut = ivyscan(["git", "ci", "--format", "json"], in: shallow.path + "/clone", environment: environment)
        #expect(cut.status == 3 && cut.stderr.contains("shallow clone"), "\(cut.stderr)")
        #expect(!full.stderr.contains(key) && !cut.stderr.contains(key))
    }

    /// A UTF-16 file committed long ago (a PowerShell script) is text to history scans too.
    @Test func historyReadsUTF16Blobs() throws {
        let repo = Repo()
        let key = TestKeys.key()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "$env:IVYMAIL_API_KEY = \"\(key)\"\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        _ = repo.dir.write("deploy.ps1", bytes: bytes)
        repo.commit("add script")
        repo.commit("remove it", ["deploy.ps1": "# moved to the vault\n"])
        let result = ivyscan(["git", "history", "--format", "json"], in: repo.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try findings(result).contains { $0["path"] as? String == "deploy.ps1" && $0["rule_id"] as? String == "ivymail-api-key" })
        #expect(!result.stdout.contains(key))
    }

    /// `.ivyscanignore` files skip the same paths in the git modes as in a
    /// directory scan: the hook does not block on an ignored fixture folder.
    @Test func ivyscanignoreAppliesToGitModes() throws {
        let repo = Repo()
        repo.commit("init", [".ivyscanignore": "fixtures/\n", "sub/.ivyscanignore": "*.log\n", "app.py": "print()\n"])
        let (fixture, log, real) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        repo.write("fixtures/keys.py", "KEY = '\(fixture)'\n")
        repo.write("sub/run.log", "key=\(log)\n")
        repo.git("add", "-A")
        let staged = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        #expect(staged.status == 0, "only ignored paths hold keys: \(staged.stdout)")
        repo.write("sub/app.py", "KEY = '\(real)'\n")
        repo.git("add", "-A")
        let blocked = ivyscan(["git", "staged", "--format", "json"], in: repo.path + "/sub")
        #expect(blocked.status == 1)
        #expect(try findings(blocked).compactMap { $0["path"] as? String } == ["sub/app.py"])
        repo.commit("all")
        let history = ivyscan(["git", "history", "--format", "json"], in: repo.path)
        #expect(try findings(history).compactMap { $0["path"] as? String } == ["sub/app.py"])
        let directory = ivyscan(["scan", "--format", "json"], in: repo.path)
        #expect(try findings(directory).compactMap { $0["path"] as? String } == ["sub/app.py"], "the same as a directory scan")
        let everything = ivyscan(["git", "history", "--no-ignore", "--format", "json"], in: repo.path)
        #expect(try findings(everything).compactMap { $0["path"] as? String }.sorted() == ["fixtures/keys.py", "sub/app.py", "sub/run.log"])
    }

    /// Mirrors and server-side clones are bare: their history is scanned too.
    @Test func historyOfABareClone() throws {
        let repo = Repo()
        let key = TestKeys.key()
        repo.commit("leak", ["a.py": "KEY = '\(key)'\n"])
        let bare = TempDirectory("ivyscan-bare")
        Command.git(["clone", "-q", "--bare", repo.path, bare.path + "/mirror.git"], in: bare.path)
        let result = ivyscan(["git", "history", "--repo", bare.path + "/mirror.git", "--format", "json"], in: bare.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try findings(result).contains { $0["path"] as? String == "a.py" })
        #expect(ivyscan(["git", "history", "--repo", bare.path], in: bare.path).status != 1, "not a repository is an error, not a finding")
    }

    /// The pre-commit hook knows an Expo app by its app.json, as a directory scan does.
    @Test func stagedKeyInAnExpoModuleIsClientSide() throws {
        let repo = Repo()
        repo.commit("app", ["app.json": "{\"expo\": {\"name\": \"acme\"}}\n", "app/api/send+api.ts": "export {}\n"])
        repo.write("src/api/mail.ts", "export const KEY = \"\(TestKeys.key())\";\n")
        repo.write("app/api/send+api.ts", "const KEY = \"\(TestKeys.key())\";\n")
        repo.git("add", "-A")
        let result = ivyscan(["git", "staged", "--format", "json"], in: repo.path)
        let byPath = Dictionary(uniqueKeysWithValues: try findings(result).map { ($0["path"] as? String ?? "", $0) })
        func violations(_ path: String) -> [String] {
            (byPath[path]?["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        }
        #expect(violations("src/api/mail.ts").contains("ivymail-client-side"), "\(result.stdout)")
        #expect(byPath["app/api/send+api.ts"] != nil, "the route's key is still a finding")
        #expect(!violations("app/api/send+api.ts").contains("ivymail-client-side"), "an Expo API route runs on the server")
    }

    // MARK: safety

    @Test func repositoryConfigCannotRunCommands() throws {
        let repo = Repo()
        let marker = repo.dir.path + "/../pwned-\(UUID().uuidString)"
        let payload = "sh -c 'touch \(marker)'"
        repo.git("config", "core.fsmonitor", payload)
        repo.git("config", "core.pager", payload)
        repo.git("config", "diff.external", payload)
        repo.git("config", "diff.evil.textconv", payload)
        repo.git("config", "diff.evil.command", payload)
        repo.git("config", "filter.evil.clean", payload)
        repo.git("config", "filter.evil.smudge", payload)
        repo.write(".gitattributes", "* diff=evil filter=evil\n")
        repo.write("hooks-dir/post-index-change", "#!/bin/sh\ntouch \(marker)\n")
        // Commit with the real git, but without the filters running.
        let plain = ["-c", "filter.evil.clean=cat", "-c", "filter.evil.smudge=cat", "-c", "core.fsmonitor=false"]
        repo.git(plain + ["add", "-A"])
        repo.git(plain + ["commit", "-qm", "one"])
        repo.write("k.txt", "K=\(TestKeys.key())\n")
        repo.git(plain + ["add", "k.txt"])
        #expect(!FileManager.default.fileExists(atPath: marker), "setup itself ran the payload")
        #expect(ivyscan(["git", "staged"], in: repo.path).status == 1)
        #expect(ivyscan(["scan", "."], in: repo.path).status == 1)
        _ = ivyscan(["git", "history"], in: repo.path)
        _ = ivyscan(["git", "range", "HEAD~0..HEAD"], in: repo.path)
        #expect(!FileManager.default.fileExists(atPath: marker), "a repository's config made git run a command")
    }
}

/// Writes a file outside a TempDirectory (for clones made by git).
enum TempDirectoryWriter {
    static func write(_ path: String, _ text: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    }
}
