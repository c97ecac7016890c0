import Foundation
import IvyConfig
import IvyKit
import IvyMatching
import IvyModel
import IvyReporting

/// `ivyscan scan [PATH ...]`: copies flags into options, runs the library,
/// prints, and maps the result to an exit code. No scanning logic here.
enum ScanCommand {
    static let name = "scan"
    static let summary = "Scan files and directories for IvyMail keys and hardcoded x-api-key headers"

    static let options: [OptionSpec] = [
        OptionSpec("format", short: "f", value: "FORMAT", help: "Report format: \(ReportFormat.choices) (default: text)"),
        OptionSpec("output", short: "o", value: "FILE", help: "Write the report to FILE instead of standard output"),
        OptionSpec("color", value: "WHEN", help: "Colour: auto|always|never (default: auto; NO_COLOR disables auto)"),
        OptionSpec("quiet", short: "q", help: "Print findings only: no summary, no warnings"),
        OptionSpec("verbose", short: "v", help: "Also list skipped files and the config in use"),
        OptionSpec("threads", short: "j", value: "N", help: "Worker threads (default: one per core)"),
        OptionSpec("max-file-size", value: "SIZE", help: "Skip files larger than SIZE, e.g. 512K, 10M (default: 10M)"),
        OptionSpec("no-ignore", help: "Scan files that .gitignore / .ivyscanignore would skip"),
        OptionSpec("no-git", help: "Walk the directory even inside a git work tree"),
        OptionSpec("show-secrets", help: "Print secrets in full (default: redacted everywhere)"),
        OptionSpec("fail-on", value: "SEVERITY", help: "Lowest severity that fails the scan: \(Severity.choices) (default: medium)"),
        OptionSpec("exit-code", value: "N", help: "Exit status when findings fail the scan (default: 1)"),
        OptionSpec("strict", help: "Exit 3 when part of the input could not be scanned"),
        OptionSpec("trace", help: "Explain on stderr every candidate the filters dropped, and why"),
        OptionSpec("config", short: "c", value: "FILE", help: "Use this config instead of the discovered .ivyscan.toml"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]

    static let help = """
        USAGE: ivyscan scan [OPTIONS] [PATH ...]

        \(summary). PATH defaults to the current directory. Inside a git work tree
        the file list comes from git (tracked and untracked, not ignored); elsewhere
        the tree is walked with .gitignore rules. Hidden files are scanned; .git/ is not.

        OPTIONS:
        \(HelpText.optionList(options))

        EXIT STATUS:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on (see --exit-code)
          2  usage or configuration error
          3  part of the input could not be scanned (with --strict), or the report could not be written

        EXAMPLES:
          ivyscan scan                      scan the current directory
          ivyscan scan --format json -o report.json src/
          ivyscan scan --fail-on critical   fail only on real-looking keys
          ivyscan scan --trace docs/        see why placeholders were not reported
        """

    struct Settings {
        var scan = ScanOptions()
        var format = ReportFormat.text
        var output: String?
        var color = ColorChoice.auto
        var quiet = false
        var verbose = false
        var showSecrets = false
        var failOn = Severity.medium
        var findingsExitCode: Int32 = 1
        var strict = false
    }

    static func settings(from parsed: ArgumentParser.Parsed) throws(UsageError) -> Settings {
        var settings = Settings()
        if let format = parsed.value("format") {
            guard let value = ReportFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)'; choose \(ReportFormat.choices)", command: name)
            }
            settings.format = value
        }
        settings.output = parsed.value("output")
        if let color = parsed.value("color") {
            guard let value = ColorChoice(rawValue: color.lowercased()) else {
                throw UsageError("--color must be auto, always or never, not '\(color)'", command: name)
            }
            settings.color = value
        }
        settings.quiet = parsed.has("quiet")
        settings.verbose = parsed.has("verbose")
        if let threads = parsed.value("threads") {
            guard let count = Int(threads), count >= 1, count <= 1024 else {
                throw UsageError("--threads must be a number from 1 to 1024, not '\(threads)'", command: name)
            }
            settings.scan.threads = count
        }
        if let size = parsed.value("max-file-size") {
            guard let bytes = ByteSize.parse(size), bytes > 0 else {
                throw UsageError("--max-file-size must be a size like 512K or 10M, not '\(size)'", command: name)
            }
            settings.scan.maxFileSize = bytes
        }
        settings.scan.respectIgnore = !parsed.has("no-ignore")
        settings.scan.useGit = !parsed.has("no-git")
        settings.showSecrets = parsed.has("show-secrets")
        if let failOn = parsed.value("fail-on") {
            guard let severity = Severity(parsing: failOn) else {
                throw UsageError("--fail-on must be one of \(Severity.choices), not '\(failOn)'", command: name)
            }
            settings.failOn = severity
        }
        if let code = parsed.value("exit-code") {
            guard let value = Int32(code), value >= 0, value <= 255 else {
                throw UsageError("--exit-code must be a number from 0 to 255, not '\(code)'", command: name)
            }
            settings.findingsExitCode = value
        }
        settings.strict = parsed.has("strict")
        settings.scan.trace = parsed.has("trace")
        settings.scan.configPath = parsed.value("config")
        if !parsed.positionals.isEmpty { settings.scan.roots = parsed.positionals }
        return settings
    }

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> ExitCode.RawValue {
        let settings: Settings
        do {
            let parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            if parsed.has("help") {
                console.out(help + "\n")
                return ExitCode.clean.rawValue
            }
            settings = try self.settings(from: parsed)
        } catch {
            return CLI.fail(error, console: console)
        }
        for root in settings.scan.roots where !FileManager.default.fileExists(atPath: root) {
            console.error("ivyscan: error: no such file or directory: \(root)\n")
            return ExitCode.usage.rawValue
        }
        let config: ResolvedConfig
        do {
            config = try ConfigLoader.load(explicitPath: settings.scan.configPath, roots: settings.scan.roots, environment: environment)
        } catch {
            console.error("ivyscan: config error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }
        // Open the report file before scanning, so a bad path fails fast.
        var outputHandle: FileHandle?
        if let output = settings.output, output != "-" {
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                console.error("ivyscan: error: cannot write report to \(output)\n")
                return ExitCode.incomplete.rawValue
            }
            outputHandle = handle
        }
        if settings.verbose, let file = config.configFile {
            console.error("ivyscan: using config \(file)\n")
        }

        let report: ScanReport
        do {
            report = try DirectoryScan.run(settings.scan, config: config)
        } catch {
            console.error("ivyscan: config error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }

        let toTerminal = outputHandle == nil && console.stdoutIsTerminal
        let reportOptions = ReportOptions(
            showSecrets: settings.showSecrets,
            color: settings.format == .text && settings.color.enabled(isTerminal: toTerminal, environment: environment)
                && (outputHandle == nil || settings.color == .always),
            failOn: settings.failOn, verbose: settings.verbose, quiet: settings.quiet, toolVersion: Version.current)
        if settings.scan.trace {
            for event in report.trace {
                let candidate = settings.showSecrets ? Redactor.printable(event.candidate) : Redactor.redact(event.candidate, prefixLength: event.prefixLength)
                console.error("trace: \(event.path):\(event.line):\(event.column): \(event.ruleID): dropped \(candidate): \(event.reason)\n")
            }
        }
        if !settings.quiet {
            for problem in report.problems {
                console.error("ivyscan: warning: \(Redactor.printable(Array(problem.path.utf8))): \(problem.message)\n")
            }
        }
        let rendered = settings.format.render(report, options: reportOptions)
        if let outputHandle {
            do {
                try outputHandle.write(contentsOf: Data(rendered.utf8))
                try outputHandle.close()
            } catch {
                console.error("ivyscan: error: cannot write report to \(settings.output!): \(error.localizedDescription)\n")
                return ExitCode.incomplete.rawValue
            }
        } else {
            console.out(rendered)
        }

        if !report.gating(failOn: settings.failOn).isEmpty { return settings.findingsExitCode }
        if settings.strict && (!report.problems.isEmpty || report.limitExceeded) {
            console.error("ivyscan: \(report.problems.count) file(s) could not be scanned (--strict)\n")
            return ExitCode.incomplete.rawValue
        }
        return ExitCode.clean.rawValue
    }
}
