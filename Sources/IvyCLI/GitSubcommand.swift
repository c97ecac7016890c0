#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyConfig
import IvyKit
import IvyModel
import IvySources

/// `ivyscan git staged|range|history|pre-push|ci`: scans what git holds
/// rather than the files on disk.
enum GitSubcommand {
    static let name = "git"
    static let summary = "Scan staged changes, commit ranges, whole history, or a push"

    static let options: [OptionSpec] = [
        OptionSpec("repo", short: "C", value: "DIR", help: "Repository to scan (default: the current directory)"),
        OptionSpec("since", value: "REF", help: "range: scan REF..HEAD"),
        OptionSpec("all", help: "history: every ref (the default)"),
        OptionSpec("fail-on-existing", help: "staged: keys already in HEAD fail too (default: warn)"),
        OptionSpec("no-ignore", help: "Scan paths the work tree's .ivyscanignore files would skip"),
        OptionSpec("allow-shallow", help: "Report what a shallow clone or missing base kept out of reach, without exit 3"),
        OptionSpec("baseline-out", value: "FILE", help: "history: also record the findings as a baseline in FILE (see `ivyscan help baseline`)"),
    ] + ReportSettings.specs + VerifyOptions.specs

    static let help = """
        USAGE: ivyscan git <MODE> [OPTIONS]

        MODES:
          staged             what `git commit` would record (the index, not the work tree): pre-commit
          range BASE..HEAD   the content each commit in the range added, merges included: CI
          ci                 the range of the current GitHub Actions or GitLab CI job
          history [REV ...]  every key ever committed (default: all refs), once per secret
          pre-push           the commits being pushed, from git's pre-push hook input on stdin
                             (under the pre-commit framework: PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF)

        Paths are relative to the repository root. Findings carry the commit,
        author and date; JSON adds `status`: new, existing or history.

        OPTIONS:
        \(HelpText.optionList(options))

        \(ReportSettings.exitStatusHelp)

        EXAMPLES:
          ivyscan git staged                       in a pre-commit hook
          ivyscan git range origin/main..HEAD      in CI, the commits of a branch
          ivyscan git history --format json        audit a repository once
        """

    /// "A..B" into ("A", "B"); refs may hold single dots (v1.2..HEAD), and
    /// "A...B" (a symmetric difference) is not a range of added commits.
    static func splitRange(_ text: String) -> (String, String)? {
        let characters = Array(text)
        guard let index = characters.indices.dropLast().first(where: { characters[$0] == "." && characters[$0 + 1] == "." }),
              index + 2 >= characters.count || characters[index + 2] != "."
        else { return nil }
        return (String(characters[..<index]), String(characters[(index + 2)...]))
    }

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        let settings: ReportSettings
        let verify: VerifyOptions
        var options: GitScanOptions
        var baselineOut: String?
        do throws(UsageError) {
            let parsed = try ArgumentParser(specs: self.options, command: name).parse(arguments)
            if parsed.positionals.first == "help" { throw UsageError.help(command: name) }
            settings = try ReportSettings(parsed, command: name)
            verify = try VerifyOptions(parsed, command: name, environment: environment)
            guard let mode = parsed.positionals.first else { throw UsageError("missing mode: staged, range, ci, history or pre-push", command: name) }
            let rest = Array(parsed.positionals.dropFirst())
            let target: GitTarget
            switch mode {
            case "staged":
                guard rest.isEmpty else { throw UsageError("staged takes no arguments", command: name) }
                target = .staged
            case "range":
                if let since = parsed.value("since") {
                    guard rest.isEmpty else { throw UsageError("give either --since REF or BASE..HEAD, not both", command: name) }
                    target = .range(base: since, head: "HEAD", reason: "")
                } else {
                    guard rest.count == 1, let (base, head) = splitRange(rest[0]) else {
                        throw UsageError("range needs BASE..HEAD (or --since REF)", command: name)
                    }
                    guard !base.isEmpty else { throw UsageError("range needs a base before '..'", command: name) }
                    target = .range(base: base, head: head.isEmpty ? "HEAD" : head, reason: "")
                }
            case "ci":
                target = .range(base: nil, head: "", reason: "ci")
            case "history":
                target = .history(revisions: parsed.has("all") || rest.isEmpty ? ["--all"] : rest)
            case "pre-push":
                let input = String(decoding: FileSystem.readAll(fd: 0), as: UTF8.self)
                let (from, to, local) = (environment["PRE_COMMIT_FROM_REF"] ?? "", environment["PRE_COMMIT_TO_REF"] ?? "", environment["PRE_COMMIT_LOCAL_BRANCH"] ?? "")
                // The pre-commit framework gives its pre-push hooks no stdin, only the range in the
                // environment, or just the local ref when the push carries a root commit (all new).
                if input.allSatisfy(\.isWhitespace) && !from.isEmpty && !to.isEmpty {
                    target = .range(base: from, head: to, reason: "pre-commit pre-push")
                } else if input.allSatisfy(\.isWhitespace) && !local.isEmpty {
                    target = .range(base: nil, head: local, reason: "pre-commit pre-push of a new history")
                } else {
                    target = .prePush(updates: PushUpdate.parse(input))
                }
            default:
                throw UsageError("unknown git mode '\(mode)': staged, range, ci, history or pre-push", command: name)
            }
            if parsed.value("baseline-out") != nil, mode != "history" {
                throw UsageError("--baseline-out records a history scan: use it with `git history`", command: name)
            }
            baselineOut = parsed.value("baseline-out")
            options = GitScanOptions(directory: parsed.value("repo") ?? ".", target: target, maxFileSize: settings.maxFileSize,
                                     trace: settings.trace, allowShallow: parsed.has("allow-shallow"),
                                     failOnExisting: parsed.has("fail-on-existing"))
            options.respectIgnore = !parsed.has("no-ignore")
        } catch {
            return CLI.fail(error, console: console)
        }

