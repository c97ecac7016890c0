#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyConfig
import IvyKit
import IvyModel
import IvyReporting

/// The options every scanning command shares (format, output, colour,
/// verbosity, gate) and the one place that prints a report and turns it
/// into an exit status.
struct ReportSettings {
    /// Where reports go; one text report on stdout unless told otherwise.
    var outputs = [ReportOutput(format: .text, path: nil)]
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
    /// `--baseline FILE`, loaded before scanning so a bad file fails fast.
    var baseline: BaselineFile?

    static let specs: [OptionSpec] = [
        OptionSpec("format", short: "f", value: "FORMAT", help: "Report format: \(ReportFormat.choices) (default: from --output's extension, else text)"),
        OptionSpec("output", short: "o", value: "FILE", help: "Write the report to FILE; repeatable, format from the extension (.sarif, .xml: junit, .json)"),
        OptionSpec("report", value: "FORMAT=PATH", help: "Also write a report in FORMAT to PATH ('-': stdout); repeatable"),
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
        OptionSpec("baseline", value: "FILE", help: "Report only findings not in this baseline (see `ivyscan help baseline`)"),
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
        outputs = try Self.outputs(parsed, command: command)
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
        if let path = parsed.value("baseline") {
            do { baseline = try BaselineFile.load(path: path) } catch { throw UsageError("--baseline: \(error.description)", command: command) }
        }
    }

    /// `--format`, `--output` and `--report` as a list of reports. `--format`
    /// names the format of a single `--output` (or of stdout); without it each
    /// file's extension decides (`ReportFormat.inferred`), falling back to text.
    static func outputs(_ parsed: ArgumentParser.Parsed, command: String) throws(UsageError) -> [ReportOutput] {
        var explicit: ReportFormat?
        if let format = parsed.value("format") {
            guard let value = ReportFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)'; choose \(ReportFormat.choices)", command: command)
            }
            explicit = value
        }
        let files = parsed.values["output"] ?? []
        if files.count > 1, explicit != nil {
            throw UsageError("--format applies to a single --output; with several, each file's extension (.sarif, .json, .xml) sets its format, or use --report FORMAT=PATH", command: command)
        }
        var outputs = files.map { file in
            ReportOutput(format: explicit ?? ReportFormat.inferred(fromPath: file) ?? .text, path: file == "-" ? nil : file)
        }
        for text in parsed.values["report"] ?? [] { outputs.append(try ReportOutput.parse(text, command: command)) }
        if files.isEmpty { outputs.insert(ReportOutput(format: explicit ?? .text, path: nil), at: 0) }
        if outputs.count > 1 && files.isEmpty && explicit == nil { outputs.removeFirst() }
        guard outputs.filter({ $0.path == nil }).count <= 1 else {
            throw UsageError("only one report can go to standard output", command: command)
        }
        var seen = Set<String>()
        for case let path? in outputs.map(\.path) where !seen.insert(path).inserted {
            throw UsageError("two reports would write to '\(path)'", command: command)
        }
        return outputs
    }

    /// Opens every report file before scanning, so a bad path fails fast.
    /// Returns one descriptor per output (nil for stdout), or nil on failure.
    func openOutputs(console: Console) -> [Int32?]? {
        var handles: [Int32?] = []
        for output in outputs {
            guard let path = output.path else {
                handles.append(nil)
                continue
            }
            switch FileSystem.create(path) {
            case .success(let fd): handles.append(fd)
            case .failure(let error):
                console.error("ivyscan: error: cannot write report to \(error)\n")
                for case let fd? in handles { _ = FileSystem.close(fd) }
                return nil
            }
        }
        return handles
    }

    /// Prints traces, warnings and every report; returns the exit status.
    /// - Parameters:
    ///   - handles: the descriptors from `openOutputs`, one per output.
    ///   - config: the rules in force, which SARIF lists in full.
    ///   - verify: with `--fail-on-active`, only live keys fail.
    func deliver(_ report: ScanReport, to handles: [Int32?], config: ResolvedConfig, console: Console, environment: [String: String],
                 verify: VerifyOptions = VerifyOptions()) -> Int32 {
        var report = report
        if let baseline { Baseline.apply(baseline, to: &report) }
        report.liveKeysGate = verify.failOnActive
        var base = ReportOptions(
            showSecrets: showSecrets, failOn: failOn, verbose: verbose, quiet: quiet, toolVersion: Version.current,
            rules: config.rules.map(RuleMetadata.init) + config.checks.map(RuleMetadata.init),
            generatedAt: Int(Date().timeIntervalSince1970),
            commitSHA: environment["CI_COMMIT_SHA"] ?? environment["GITHUB_SHA"])
        base.strict = strict
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
        var written = true
        for (output, handle) in zip(outputs, handles) {
            var options = base
            let toTerminal = handle == nil && console.stdoutIsTerminal
            options.color = output.format == .text && color.enabled(isTerminal: toTerminal, environment: environment) && (handle == nil || color == .always)
            let rendered = output.format.render(report, options: options)
            if let handle {
                let ok = FileSystem.writeAll(fd: handle, Array(rendered.utf8))
                if !FileSystem.close(handle) || !ok {
                    console.error("ivyscan: error: cannot write report to \(output.path ?? "?")\n")
                    written = false
                }
            } else {
                console.out(rendered)
            }
        }
        guard written else { return ExitCode.incomplete.rawValue }
        // Where stdout carries JSON, SARIF, JUnit or GitLab, it must stay parseable.
        let machineOnStdout = zip(outputs, handles).contains { $0.1 == nil && $0.0.format != .text && $0.0.format != .hook }
        let summaryOnStdout = zip(outputs, handles).contains { $0.1 == nil && ($0.0.format == .text || $0.0.format == .hook) }
        if environment["GITHUB_ACTIONS"] == "true" {
            let annotations = GitHubAnnotations(options: base).render(report)
            if machineOnStdout { console.error(annotations) } else { console.out(annotations) }
        }
        // Coverage gaps always go to stderr, even when the report is JSON.
        for gap in report.coverage?.gaps ?? [] { console.error("ivyscan: incomplete: \(gap)\n") }
        if !quiet { for gap in report.allowedGaps { console.error("ivyscan: note: \(gap)\n") } }
        if verify.failOnActive { verify.explainLiveKeys(report, console: console) }
        // Reports all in files: the two-second summary still reaches the person (or CI log).
        if !quiet && !summaryOnStdout {
            var options = base
            options.color = color.enabled(isTerminal: console.stderrIsTerminal, environment: environment)
            console.error(TextReporter(options: options).summary(report) + "\n")
        }

        if !report.gating(failOn: failOn).isEmpty { return findingsExitCode }
        if !(report.coverage?.gaps.isEmpty ?? true) { return ExitCode.incomplete.rawValue }
        if strict && (!report.problems.isEmpty || report.limitExceeded) {
            console.error("ivyscan: \(report.problems.count) file(s) could not be scanned (--strict)\n")
            return ExitCode.incomplete.rawValue
        }
        return ExitCode.clean.rawValue
    }
}
