#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyConfig
import IvyKit
import IvyModel

/// `ivyscan scan [PATH ...]`: copies flags into options, runs the library,
/// and hands the report to `ReportSettings`. No scanning logic here.
enum ScanCommand {
    static let name = "scan"
    static let summary = "Scan files and directories for IvyMail keys and hardcoded x-api-key headers"

    static let options: [OptionSpec] = [
        OptionSpec("threads", short: "j", value: "N", help: "Worker threads (default: one per core)"),
        OptionSpec("no-ignore", help: "Scan files that .gitignore / .ivyscanignore would skip"),
        OptionSpec("no-git", help: "Walk the directory even inside a git work tree"),
    ] + ReportSettings.specs + VerifyOptions.specs

    static let help = """
        USAGE: ivyscan scan [OPTIONS] [PATH ...]
               ivyscan scan [OPTIONS] -        (standard input: a log, a pipe, any length)

        \(summary). PATH defaults to the current directory. Inside a git work tree
        the file list comes from git (tracked and untracked, not ignored); elsewhere
        the tree is walked with .gitignore rules. Hidden files are scanned; .git/ is not.

        OPTIONS:
        \(HelpText.optionList(options))

        \(ReportSettings.exitStatusHelp)

        EXAMPLES:
          ivyscan scan                      scan the current directory
          ivyscan scan --format json -o report.json src/
          ivyscan scan -o ivyscan.sarif -o ivyscan.xml   SARIF and JUnit from one scan
          ivyscan scan --fail-on critical   fail only on real-looking keys
          ivyscan scan --trace docs/        see why placeholders were not reported
          kubectl logs deploy/mailer | ivyscan scan -   a key printed in a log
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        var scan = ScanOptions()
        let settings: ReportSettings
        let verify: VerifyOptions
        do throws(UsageError) {
            let parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            settings = try ReportSettings(parsed, command: name)
            verify = try VerifyOptions(parsed, command: name, environment: environment)
            if let threads = parsed.value("threads") {
                guard let count = Int(threads), count >= 1, count <= 1024 else {
                    throw UsageError("--threads must be a number from 1 to 1024, not '\(threads)'", command: name)
                }
                scan.threads = count
            }
            scan.respectIgnore = !parsed.has("no-ignore")
            scan.useGit = !parsed.has("no-git")
            if !parsed.positionals.isEmpty { scan.roots = parsed.positionals }
            if scan.roots.contains("-") && scan.roots.count > 1 {
                throw UsageError("'-' (standard input) is scanned on its own, not with paths", command: name)
            }
        } catch {
            return CLI.fail(error, console: console)
        }
        scan.maxFileSize = settings.maxFileSize
        scan.trace = settings.trace
        scan.configPath = settings.configPath
        let stdin = scan.roots == ["-"]
        for root in scan.roots where !stdin && !FileManager.default.fileExists(atPath: root) {
            console.error("ivyscan: error: no such file or directory: \(root)\n")
            return ExitCode.usage.rawValue
        }
        let config: ResolvedConfig
        do {
            config = try ConfigLoader.load(explicitPath: scan.configPath, roots: stdin ? ["."] : scan.roots, environment: environment)
        } catch {
            console.error("ivyscan: config error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }
        guard let handles = settings.openOutputs(console: console) else { return ExitCode.incomplete.rawValue }
        if settings.verbose, let file = config.configFile { console.error("ivyscan: using config \(file)\n") }
        var report: ScanReport
        let progress = stdin ? nil : ProgressLine(unit: "files", console: console, quiet: settings.quiet, environment: environment)
        scan.progress = progress?.progress
        progress?.start()
        do {
            defer { progress?.stop() }
            report = stdin ? try StreamScan.run(trace: scan.trace, config: config) : try DirectoryScan.run(scan, config: config)
        } catch {
            console.error("ivyscan: config error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }
        verify.apply(to: &report, console: console, environment: environment)
        return settings.deliver(report, to: handles, config: config, console: console, environment: environment, verify: verify)
    }
}
