import Dispatch
import IvyBasics
import IvyModel

/// Checks keys against IvyMail: each unique key once, at most `concurrency`
/// requests in flight, started no faster than `rate`, with bounded retries on
/// 429/5xx and an overall deadline, so a scan of a noisy history can neither
/// hammer IvyMail nor hang a CI job.
public final class Verifier: Sendable {
    public let settings: VerifierSettings
    /// Workers block on curl; a queue of their own keeps them off the
    /// one-thread-per-core global pool, where they could starve.
    static let workers = DispatchQueue(label: "ivyscan.verifier", attributes: .concurrent)
    let transport: any HTTPTransport

    public init(settings: VerifierSettings, transport: any HTTPTransport) {
        self.settings = settings
        self.transport = transport
    }

    /// Verifies every key that looks like an IvyMail key and writes the
    /// verdict into each finding holding it. Other secrets are never sent.
    public func annotate(_ findings: inout [Finding]) -> VerificationRun {
        let keys = findings.filter { $0.isSecret && KeyProbe.accepts($0.secret) }.map(\.secret)
        let run = verify(keys)
        for index in findings.indices {
            if let verdict = run.results[findings[index].secret] { findings[index].verification = verdict }
        }
        return run
    }

    /// One verdict per unique key. Keys that are not IvyMail-shaped are
    /// `unknown` and never sent.
    public func verify(_ keys: [[UInt8]]) -> VerificationRun {
        var unique: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        let keys = unique
        let state = RunState()
        let deadline = Monotonic.now() + settings.deadline
        let bucket = TokenBucket(rate: settings.rate)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(settings.concurrency, keys.count)) {
            group.enter()
            Self.workers.async {
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
            let verdict = KeyProbe.interpret(transport.send(KeyProbe.request(key: key, base: settings.base, timeout: timeout)))
            state.counted(warning: verdict.warning)
            guard verdict.retryable else { return verdict.verification }
            last = verdict.verification
            guard attempt < settings.maxAttempts else {
                return Verification(.unknown, verdict.verification.reason + "; gave up after \(attempt) attempts")
            }
            if let retryAfter = verdict.retryAfter, retryAfter > settings.retryAfterCap {
                return Verification(.unknown, verdict.verification.reason + "; Retry-After \(Int(retryAfter)) s is too long")
            }
            let backoff = min(settings.backoffCap, settings.backoffBase * Double(1 << min(attempt - 1, 20))) * Double.random(in: 0.5...1)
            let wait = max(verdict.retryAfter ?? 0, backoff)
            guard Monotonic.now() + wait < deadline - margin else { return Self.deadlineVerdict(settings.deadline, after: last) }
            Monotonic.sleep(wait)
        }
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
