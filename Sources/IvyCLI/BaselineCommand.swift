#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyConfig
import IvyKit
import IvyModel
import IvyReporting

/// `ivyscan baseline create|update|audit`: accept today's findings once, so
/// later scans (`--baseline FILE`) report only new ones, and keep the
/// accepted list from rotting (expired, unused or unexplained entries).
enum BaselineCommand {
    static let name = "baseline"
    static let summary = "Record today's findings so later scans report only new ones; audit the record"

    static let options: [OptionSpec] = [
        OptionSpec("output", short: "o", value: "FILE", help: "create: the baseline to write (default: \(BaselineFile.defaultPath))"),
        OptionSpec("baseline", short: "b", value: "FILE", help: "update, audit: the baseline to read (default: \(BaselineFile.defaultPath))"),
        OptionSpec("format", short: "f", value: "FORMAT", help: "audit: text or json (default: text)"),
        OptionSpec("fail-on-stale-baseline", help: "audit: exit 1 when an entry is expired, unused or missing a reason"),
        OptionSpec("history", help: "Scan every commit (`git history`) of the repository at PATH instead of the files"),
        OptionSpec("threads", short: "j", value: "N", help: "Worker threads (default: one per core)"),
        OptionSpec("no-ignore", help: "Scan files that .gitignore / .ivyscanignore would skip"),
        OptionSpec("no-git", help: "Walk the directory even inside a git work tree"),
        OptionSpec("max-file-size", value: "SIZE", help: "Skip files larger than SIZE, e.g. 512K, 10M (default: 10M)"),
        OptionSpec("config", short: "c", value: "FILE", help: "Use this config instead of the discovered .ivyscan.toml"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]

    static let help = """
        USAGE: ivyscan baseline <create|update|audit> [OPTIONS] [PATH ...]

        \(summary).

        MODES:
          create   scan PATH (default: .) and record every unsuppressed finding
          update   add new findings to the baseline and drop entries no longer found
          audit    list entries that are expired, unused (the secret is gone) or
                   missing a reason; exit 1 with --fail-on-stale-baseline

        Entries are keyed by rule and an HMAC-SHA256 of the secret under a random
        salt stored in the file: never by path, line or commit, so moving code,
        reformatting or rebasing keeps them, and a different secret on the same
        line is reported. The file holds no plaintext secrets and no timestamps;
        rerunning on an unchanged tree rewrites it byte for byte. Add `reason`,
        `owner` and `expires` (YYYY-MM-DD) to entries by hand; updates keep them.
        `ivyscan git history --baseline-out FILE` records a history scan instead.

        OPTIONS:
        \(HelpText.optionList(options))

        EXAMPLES:
          ivyscan baseline create                     write .ivyscan-baseline.json
          ivyscan scan --baseline .ivyscan-baseline.json   report only new findings
          ivyscan baseline audit --fail-on-stale-baseline  in CI, keep the baseline honest
          ivyscan baseline audit --history -b history-baseline.json   audit a history baseline
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        var scan = ScanOptions()
        let mode: String
        let parsed: ArgumentParser.Parsed
        do throws(UsageError) {
            parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            if parsed.positionals.first == "help" { throw UsageError.help(command: name) }
            guard let first = parsed.positionals.first else { throw UsageError("missing mode: create, update or audit", command: name) }
            guard ["create", "update", "audit"].contains(first) else {
                throw UsageError("unknown baseline mode '\(first)': create, update or audit", command: name)
            }
            mode = first
            if parsed.value("output") != nil, mode != "create" { throw UsageError("--output is for create; use --baseline FILE", command: name) }
            if parsed.value("baseline") != nil, mode == "create" { throw UsageError("create writes --output FILE", command: name) }
            if parsed.has("fail-on-stale-baseline"), mode != "audit" { throw UsageError("--fail-on-stale-baseline is for audit", command: name) }
            if let format = parsed.value("format") {
                guard mode == "audit" else { throw UsageError("--format is for audit", command: name) }
                guard ["text", "json"].contains(format) else { throw UsageError("--format must be text or json, not '\(format)'", command: name) }
            }
            if let threads = parsed.value("threads") {
                guard let count = Int(threads), count >= 1, count <= 1024 else {
                    throw UsageError("--threads must be a number from 1 to 1024, not '\(threads)'", command: name)
                }
                scan.threads = count
            }
            if let size = parsed.value("max-file-size") {
                guard let bytes = ByteSize.parse(size), bytes > 0 else {
                    throw UsageError("--max-file-size must be a size like 512K or 10M, not '\(size)'", command: name)
                }
                scan.maxFileSize = bytes
            }
            scan.respectIgnore = !parsed.has("no-ignore")
            scan.useGit = !parsed.has("no-git")
            scan.configPath = parsed.value("config")
            let roots = Array(parsed.positionals.dropFirst())
            if !roots.isEmpty { scan.roots = roots }
            if parsed.has("history"), scan.roots.count != 1 { throw UsageError("--history takes one repository PATH", command: name) }
        } catch {
            return CLI.fail(error, console: console)
        }
        let path = parsed.value("output") ?? parsed.value("baseline") ?? BaselineFile.defaultPath
        var existing: BaselineFile?
        if mode != "create" {
            do { existing = try BaselineFile.load(path: path) } catch {
                console.error("ivyscan: error: \(error.description)\(FileManager.default.fileExists(atPath: path) ? "" : " (run `ivyscan baseline create` first)")\n")
                return ExitCode.usage.rawValue
            }
        }
        for root in scan.roots where !FileManager.default.fileExists(atPath: root) {
            console.error("ivyscan: error: no such file or directory: \(root)\n")
            return ExitCode.usage.rawValue
        }
        let report: ScanReport
        do {
            let config = try ConfigLoader.load(explicitPath: scan.configPath, roots: scan.roots, environment: environment)
            if parsed.has("history") {
                var options = GitScanOptions(directory: scan.roots[0], target: .history(revisions: ["--all"]), maxFileSize: scan.maxFileSize)
                options.allowedFingerprints = FingerprintAllowlist.fingerprints(config)
                report = try GitScan.run(options, config: config, environment: environment)
            } else {
                report = try DirectoryScan.run(scan, config: config)
            }
        } catch let error as GitScanError {
            console.error("ivyscan: error: \(error.description)\n")
            return ExitCode.usage.rawValue
        } catch {
            console.error("ivyscan: config error: \(error)\n")
            return ExitCode.usage.rawValue
        }
        for problem in report.problems { console.error("ivyscan: warning: \(problem.path): \(problem.message)\n") }
        switch mode {
        case "audit":
            let audit = BaselineAudit(existing!, report: report, today: DateText.day(Int(Date().timeIntervalSince1970)))
            console.out(parsed.value("format") == "json" ? audit.json() : audit.text())
            return !audit.isClean && parsed.has("fail-on-stale-baseline") ? ExitCode.findings.rawValue : ExitCode.clean.rawValue
        default:
            return write(report, to: path, console: console) ? ExitCode.clean.rawValue : ExitCode.incomplete.rawValue
        }
    }

    /// Records `report` into the baseline at `path`, keeping its salt and the
    /// reason, owner and expiry of entries still found; prints what changed.
    static func write(_ report: ScanReport, to path: String, console: Console) -> Bool {
        do {
            let existing = try BaselineFile.loadIfPresent(path: path)
            let (file, change) = Baseline.record(report, into: existing)
            try file.write(to: path)
            let count = file.entries.count
            console.error("ivyscan: baseline \(path): \(count) entr\(count == 1 ? "y" : "ies") (\(change.added) added, \(change.removed) removed)\n")
            return true
        } catch {
            console.error("ivyscan: error: \(error.description)\n")
            return false
        }
    }
}
