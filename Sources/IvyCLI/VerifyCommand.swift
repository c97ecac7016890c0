#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyBasics
import IvyModel
import IvyReporting
import IvyVerification

/// `ivyscan verify`: checks keys given one per line on stdin, or the keys of
/// a previous JSON report, without scanning anything.
enum VerifyCommand {
    static let name = "verify"
    static let summary = "Ask IvyMail whether keys (stdin, or a JSON report) are live"

    static let options: [OptionSpec] = [
        OptionSpec("report", value: "FILE", help: "Check the keys of a JSON report made with --show-secrets (redacted keys cannot be checked)"),
        OptionSpec("format", short: "f", value: "FORMAT", help: "text or json (default: text)"),
        OptionSpec("show-secrets", help: "Print keys in full (default: redacted)"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ] + VerifyOptions.specs.filter { $0.long != "verify" }

    static let help = """
        USAGE: ivyscan verify [OPTIONS] < keys.txt
               ivyscan verify --report ivyscan.json

        \(summary). Each unique key is checked once with POST /v1/send and the
        body {}, which can never be a sendable email: 401 means inactive, a 400/422
        validation error means active, a 403 IvyMail error means restricted (live),
        anything else is unknown with a reason. Only ivym_sk_ keys are ever sent.
        A JSON report holds only redacted keys unless it was made with --show-secrets.

        OPTIONS:
        \(HelpText.optionList(options))

        EXIT STATUS:
          0  done (with --fail-on-active: no live key)
          1  with --fail-on-active: a live (active or restricted) key
          2  usage error
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        let verify: VerifyOptions
        let json: Bool
        let parsed: ArgumentParser.Parsed
        do throws(UsageError) {
            parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            guard parsed.positionals.isEmpty else { throw UsageError("verify takes keys on stdin, not as arguments (argv is visible to other users)", command: name) }
            switch parsed.value("format") ?? "text" {
            case "text": json = false
            case "json": json = true
            case let other: throw UsageError("--format must be text or json, not '\(other)'", command: name)
            }
            verify = try VerifyOptions(parsed, command: name, environment: environment, alwaysOn: true)
        } catch {
            return CLI.fail(error, console: console)
        }
        if verify.printRequest {
            console.out(verify.curlCommand(environment) + "\n")
            return ExitCode.clean.rawValue
        }
        var keys: [[UInt8]]
        if let path = parsed.value("report") {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            let bytes = fd < 0 ? [] : FileSystem.readAll(fd: fd)
            if fd >= 0 { _ = FileSystem.close(fd) }
            guard let (found, redacted) = ReportKeys.parse(bytes) else {
                console.error("ivyscan: error: cannot read a JSON report from \(path)\n")
                return ExitCode.usage.rawValue
            }
            if redacted > 0 {
                console.error("ivyscan: note: \(redacted) finding\(redacted == 1 ? "" : "s") in \(path) hold only a redacted key; make the report with --show-secrets to check them\n")
            }
            keys = found
        } else {
            keys = FileSystem.readAll(fd: 0).split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { line in
                Array(line.drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed().drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed())
            }.filter { !$0.isEmpty && $0.first != 0x23 }
        }
        var unique = Set<[UInt8]>()
        keys = keys.filter { unique.insert($0).inserted }
        let run = verify.run(console: console, environment: environment) { verifier, cache in verifier.verify(keys, cache: cache) }
        let showSecrets = parsed.has("show-secrets")
        func shown(_ key: [UInt8]) -> String { showSecrets ? Redactor.printable(key) : Redactor.redact(key, prefixLength: 8) }
        let entries = keys.compactMap { key in run.results[key].map { (key: shown(key), verification: $0) } }
        if json {
            console.out(VerificationListReporter.json(entries, requests: run.requests, cached: run.cached))
        } else {
            for entry in entries { console.out("\(entry.key)  \(entry.verification.status.rawValue)  \(entry.verification.reason)\n") }
            let counts = VerificationStatus.allCases.map { status in "\(run.results.values.filter { $0.status == status }.count) \(status.rawValue)" }
            console.error("ivyscan: \(keys.count) key\(keys.count == 1 ? "" : "s") checked: \(counts.joined(separator: ", "))\n")
        }
        if verify.failOnActive && run.liveCount > 0 {
            console.error("ivyscan: failing: \(run.liveCount) live key\(run.liveCount == 1 ? "" : "s") (--fail-on-active)\n")
            return 1
        }
        return ExitCode.clean.rawValue
    }
}
