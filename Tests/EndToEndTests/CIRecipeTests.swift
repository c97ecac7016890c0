import Foundation
import Testing
import TestSupport

/// The README's CI recipes, run as written with the built binary: each block
/// marked `<!-- tested: NAME -->` in README.md is read from the README at
/// test time, so the documentation and the tests cannot drift apart. What
/// only a CI service can do (upload SARIF, show a merge-request widget) is
/// out of reach; the commands, the files they write and the exit statuses
/// are checked.
///
/// Covered elsewhere: GitHub push before..after, GitLab's empty range (exit 3)
/// and `git ci` outside CI (exit 2) in GitModeTests; the pre-commit
/// framework with a `repo: local` config and `install-hooks` in HookTests;
/// every report format against its schema in ReportOutputsTests.
@Suite struct CIRecipeTests {
    static let zero = String(repeating: "0", count: 40)

    // MARK: the README

    static func readme() throws -> String {
        let data = try #require(FileManager.default.contents(atPath: PackagePaths.root + "/README.md"), "README.md is missing")
        return String(decoding: data, as: UTF8.self)
    }

    /// The fenced code block right after `<!-- tested: name -->`, without its fences.
    static func recipe(_ name: String) throws -> String {
        let lines = try readme().components(separatedBy: "\n")
        let markers = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == "<!-- tested: \(name) -->" }
        try #require(markers.count == 1, "README.md must mark exactly one block with <!-- tested: \(name) -->")
        var index = markers[0] + 1
        while index < lines.count && lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        try #require(index < lines.count && lines[index].hasPrefix("```"), "<!-- tested: \(name) --> must stand right before a code block")
        let end = try #require(lines[(index + 1)...].firstIndex(where: { $0.hasPrefix("```") }), "unterminated code block after <!-- tested: \(name) -->")
        return lines[(index + 1)..<end].joined(separator: "\n") + "\n"
    }

    static let yamlAvailable = Command.run("/usr/bin/env", ["python3", "-c", "import yaml"]).status == 0

    /// A YAML document as Foundation values, parsed by PyYAML (so the README's
    /// YAML must be valid YAML, not just look like it).
    static func yaml(_ text: String) throws -> Any {
        let script = "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read()), default=str))"
        let result = Command.run("/usr/bin/env", ["python3", "-c", script], stdin: text)
        try #require(result.status == 0, "not valid YAML: \(result.stderr)\n\(text)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    // MARK: running recipes

    /// A directory whose only entry is `ivyscan` (the binary under test), put
    /// first on PATH as a CI image would have it.
    final class Sandbox {
        let bin = TempDirectory("ivyscan-bin")

        init() {
            try! FileManager.default.createSymbolicLink(atPath: bin.path + "/ivyscan", withDestinationPath: PackagePaths.binary)
        }

        /// The test's environment without git, CI or ivyscan settings, plus `extra`.
        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            var environment = ProcessInfo.processInfo.environment.filter { key, _ in
                !["GIT_", "GITHUB_", "GITLAB", "CI_", "RUNNER_", "PRE_COMMIT", "IVYSCAN"].contains(where: { key.hasPrefix($0) }) && key != "CI"
            }
            environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment.merge(Command.isolatedGit) { _, new in new }
            environment["NO_COLOR"] = "1"
            for (key, value) in extra { environment[key] = value }
            return environment
        }

        /// Runs `script` with /bin/sh, as a CI runner runs a job's lines.
        func sh(_ script: String, in directory: String, _ extra: [String: String] = [:]) -> CommandResult {
            let result = Command.run("/bin/sh", ["-c", script], in: directory, environment: environment(extra), timeout: 180)
            #expect(!result.timedOut, "timed out: \(script)")
            return result
        }

        func ivyscan(_ arguments: [String], in directory: String, _ extra: [String: String] = [:]) -> CommandResult {
            let result = Command.run(bin.path + "/ivyscan", arguments, in: directory, environment: environment(extra), timeout: 120)
            #expect(!result.timedOut, "ivyscan \(arguments) timed out")
            return result
        }
    }

    /// A temp repository to commit to.
    final class Repo {
        let dir: TempDirectory
        var path: String { dir.path }

        init(_ label: String = "ivyscan-ci", bare: Bool = false) {
            dir = TempDirectory(label)
            git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"])
        }

        @discardableResult
        func git(_ arguments: [String]) -> String {
            let result = Command.git(arguments, in: path)
            #expect(result.status == 0, "git \(arguments) failed: \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Commits `files` and returns the new commit's id.
        @discardableResult
        func commit(_ message: String, _ files: [String: String]) -> String {
            for (name, text) in files { dir.write(name, text) }
            git(["add", "-A"])
            git(["commit", "-q", "--no-verify", "-m", message])
            return git(["rev-parse", "HEAD"])
        }
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path), "\(path) was not written"), as: UTF8.self)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    static func runs(_ sarif: String) throws -> [[String: Any]] {
        try #require(try object(sarif)["runs"] as? [[String: Any]])
    }

    static func results(_ run: [String: Any]) -> [[String: Any]] {
        run["results"] as? [[String: Any]] ?? []
    }

    static func findingPaths(_ json: String) throws -> [String] {
        (try object(json)["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }

    /// Every file under `directory` (recursively) that contains one of `keys`.
    static func filesLeaking(_ keys: [String], under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var leaking: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if keys.contains(where: { text.contains($0) }) { leaking.append(relative) }
        }
        return leaking
    }

    static func sarifErrors(_ sarif: String) -> [String] {
        SchemaValidation.jsonErrors(sarif, schema: "sarif-schema-2.1.0.json")
    }

    // MARK: GitHub Actions

    @Test(.enabled(if: CIRecipeTests.yamlAvailable, "PyYAML is missing (python3 -m pip install pyyaml)"))
    func githubActionsRunStepWritesTheSARIFTheUploadStepReads() throws {
        let workflow = try #require(try Self.yaml(Self.recipe("github-actions")) as? [String: Any])
        // PyYAML reads the key `on` as the boolean true.
        let events = try #require((workflow["on"] ?? workflow["true"]) as? [String])
        #expect(Set(events).isSuperset(of: ["push", "pull_request"]))
        let job = try #require((workflow["jobs"] as? [String: Any])?["ivyscan"] as? [String: Any])
        #expect((job["permissions"] as? [String: Any])?["security-events"] as? String == "write", "upload-sarif needs security-events: write")
        let steps = try #require(job["steps"] as? [[String: Any]])
        let checkout = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true })
        #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0, "the range needs full history")
        let scan = try #require(steps.first { ($0["run"] as? String)?.contains("ivyscan git ci") == true }, "no `run: ivyscan git ci` step")
        let command = try #require(scan["run"] as? String)
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect(upload["if"] as? String == "always()", "the SARIF must be uploaded when the scan step failed")
        let sarifFile = try #require((upload["with"] as? [String: Any])?["sarif_file"] as? String)
        let words = command.split(separator: " ").map(String.init)
        #expect(zip(words, words.dropFirst()).contains { $0 == ("-o", sarifFile) }, "the run step must write the file upload-sarif reads: \(command)")

        let sandbox = Sandbox()
        let repo = Repo()
        let first = repo.commit("first", ["README.md": "demo\n"])
        let clean = repo.commit("docs", ["docs.md": "read the key from IVYMAIL_API_KEY\n"])
        repo.git(["checkout", "-q", "-b", "feature", first])
        let key = TestKeys.key()
        let leaky = repo.commit("send", ["send.py": "API_KEY = \"\(key)\"\n"])
        repo.git(["checkout", "-q", "main"])

        // push of a clean commit: exit 0, the job passes, an empty SARIF run closes old alerts.
        let pushEvent = repo.dir.write("push.json", "{\"before\": \"\(first)\", \"after\": \"\(clean)\", \"repository\": {\"default_branch\": \"main\"}}")
        let pushed = sandbox.sh(command, in: repo.path, ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": pushEvent, "GITHUB_SHA": clean])
        #expect(pushed.status == 0, "\(pushed.stdout)\(pushed.stderr)")
        #expect(pushed.stderr.contains("GitHub push: before..after: \(first.prefix(12))..\(clean.prefix(12))"), "\(pushed.stderr)")
        let cleanSARIF = try Self.read(repo.path + "/" + sarifFile)
        #expect(try Self.runs(cleanSARIF).map(Self.results).map(\.count) == [0])
        if SchemaValidation.jsonSchemaAvailable { #expect(Self.sarifErrors(cleanSARIF).isEmpty) }

        // pull request adding a key: exit 1 fails the job; the SARIF holds the alert.
        let prEvent = repo.dir.write("pr.json", "{\"pull_request\": {\"base\": {\"sha\": \"\(clean)\"}, \"head\": {\"sha\": \"\(leaky)\"}}}")
        let pr = sandbox.sh(command, in: repo.path, ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": prEvent])
        #expect(pr.status == 1, "\(pr.stdout)\(pr.stderr)")
        #expect(pr.stderr.contains("GitHub pull request") && pr.stderr.contains("\(first.prefix(12))..\(leaky.prefix(12))"), "the merge base starts the range: \(pr.stderr)")
        #expect(pr.stdout.contains("send.py"), "the text report goes to the job log")
        let sarif = try Self.read(repo.path + "/" + sarifFile)
        let results = try Self.runs(sarif).flatMap(Self.results)
        #expect(results.count == 1)
        #expect((results.first?["properties"] as? [String: Any])?["commit"] as? String == leaky)
        if SchemaValidation.jsonSchemaAvailable { #expect(Self.sarifErrors(sarif).isEmpty) }
        for text in [sarif, pr.stdout, pr.stderr] { #expect(!text.contains(key), "the key leaked") }
    }

    // MARK: GitLab CI

    @Test(.enabled(if: CIRecipeTests.yamlAvailable, "PyYAML is missing (python3 -m pip install pyyaml)"))
    func gitlabJobWritesReportsGitLabAccepts() throws {
        let pipeline = try #require(try Self.yaml(Self.recipe("gitlab-ci")) as? [String: Any])
        let job = try #require(pipeline["ivyscan"] as? [String: Any])
        #expect("\((job["variables"] as? [String: Any])?["GIT_DEPTH"] ?? "")" == "0", "the range needs full history")
        let setup = try #require(job["before_script"] as? [String])
        let script = try #require(job["script"] as? [String])
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always", "reports must be kept when the job fails")
        let reports = try #require(artifacts["reports"] as? [String: Any])
        let secretReport = try #require(reports["secret_detection"] as? String)
        let junitReport = try #require(reports["junit"] as? String)

        // A GitLab runner's clone: only the pipeline's branch is fetched, and
        // only its refspec is configured (as in `git clone --single-branch`).
        let sandbox = Sandbox()
        let origin = Repo("ivyscan-origin", bare: true)
        let work = Repo()
        let oldKey = TestKeys.key(), newKey = TestKeys.key()
        work.commit("first", ["README.md": "demo\n"])
        work.commit("legacy", ["old.env": "IVYMAIL_API_KEY=\(oldKey)\n"])
        work.git(["checkout", "-q", "-b", "feature"])
        let head = work.commit("send", ["send.rb": "API_KEY = '\(newKey)'\n"])
        work.git(["push", "-q", origin.path, "main", "feature"])
        let runner = Repo("ivyscan-runner")
        runner.git(["config", "remote.origin.url", origin.path])
        runner.git(["config", "remote.origin.fetch", "+refs/heads/feature:refs/remotes/origin/feature"])
        runner.git(["fetch", "-q", "origin"])
        runner.git(["checkout", "-q", "--detach", head])
        let variables = ["GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_SHA": head, "CI_COMMIT_BEFORE_SHA": Self.zero,
                         "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_REF_NAME": "feature"]

        // Without before_script, a new branch has nothing to compare with.
        let bare = sandbox.sh(script.joined(separator: "\n"), in: runner.path, variables)
        #expect(bare.status == 3, "without origin/main the range cannot be chosen: \(bare.stderr)")
        #expect(bare.stderr.contains("git fetch origin +refs/heads/main:refs/remotes/origin/main"), "the gap names its fix: \(bare.stderr)")

        // The job as GitLab runs it: each line in order, stopping at the first failure.
        let run = sandbox.sh((["set -e"] + setup + script).joined(separator: "\n"), in: runner.path, variables)
        #expect(run.status == 1, "a new key fails the job: \(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("commits not on origin/main"), "\(run.stderr)")
        let gitlab = try Self.read(runner.path + "/" + secretReport)
        let vulnerabilities = try #require(try Self.object(gitlab)["vulnerabilities"] as? [[String: Any]])
        #expect(vulnerabilities.count == 1, "only the branch's key, not the one already on main")
        let location = vulnerabilities.first?["location"] as? [String: Any]
        #expect(location?["file"] as? String == "send.rb")
        #expect((location?["commit"] as? [String: Any])?["sha"] as? String == head)
        if SchemaValidation.jsonSchemaAvailable {
            #expect(SchemaValidation.jsonErrors(gitlab, schema: "gitlab-secret-detection-report-format-15.2.4.json").isEmpty)
        }
        let junit = try Self.read(runner.path + "/" + junitReport)
        #expect(junit.contains("<failure") && junit.contains("send.rb"))
        if SchemaValidation.xmllintAvailable {
            let wellFormed = Command.run("/usr/bin/env", ["xmllint", "--noout", runner.path + "/" + junitReport])
            #expect(wellFormed.status == 0, "JUnit XML is not well-formed: \(wellFormed.stderr)")
        }
        for text in [gitlab, junit, run.stdout, run.stderr] {
            #expect(!text.contains(newKey) && !text.contains(oldKey), "a key leaked")
        }
    }

    // MARK: any CI: `git ci` and `git range`

    @Test func genericRecipePicksTheRangeAndExitStatus() throws {
        let block = try Self.recipe("generic-ci")
        let ciLine = try #require(block.split(separator: "\n").first { $0.contains("ivyscan git ci") }.map(String.init))
        let rangeLine = try #require(block.split(separator: "\n").first { $0.contains("ivyscan git range") }.map(String.init))
        #expect(ciLine.contains("-o ivyscan.json") && rangeLine.contains("-o ivyscan.json"))

        // main: first, legacy (old key), later; feature (from legacy): new key; tidy (from later): clean.
        let sandbox = Sandbox()
        let repo = Repo()
        let oldKey = TestKeys.key(), newKey = TestKeys.key()
        repo.commit("first", ["README.md": "demo\n"])
        let legacy = repo.commit("legacy", ["old.py": "KEY = \"\(oldKey)\"\n"])
        let later = repo.commit("later", ["CHANGES.md": "1.0\n"])
        repo.git(["checkout", "-q", "-b", "feature", legacy])
        let feature = repo.commit("send", ["new.py": "KEY = \"\(newKey)\"\n"])
        repo.git(["checkout", "-q", "-b", "tidy", later])
        let tidy = repo.commit("docs", ["docs.md": "keys come from IVYMAIL_API_KEY\n"])
        repo.git(["update-ref", "refs/remotes/origin/main", later])

        func event(_ name: String, _ json: String) -> String { repo.dir.write(".events/\(name).json", json) }
        func pullRequest(base: String, head: String) -> [String: String] {
            ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
             "GITHUB_EVENT_PATH": event("pr-\(head)", "{\"pull_request\": {\"base\": {\"sha\": \"\(base)\"}, \"head\": {\"sha\": \"\(head)\"}}}")]
        }
        func mergeRequest(base: String, head: String) -> [String: String] {
            ["GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
             "CI_COMMIT_SHA": head, "CI_DEFAULT_BRANCH": "main"]
        }
        struct Case {
            var label: String
            var line: String
            var environment: [String: String]
            var reason: String
            var range: String
            var status: Int32
            var paths: [String]
        }
        let cases = [
            Case(label: "GitHub pull request adding a key", line: ciLine, environment: pullRequest(base: later, head: feature),
                 reason: "GitHub pull request", range: "\(legacy.prefix(12))..\(feature.prefix(12))", status: 1, paths: ["new.py"]),
            Case(label: "GitHub pull request, key only before the base", line: ciLine, environment: pullRequest(base: legacy, head: tidy),
                 reason: "GitHub pull request", range: "\(legacy.prefix(12))..\(tidy.prefix(12))", status: 0, paths: []),
            Case(label: "GitHub push of a new branch", line: ciLine,
                 environment: ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push",
                               "GITHUB_EVENT_PATH": event("push", "{\"before\": \"\(Self.zero)\", \"after\": \"\(feature)\", \"repository\": {\"default_branch\": \"main\"}}")],
                 reason: "GitHub push of a new branch: commits not on origin/main", range: "..\(feature.prefix(12))", status: 1, paths: ["new.py"]),
            Case(label: "GitLab merge request adding a key", line: ciLine, environment: mergeRequest(base: legacy, head: feature),
                 reason: "GitLab merge request: diff base to head", range: "\(legacy.prefix(12))..\(feature.prefix(12))", status: 1, paths: ["new.py"]),
            Case(label: "GitLab merge request, key only before the base", line: ciLine, environment: mergeRequest(base: later, head: tidy),
                 reason: "GitLab merge request: diff base to head", range: "\(later.prefix(12))..\(tidy.prefix(12))", status: 0, paths: []),
            Case(label: "GitLab push", line: ciLine,
                 environment: ["GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BEFORE_SHA": legacy, "CI_COMMIT_SHA": feature],
                 reason: "GitLab push: before..after", range: "\(legacy.prefix(12))..\(feature.prefix(12))", status: 1, paths: ["new.py"]),
            Case(label: "GitLab pipeline of a new branch", line: ciLine,
                 environment: ["GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BEFORE_SHA": Self.zero, "CI_COMMIT_SHA": tidy, "CI_DEFAULT_BRANCH": "main"],
                 reason: "GitLab pipeline for a new branch: commits not on origin/main", range: "..\(tidy.prefix(12))", status: 0, paths: []),
            Case(label: "any CI, range adding a key", line: rangeLine, environment: ["BASE": legacy, "HEAD": feature],
                 reason: "", range: "", status: 1, paths: ["new.py"]),
            Case(label: "any CI, key only before the base", line: rangeLine, environment: ["BASE": legacy, "HEAD": tidy],
                 reason: "", range: "", status: 0, paths: []),
        ]
        for item in cases {
            try? FileManager.default.removeItem(atPath: repo.path + "/ivyscan.json")
            let result = sandbox.sh(item.line, in: repo.path, item.environment)
            #expect(result.status == item.status, "\(item.label): \(result.stdout)\(result.stderr)")
            if !item.reason.isEmpty {
                #expect(result.stderr.contains("ivyscan: \(item.reason)") && result.stderr.contains(item.range), "\(item.label): \(result.stderr)")
            }
            #expect(try Self.findingPaths(Self.read(repo.path + "/ivyscan.json")) == item.paths, "\(item.label)")
            #expect(FileManager.default.fileExists(atPath: repo.path + "/ivyscan.sarif"), "\(item.label)")
            for text in [result.stdout, result.stderr] { #expect(!text.contains(newKey) && !text.contains(oldKey), "\(item.label): a key leaked") }
        }
    }

    // MARK: many repositories in parallel

    @Test func orgFanOutWritesOneReportPerRepositoryAndMergesThem() throws {
        let script = try Self.recipe("org-fanout")
        #expect(script.contains("xargs") && script.contains("-P"), "the recipe runs repositories in parallel")
        let sandbox = Sandbox()
        let alphaKey = TestKeys.key(), betaKey = TestKeys.key(), betaOldKey = TestKeys.key()
        let alpha = Repo("ivyscan-alpha")
        alpha.commit("init", ["README.md": "alpha\n"])
        alpha.commit("config", ["config.py": "IVYMAIL = \"\(alphaKey)\"\n"])
        let beta = Repo("ivyscan-beta")
        beta.commit("init", [".env": "IVYMAIL_API_KEY=\(betaOldKey)\n"])
        beta.commit("rotate", [".env": "IVYMAIL_API_KEY=\n", "deploy/run.sh": "curl -H 'x-api-key: \(betaKey)' https://api.ivymail.io/v1/send\n"])
        let gamma = Repo("ivyscan-gamma")
        gamma.commit("init", ["main.go": "package main\n\n// reads IVYMAIL_API_KEY from the environment\n"])
        let keys = [alphaKey, betaKey, betaOldKey]
        let names = ["alpha": alpha.path, "beta": beta.path, "gamma": gamma.path]
        // The directory names carry a random suffix; clone URLs ending in the repository name, like a forge's.
        let forge = TempDirectory("ivyscan-forge")
        for (name, path) in names { try FileManager.default.createSymbolicLink(atPath: forge.path + "/\(name).git", withDestinationPath: path) }

        let org = TempDirectory("ivyscan-org")
        org.write("repos.txt", ["gamma", "alpha", "beta"].map { forge.path + "/\($0).git\n" }.joined())
        let result = sandbox.sh(script, in: org.path)
        #expect(result.status == 1, "findings in two repositories fail the job: \(result.stdout)\(result.stderr)")

        for name in ["alpha", "beta", "gamma"] {
            #expect(FileManager.default.fileExists(atPath: org.path + "/reports/\(name).sarif"), "no SARIF for \(name): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: org.path + "/reports/\(name).json"), "no JSON for \(name)")
        }
        #expect(try Self.findingPaths(Self.read(org.path + "/reports/alpha.json")) == ["config.py"])
        #expect(try Set(Self.findingPaths(Self.read(org.path + "/reports/beta.json"))) == [".env", "deploy/run.sh"])
        #expect(try Self.findingPaths(Self.read(org.path + "/reports/gamma.json")) == [])

        let merged = try Self.read(org.path + "/org.sarif")
        if SchemaValidation.jsonSchemaAvailable { #expect(Self.sarifErrors(merged).isEmpty) }
        let runs = try Self.runs(merged)
        #expect(runs.count == 3)
        let ids = runs.map { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(ids == ["ivyscan/alpha/", "ivyscan/beta/", "ivyscan/gamma/"], "one tagged run per repository, in the shell's file order")
        #expect(runs.map { Self.results($0).isEmpty } == [false, false, true], "results only from the two repositories with keys")
        let uris = Set(runs.flatMap(Self.results).compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        })
        #expect(uris == ["config.py", ".env", "deploy/run.sh"])
        // Each merged run is its repository's run, unchanged but for the tag.
        for (index, name) in ["alpha", "beta", "gamma"].enumerated() {
            var run = runs[index]
            run.removeValue(forKey: "automationDetails")
            let own = try Self.runs(Self.read(org.path + "/reports/\(name).sarif"))
            #expect(own.count == 1 && NSDictionary(dictionary: own[0]).isEqual(to: run), "\(name)'s run changed in the merge")
        }
        #expect(Self.filesLeaking(keys, under: org.path + "/reports").isEmpty && !merged.contains(alphaKey) && !merged.contains(betaKey))
        for text in [result.stdout, result.stderr] { #expect(!keys.contains { text.contains($0) }, "a key leaked to the job log") }

        // Only the clean repository: the job passes.
        let cleanOrg = TempDirectory("ivyscan-org")
        cleanOrg.write("repos.txt", forge.path + "/gamma.git\n")
        let clean = sandbox.sh(script, in: cleanOrg.path)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(try Self.runs(Self.read(cleanOrg.path + "/org.sarif")).count == 1)
    }

    // MARK: sarif-merge, the command

    @Test func sarifMergeKeepsOrderIsDeterministicAndNamesBadFiles() throws {
        let sandbox = Sandbox()
        let temp = TempDirectory("ivyscan-merge")
        let key = TestKeys.key()
        temp.write("web/app.js", "const key = \"\(key)\";\n")
        temp.write("api/main.py", "print('clean')\n")
        #expect(sandbox.ivyscan(["scan", "--no-git", "web", "-o", "web.sarif"], in: temp.path).status == 1)
        #expect(sandbox.ivyscan(["scan", "--no-git", "api", "-o", "api.sarif"], in: temp.path).status == 0)

        let first = sandbox.ivyscan(["sarif-merge", "-o", "one.sarif", "web.sarif", "api.sarif"], in: temp.path)
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        let second = sandbox.ivyscan(["sarif-merge", "web.sarif", "api.sarif"], in: temp.path)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.read(temp.path + "/one.sarif") == second.stdout, "the same inputs give the same bytes, to a file or stdout")
        let reversed = sandbox.ivyscan(["sarif-merge", "api.sarif", "web.sarif"], in: temp.path)
        let ids = try Self.runs(reversed.stdout).map { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(ids == ["ivyscan/api/", "ivyscan/web/"], "runs follow the argument order")
        if SchemaValidation.jsonSchemaAvailable { #expect(Self.sarifErrors(second.stdout).isEmpty) }
        #expect(!second.stdout.contains(key))

        // Merging a merged log keeps its tags and tags only what has none.
        let again = sandbox.ivyscan(["sarif-merge", "one.sarif", "web.sarif"], in: temp.path)
        let againIDs = try Self.runs(again.stdout).map { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(againIDs == ["ivyscan/web/", "ivyscan/api/", "ivyscan/web-2/"])

        temp.write("broken.sarif", "{\"version\": \"2.1.0\", \"runs\": [}\n")
        temp.write("old.sarif", "{\"version\": \"2.0.0\", \"runs\": []}\n")
        temp.write("report.json", "{\"schema\": \"ivyscan-report\", \"version\": 1}\n")
        let failures: [(arguments: [String], says: String)] = [
            (["web.sarif", "broken.sarif"], "broken.sarif: invalid JSON at line 1"),
            (["old.sarif", "web.sarif"], "old.sarif: SARIF version \"2.0.0\""),
            (["report.json"], "report.json: SARIF version 1"),
            (["web.sarif", "missing.sarif"], "missing.sarif: no such file"),
            (["web"], "web: is a directory"),
            ([], "expected at least one SARIF file"),
        ]
        for failure in failures {
            let result = sandbox.ivyscan(["sarif-merge", "-o", "out.sarif"] + failure.arguments, in: temp.path)
            #expect(result.status == 2, "\(failure.arguments): \(result.stderr)")
            #expect(result.stderr.contains(failure.says), "\(failure.arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: temp.path + "/out.sarif"), "nothing is written on error")
        }
        let help = sandbox.ivyscan(["sarif-merge", "--help"], in: temp.path)
        #expect(help.status == 0 && help.stdout.contains("USAGE: ivyscan sarif-merge [-o FILE] FILE..."), "\(help.stdout)\(help.stderr)")
        let unwritable = sandbox.ivyscan(["sarif-merge", "-o", "no/such/dir/out.sarif", "web.sarif"], in: temp.path)
        #expect(unwritable.status == 3 && unwritable.stderr.contains("no/such/dir/out.sarif"), "\(unwritable.stderr)")
        // -o may name an input: every input is read before anything is written.
        let inPlace = sandbox.ivyscan(["sarif-merge", "-o", "api.sarif", "api.sarif"], in: temp.path)
        #expect(inPlace.status == 0, "\(inPlace.stderr)")
        #expect(try Self.runs(Self.read(temp.path + "/api.sarif")).count == 1)
    }

    // MARK: the pre-commit framework, as the Git hooks section shows it

    static let preCommitAvailable = Command.run("/usr/bin/env", ["python3", "-m", "pre_commit", "--version"]).status == 0

    /// The `.pre-commit-config.yaml` of the README's "Git hooks" section, run
    /// against a hook repository holding this package's `.pre-commit-hooks.yaml`.
    /// The README's ids build ivyscan with SwiftPM; here their `-system`
    /// twins (same entry, the ivyscan on PATH) stand in, unless
    /// IVYSCAN_TEST_SWIFT_HOOKS=1 asks for the real build of this
    /// repository's HEAD (minutes of `swift build -c release`).
    @Test(.enabled(if: CIRecipeTests.preCommitAvailable && CIRecipeTests.yamlAvailable, "pre-commit is not installed: python3 -m pip install 'pre-commit==4.*'"))
    func readmePreCommitConfigBlocksAKey() throws {
        let blocks = try Self.readme().components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let snippet = try #require(blocks.first { $0.contains("repos:") && $0.contains("<URL of this repository>") },
                                   "README.md lost its .pre-commit-config.yaml snippet")
        let config = try #require(try Self.yaml(snippet) as? [String: Any])
        let hooks = try #require(((config["repos"] as? [[String: Any]])?.first?["hooks"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(hooks == ["ivyscan", "ivyscan-push"])
        let manifest = try #require(try Self.yaml(Self.read(PackagePaths.root + "/.pre-commit-hooks.yaml")) as? [[String: Any]])
        let shipped = Dictionary(manifest.compactMap { hook in (hook["id"] as? String).map { ($0, hook) } }, uniquingKeysWith: { first, _ in first })
        for id in hooks {
            #expect(shipped[id] != nil, "the README names hook \(id), which .pre-commit-hooks.yaml lacks")
            #expect(shipped[id + "-system"]?["entry"] as? String == shipped[id]?["entry"] as? String, "\(id)-system must run what \(id) runs")
        }

        let realBuild = ProcessInfo.processInfo.environment["IVYSCAN_TEST_SWIFT_HOOKS"] == "1"
        let hookRepo = Repo("ivyscan-hook-repo")
        let url: String, rev: String
        if realBuild {
            url = PackagePaths.root
            rev = try #require(Command.git(["rev-parse", "HEAD"], in: PackagePaths.root).stdout.split(separator: "\n").first.map(String.init))
        } else {
            hookRepo.dir.write(".pre-commit-hooks.yaml", try Self.read(PackagePaths.root + "/.pre-commit-hooks.yaml"))
            url = hookRepo.path
            rev = hookRepo.commit("hooks", [:])
        }
        var text = snippet.replacingOccurrences(of: "<URL of this repository>", with: url).replacingOccurrences(of: "<tag or commit>", with: rev)
        if !realBuild {
            text = text.replacingOccurrences(of: "id: ivyscan-push", with: "id: ivyscan-push-system")
                .replacingOccurrences(of: "id: ivyscan ", with: "id: ivyscan-system ")
            #expect(text.contains("id: ivyscan-system") && text.contains("id: ivyscan-push-system"), "\(text)")
        }

        let sandbox = Sandbox()
        let home = TempDirectory("ivyscan-pre-commit-home")
        let remote = Repo("ivyscan-remote", bare: true)
        let repo = Repo("ivyscan-pre-commit")
        repo.git(["remote", "add", "origin", remote.path])
        repo.dir.write(".pre-commit-config.yaml", text)
        let environment = ["PRE_COMMIT_HOME": home.path]
        func preCommit(_ arguments: [String], timeout: Double = 120) -> CommandResult {
            Command.run("/usr/bin/env", ["python3", "-m", "pre_commit"] + arguments, in: repo.path, environment: sandbox.environment(environment), timeout: timeout)
        }
        func git(_ arguments: [String]) -> CommandResult {
            Command.run("/usr/bin/env", ["git"] + arguments, in: repo.path, environment: sandbox.environment(environment), timeout: realBuild ? 3600 : 120)
        }
        let install = preCommit(["install", "--hook-type", "pre-commit", "--hook-type", "pre-push"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let environments = preCommit(["install-hooks"], timeout: realBuild ? 3600 : 120)
        #expect(environments.status == 0, "\(environments.stdout)\(environments.stderr)")

        #expect(git(["add", ".pre-commit-config.yaml"]).status == 0)
        let clean = git(["commit", "-q", "-m", "config"])
        #expect(clean.status == 0, "a clean commit passes: \(clean.stdout)\(clean.stderr)")
        let cleanPush = git(["push", "-q", "origin", "main"])
        #expect(cleanPush.status == 0, "a clean push passes: \(cleanPush.stdout)\(cleanPush.stderr)")

        let key = TestKeys.key()
        repo.dir.write("mailer.ts", "export const key = \"\(key)\";\n")
        #expect(git(["add", "mailer.ts"]).status == 0)
        let blocked = git(["commit", "-m", "key"])
        #expect(blocked.status != 0, "the staged key must block the commit: \(blocked.stdout)\(blocked.stderr)")
        #expect((blocked.stdout + blocked.stderr).contains("mailer.ts"))
        #expect(git(["commit", "-q", "--no-verify", "-m", "key"]).status == 0)
        let push = git(["push", "origin", "main"])
        #expect(push.status != 0, "the pushed key must block the push: \(push.stdout)\(push.stderr)")
        #expect(Command.git(["rev-parse", "main"], in: remote.path).stdout == Command.git(["rev-parse", "main~1"], in: repo.path).stdout)
        for text in [blocked.stdout, blocked.stderr, push.stdout, push.stderr] { #expect(!text.contains(key), "the key leaked") }
    }
}
