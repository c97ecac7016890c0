#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyModel
import IvyReporting

/// The options every scanning command shares (format, output, colour,
/// verbosity, gate) and the one place that prints a report and turns it
/// into an exit status.
struct ReportSettings {
    var format = ReportFormat.text
    var output: String?
    var color = ColorChoice.auto
    var quiet = false
    var verbose = false
    var showSecrets = false
    var failOn = Severity.medium
    var findingsExitCode: Int32 = 1
    var strict = false
    var trace = false
    var configPath: String?
    var maxFileSize = 10 << 20

    static let specs: [OptionSpec] = [
        OptionSpec("format", short: "f", value: "FORMAT", help: "Report format: \(ReportFormat.choices) (default: text)"),
        OptionSpec("output", short: "o", value: "FILE", help: "Write the report to FILE instead of standard output"),
        OptionSpec("color", value: "WHEN", help: "Colour: auto|always|never (default: auto; NO_COLOR disables auto)"),
        OptionSpec("quiet", short: "q", help: "Print findings only: no summary, no warnings"),
        OptionSpec("verbose", short: "v", help: "Also list skipped files and the config in use"),
        OptionSpec("max-file-size", value: "SIZE", help: "Skip files larger than SIZE, e.g. 512K, 10M (default: 10M)"),
        OptionSpec("show-secrets", help: "Print secrets in full (default: redacted everywhere)"),
        OptionSpec("fail-on", value: "SEVERITY", help: "Lowest severity that fails the scan: \(Severity.choices) (default: medium)"),
        OptionSpec("exit-code", value: "N", help: "Exit status when findings fail the scan (default: 1)"),
        OptionSpec("strict", help: "Exit 3 when part of the input could not be scanned"),
        OptionSpec("trace", help: "Explain on stderr every candidate the filters dropped, and why"),
        OptionSpec("config", short: "c", value: "FILE", help: "Use this config instead of the discovered .ivyscan.toml"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]

    static let exitStatusHelp = """
        EXIT STATUS:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on (see --exit-code)
          2  usage or configuration error
          3  the scan could not cover its input (shallow clone, missing base, or with
             --strict unreadable files), or the report could not be written
        """

    init() {}

    init(_ parsed: ArgumentParser.Parsed, command: String) throws(UsageError) {
        if let format = parsed.value("format") {
            guard let value = ReportFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)'; choose \(ReportFormat.choices)", command: command)
            }
            self.format = value
        }
        output = parsed.value("output")
        if let color = parsed.value("color") {
            guard let value = ColorChoice(rawValue: color.lowercased()) else {
                throw UsageError("--color must be auto, always or never, not '\(color)'", command: command)
            }
            self.color = value
        }
        quiet = parsed.has("quiet")
        verbose = parsed.has("verbose")
        if let size = parsed.value("max-file-size") {
            guard let bytes = ByteSize.parse(size), bytes > 0 else {
                throw UsageError("--max-file-size must be a size like 512K or 10M, not '\(size)'", command: command)
            }
            maxFileSize = bytes
        }
        showSecrets = parsed.has("show-secrets")
        if let failOn = parsed.value("fail-on") {
            guard let severity = Severity(parsing: failOn) else {
                throw UsageError("--fail-on must be one of \(Severity.choices), not '\(failOn)'", command: command)
            }
            self.failOn = severity
        }
        if let code = parsed.value("exit-code") {
            guard let value = Int32(code), value >= 0, value <= 255 else {
                throw UsageError("--exit-code must be a number from 0 to 255, not '\(code)'", command: command)
            }
            findingsExitCode = value
        }
        strict = parsed.has("strict")
        trace = parsed.has("trace")
        configPath = parsed.value("config")
    }

    /// Opens the report file before scanning, so a bad path fails fast.
    func openOutput(console: Console) -> (ok: Bool, handle: Int32?) {
        guard let output, output != "-" else { return (true, nil) }
        switch FileSystem.create(output) {
        case .success(let fd): return (true, fd)
        case .failure(let error):
            console.error("ivyscan: error: cannot write report to \(error)\n")
            return (false, nil)
        }
    }

    /// Prints traces, warnings and the report; returns the exit status.
    /// - Parameter handle: the report file's descriptor from `openOutput`, or nil for stdout.
    func deliver(_ report: ScanReport, to handle: Int32?, console: Console, environment: [String: String]) -> Int32 {
        let toTerminal = handle == nil && console.stdoutIsTerminal
        let options = ReportOptions(
            showSecrets: showSecrets,
            color: format == .text && color.enabled(isTerminal: toTerminal, environment: environment) && (handle == nil || color == .always),
            failOn: failOn, verbose: verbose, quiet: quiet, toolVersion: Version.current)
        if trace {
            for event in report.trace {
                let candidate = showSecrets ? Redactor.printable(event.candidate) : Redactor.redact(event.candidate, prefixLength: event.prefixLength)
                console.error("trace: \(Redactor.printable(Array(event.path.utf8))):\(event.line):\(event.column): \(event.ruleID): dropped \(candidate): \(event.reason)\n")
            }
        }
        if !quiet {
            for problem in report.problems {
                console.error("ivyscan: warning: \(Redactor.printable(Array(problem.path.utf8))): \(problem.message)\n")
            }
        }
        let rendered = format.render(report, options: options)
        if let handle {
            let written = FileSystem.writeAll(fd: handle, Array(rendered.utf8))
            guard FileSystem.close(handle), written else {
                console.error("ivyscan: error: cannot write report to \(output ?? "?")\n")
                return ExitCode.incomplete.rawValue
            }
        } else {
            console.out(rendered)
        }
        // Coverage gaps always go to stderr, even when the report is JSON.
        for gap in report.coverage?.gaps ?? [] { console.error("ivyscan: incomplete: \(gap)\n") }
        if !quiet { for gap in report.allowedGaps { console.error("ivyscan: note: \(gap)\n") } }

        if !report.gating(failOn: failOn).isEmpty { return findingsExitCode }
        if !(report.coverage?.gaps.isEmpty ?? true) { return ExitCode.incomplete.rawValue }
        if strict && (!report.problems.isEmpty || report.limitExceeded) {
            console.error("ivyscan: \(report.problems.count) file(s) could not be scanned (--strict)\n")
            return ExitCode.incomplete.rawValue
        }
        return ExitCode.clean.rawValue
    }
}
