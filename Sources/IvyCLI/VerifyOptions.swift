import IvyModel
import IvyVerification

/// `--verify` and its limits, shared by `scan`, `git` and `verify`. Without
/// `--verify` (or `--fail-on-active`) nothing touches the network, so git
/// hooks stay offline by default.
struct VerifyOptions {
    var enabled = false
    var failOnActive = false
    var printRequest = false
    /// Resolved only from flags and the environment, never from a config file.
    var settings = VerifierSettings(base: try! APIBase(parsing: APIBase.defaultURL))
    /// `--verify-cache`: verdicts kept between runs; off by default.
    var cachePath: String?
    var cacheTTL = VerificationCache.defaultTTL

    /// The variable the printed curl command reads the key from.
    static let keyVariable = "IVYMAIL_KEY_TO_CHECK"

    static let specs: [OptionSpec] = [
        OptionSpec("verify", help: "Ask IvyMail whether each unique key is live (network; off by default)"),
        OptionSpec("fail-on-active", help: "Fail only on live keys (active or restricted), even suppressed ones; implies --verify"),
        OptionSpec("api-base", value: "URL", help: "IvyMail API base (default: $IVYSCAN_API_BASE, else https://api.ivymail.io); http:// only for loopback"),
        OptionSpec("verify-concurrency", value: "N", help: "Verification requests in flight (default: 4)"),
        OptionSpec("verify-rate", value: "N", help: "Verification requests per second (default: 5)"),
        OptionSpec("verify-timeout", value: "SECONDS", help: "Seconds per verification request (default: 10)"),
        OptionSpec("verify-deadline", value: "SECONDS", help: "Seconds for all verification; later keys are unknown (default: 120)"),
        OptionSpec("verify-cache", value: "FILE", help: "Reuse verdicts kept in FILE (salted hashes only, never keys; mode 0600) and add new ones (default: off)"),
        OptionSpec("verify-cache-ttl", value: "SECONDS", help: "How long a cached verdict is reused (default: 86400); unknown verdicts are never cached"),
        OptionSpec("print-verification-request", help: "Print on stderr the curl command that repeats one check by hand (key from $\(keyVariable))"),
    ]

    init() {}

    init(_ parsed: ArgumentParser.Parsed, command: String, environment: [String: String], alwaysOn: Bool = false) throws(UsageError) {
        failOnActive = parsed.has("fail-on-active")
        enabled = alwaysOn || parsed.has("verify") || failOnActive
        printRequest = parsed.has("print-verification-request")
        if !enabled {
            for name in ["api-base", "verify-concurrency", "verify-rate", "verify-timeout", "verify-deadline", "verify-cache", "verify-cache-ttl"]
            where parsed.value(name) != nil {
                throw UsageError("--\(name) needs --verify", command: command)
            }
        }
        cachePath = parsed.value("verify-cache")
        if cachePath?.isEmpty == true { throw UsageError("--verify-cache needs a file name", command: command) }
        if cachePath == nil && parsed.value("verify-cache-ttl") != nil {
            throw UsageError("--verify-cache-ttl needs --verify-cache", command: command)
        }
        cacheTTL = try Self.number(parsed, "verify-cache-ttl", in: 1...31_536_000, command: command) ?? VerificationCache.defaultTTL
        // Offline runs ignore IVYSCAN_API_BASE, so a bad value cannot break them.
        if enabled || printRequest {
            do {
                settings.base = try APIBase.resolve(flag: parsed.value("api-base"), environment: environment)
            } catch {
                throw UsageError(error.message, command: command)
            }
        }
        settings.concurrency = Int(try Self.number(parsed, "verify-concurrency", in: 1...64, command: command) ?? 4)
        settings.rate = try Self.number(parsed, "verify-rate", in: 0.01...1000, command: command) ?? 5
        settings.timeout = try Self.number(parsed, "verify-timeout", in: 0.1...300, command: command) ?? 10
        settings.deadline = try Self.number(parsed, "verify-deadline", in: 0.1...86400, command: command) ?? 120
    }

    static func number(_ parsed: ArgumentParser.Parsed, _ name: String, in range: ClosedRange<Double>, command: String) throws(UsageError) -> Double? {
        guard let text = parsed.value(name) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw UsageError("--\(name) must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), not '\(text)'", command: command)
        }
        if name == "verify-concurrency" && value != value.rounded() { throw UsageError("--\(name) must be a whole number, not '\(text)'", command: command) }
        return value
    }

    static func format(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    func transport(_ environment: [String: String]) -> CurlTransport {
        CurlTransport(userAgent: "ivyscan/\(Version.current)", environment: environment)
    }

    /// The exact command ivyscan runs, with the key read from an environment
    /// variable instead of stdin: never the key itself.
    func curlCommand(_ environment: [String: String]) -> String {
        let request = KeyProbe.request(key: Array("ivym_sk_".utf8), base: settings.base, timeout: settings.timeout)
        let arguments = transport(environment).arguments(for: request) { name in "\(name): $\(Self.keyVariable)" }
        return (["curl"] + arguments).map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        if word.contains("$\(keyVariable)") { return "\"\(word)\"" }
        let plain = word.unicodeScalars.allSatisfy { "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=./:,@".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }

    /// Verifies the report's keys in place when `--verify` is on; prints the
    /// probe's warnings (never a key) on stderr.
    func apply(to report: inout ScanReport, console: Console, environment: [String: String]) {
        if printRequest { console.error("ivyscan: to check one key by hand: \(curlCommand(environment))\n") }
        guard enabled else { return }
        _ = run(console: console, environment: environment) { verifier, cache in verifier.annotate(&report.findings, cache: cache) }
    }

    /// Runs `body` with the `--verify-cache` file loaded before and saved
    /// after, then prints the probe's warnings. The cache only ever warns: a
    /// bad or unwritable file must not fail a scan.
    func run(console: Console, environment: [String: String],
             _ body: (Verifier, VerificationCache?) -> VerificationRun) -> VerificationRun {
        let cache = cachePath.map { VerificationCache(path: $0, ttl: cacheTTL) }
        if let warning = cache?.loadWarning { console.error("ivyscan: warning: \(warning)\n") }
        let outcome = body(Verifier(settings: settings, transport: transport(environment)), cache)
        if let cache {
            do {
                try cache.save()
            } catch {
                console.error("ivyscan: warning: \(error); the verdicts were not kept\n")
            }
            let (cached, requests) = (outcome.cached, outcome.requests)
            console.error("ivyscan: verification cache: \(cached) key\(cached == 1 ? "" : "s") from \(cache.path), "
                          + "\(outcome.results.count - cached) checked with \(requests) request\(requests == 1 ? "" : "s")\n")
        }
        for warning in outcome.warnings { console.error("ivyscan: WARNING: \(warning)\n") }
        return outcome
    }

    /// `--fail-on-active` says on stderr why the scan fails: live keys fail
    /// whatever else was decided about them (`ScanReport.liveKeysGate`).
    func explainLiveKeys(_ report: ScanReport, console: Console) {
        let live = report.findings.filter { $0.verification?.status.isLive == true }
        guard !live.isEmpty else { return }
        let silenced = live.filter { $0.suppressed || $0.baselined }.count
        var message = "ivyscan: failing: \(live.count) finding\(live.count == 1 ? "" : "s") with a live IvyMail key (--fail-on-active)"
        if silenced > 0 {
            message += "; \(silenced) of them suppressed or baselined, which does not stop a live key from sending mail: rotate it"
        }
        console.error(message + "\n")
    }
}