        if case .range(_, _, "ci") = options.target {
            guard let repository = try? GitRepository(at: options.directory, environment: environment) else {
                console.error("ivyscan: error: not a git repository: \(options.directory)\n")
                return ExitCode.usage.rawValue
            }
            do {
                let choice = try CIRange.choose(environment) { base, head in
                    try? repository.git.text(["merge-base", "--end-of-options", base, head])
                }
                // A new branch is compared with the default branch's remote
                // ref, which CI clones often lack: a gap with its fix, not a bad revision.
                if let base = choice.base, base.hasPrefix("refs/remotes/origin/"),
                   (try? repository.git.text(["rev-parse", "--verify", "--quiet", "--end-of-options", base + "^{commit}"])) == nil {
                    let branch = base.dropFirst("refs/remotes/origin/".count)
                    console.error("ivyscan: incomplete: \(choice.reason), but \(base) is not in this clone; fetch it first: git fetch origin +refs/heads/\(branch):\(base)\n")
                    return ExitCode.incomplete.rawValue
                }
                options.target = .range(base: choice.base, head: choice.head, reason: choice.reason)
                console.error("ivyscan: \(choice.reason): \(choice.base.map { String($0.prefix(12)) } ?? "(start)")..\(String(choice.head.prefix(12)))\n")
            } catch {
                console.error("ivyscan: error: \(error.description)\n")
                return ExitCode.usage.rawValue
            }
        }

        let config: ResolvedConfig
        do {
            config = try ConfigLoader.load(explicitPath: settings.configPath, roots: [options.directory], environment: environment)
        } catch {
            console.error("ivyscan: config error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }
        options.allowedFingerprints = FingerprintAllowlist.fingerprints(config)
        guard let handles = settings.openOutputs(console: console) else { return ExitCode.incomplete.rawValue }
        var report: ScanReport
        let progress = ProgressLine(unit: "blobs", console: console, quiet: settings.quiet, environment: environment)
        options.progress = progress?.progress
        progress?.start()
        do {
            defer { progress?.stop() }
            report = try GitScan.run(options, config: config, environment: environment)
        } catch {
            console.error("ivyscan: error: \(error.description)\n")
            switch error {
            case .usage, .rules: return ExitCode.usage.rawValue
            case .git: return ExitCode.incomplete.rawValue
            }
        }
        if let baselineOut, !BaselineCommand.write(report, to: baselineOut, console: console) { return ExitCode.incomplete.rawValue }
        verify.apply(to: &report, console: console, environment: environment)
        return settings.deliver(report, to: handles, config: config, console: console, environment: environment, verify: verify)
    }
}
