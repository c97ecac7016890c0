import Dispatch
import IvyBasics
import IvyModel

/// Checks keys against IvyMail: each unique key once, at most `concurrency`
/// requests in flight, started no faster than `rate`, with bounded retries on
/// 429/5xx and an overall deadline, so a scan of a noisy history can neither
/// hammer IvyMail nor hang a CI job.
public final class Verifier: Sendable {
    public let settings: VerifierSettings
    let transport: any HTTPTransport
    /// Unix seconds, for `Retry-After` dates.
    let clock: @Sendable () -> Double

    public init(settings: VerifierSettings, transport: any HTTPTransport, clock: @escaping @Sendable () -> Double = WallClock.now) {
        self.settings = settings
        self.transport = transport
        self.clock = clock
    }

    /// Verifies every key that looks like an IvyMail key and writes the
    /// verdict into each finding holding it. Other secrets are never sent.
    ///
    /// Findings are grouped by their key's bytes, which is at least as coarse
    /// as their fingerprint (SHA-256 of rule id and key): the same key found
    /// plain and base64-encoded, or by two rules, is one request.
    public func annotate(_ findings: inout [Finding], cache: VerificationCache? = nil) -> VerificationRun {
        let keys = findings.filter { $0.isSecret && KeyProbe.accepts($0.secret) }.map(\.secret)
        let run = verify(keys, cache: cache)
        for index in findings.indices {
            if let verdict = run.results[findings[index].secret] { findings[index].verification = verdict }
        }
        return run
    }

    /// One verdict per unique key. Keys that are not IvyMail-shaped are
    /// `unknown` and never sent. With a cache, fresh cached verdicts are used
    /// without a request, and new verdicts (except `unknown`) are recorded in
    /// it; saving it is the caller's business.
    public func verify(_ keys: [[UInt8]], cache: VerificationCache? = nil) -> VerificationRun {
        var unique: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        var cached: [[UInt8]: Verification] = [:]
        if let cache {
            for key in unique where KeyProbe.accepts(key) {
                if let verdict = cache.verdict(for: key, base: settings.base) { cached[key] = verdict }
            }
        }
        var run = probe(unique.filter { cached[$0] == nil })
        if let cache {
            for (key, verdict) in run.results where KeyProbe.accepts(key) { cache.record(verdict, for: key, base: settings.base) }
        }
        run.results.merge(cached) { probed, _ in probed }
        run.cached = cached.count
        return run
    }

    /// The network part: `keys` are unique and none of them cached.
    func probe(_ keys: [[UInt8]]) -> VerificationRun {
        let state = RunState()
        let deadline = Monotonic.now() + settings.deadline
        let bucket = TokenBucket(rate: settings.rate)
        let group = DispatchGroup()
        for worker in 0..<max(1, min(settings.concurrency, keys.count)) {
            group.enter()
            // A serial queue per worker gets a thread of its own at once. A
            // shared concurrent queue would not: on Linux it runs on the
            // one-thread-per-core pool, where workers blocked on curl (and
            // curl's stdin and stderr pipes, served from the same pool) got
            // one more thread per second; `--verify-concurrency 8` on two
            // cores started 7 s late.
            DispatchQueue(label: "ivyscan.verifier.\(worker)").async {
                while let index = state.next(below: keys.count) {
                    let key = keys[index]
                    let verdict = KeyProbe.accepts(key)
                        ? self.check(key, deadline: deadline, bucket: bucket, state: state)
                        : Verification(.unknown, "not an IvyMail key (ivym_sk_...); not sent")
                    state.record(key, verdict)
                }
                group.leave()
            }
        }
        group.wait()
        return state.run
    }

    /// One key, with retries. The key is only ever in the request's secret header.
    func check(_ key: [UInt8], deadline: Double, bucket: TokenBucket, state: RunState) -> Verification {
        let margin = 0.05
        var last: Verification?
        var attempt = 0
        while true {
            attempt += 1
            guard deadline - Monotonic.now() > margin, bucket.acquire(before: deadline - margin) else {
                return Self.deadlineVerdict(settings.deadline, after: last)
            }
            let timeout = min(settings.timeout, deadline - Monotonic.now())
            let verdict = KeyProbe.interpret(transport.send(KeyProbe.request(key: key, base: settings.base, timeout: timeout)), now: clock())
            state.counted(warning: verdict.warning)
            guard verdict.retryable else { return verdict.verification }
            last = verdict.verification
            guard attempt < settings.maxAttempts else {
                return Verification(.unknown, verdict.verification.reason + "; gave up after \(attempt) attempts")
            }
            if let retryAfter = verdict.retryAfter, retryAfter > settings.retryAfterCap {
                // Formatted only once capped: Int(1e22) would trap.
                return Verification(.unknown, verdict.verification.reason + "; Retry-After over \(Int(settings.retryAfterCap)) s, not waited for")
            }
            let wait = Self.retryDelay(retryAfter: verdict.retryAfter, attempt: attempt, settings: settings, jitter: Double.random(in: 0.5...1))
            guard Monotonic.now() + wait < deadline - margin else { return Self.deadlineVerdict(settings.deadline, after: last) }
            Monotonic.sleep(wait)
        }
    }

    /// Seconds to wait before the next attempt: the server's `Retry-After`
    /// when it gave a usable one (0 for a date already past: retry now, still
    /// behind the rate limit), else backoffBase·2^(attempt-1), capped, times
    /// `jitter` (0.5...1) so workers do not retry in step.
    static func retryDelay(retryAfter: Double?, attempt: Int, settings: VerifierSettings, jitter: Double) -> Double {
        if let retryAfter { return max(0, retryAfter) }
        return min(settings.backoffCap, settings.backoffBase * Double(1 << min(attempt - 1, 20))) * jitter
    }

    static func deadlineVerdict(_ seconds: Double, after last: Verification?) -> Verification {
        let text = "overall verification deadline (\(Int(seconds)) s) reached"
        return Verification(.unknown, last.map { "\($0.reason); \(text)" } ?? "\(text) before this key was checked")
    }
}

/// Shared between workers: the next key to take and the verdicts so far.
final class RunState: @unchecked Sendable {
    private let lock = Lock()
    private var nextIndex = 0
    private(set) var run = VerificationRun()

    func next(below count: Int) -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func record(_ key: [UInt8], _ verdict: Verification) { lock.withLock { run.results[key] = verdict } }

    func counted(warning: String?) {
        lock.withLock {
            run.requests += 1
            if let warning, !run.warnings.contains(warning) { run.warnings.append(warning) }
        }
    }
}
