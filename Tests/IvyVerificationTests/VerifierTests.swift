import Foundation
import IvyModel
import IvyVerification
import Testing
import TestSupport

/// The verifier and the curl transport against the fake IvyMail server.
/// Every test asserts the server counted no email that would have been sent.
@Suite struct VerifierTests {
    func verifier(_ server: FakeIvyMail, _ tune: (inout VerifierSettings) -> Void = { _ in }) throws -> Verifier {
        var settings = VerifierSettings(base: try APIBase(parsing: server.base))
        settings.rate = 100
        settings.backoffBase = 0.05
        tune(&settings)
        return Verifier(settings: settings, transport: CurlTransport(userAgent: "ivyscan/test", environment: ProcessInfo.processInfo.environment))
    }

    func bytes(_ key: String) -> [UInt8] { Array(key.utf8) }

    @Test func eachAnswerHasItsVerdict() throws {
        let keys = ["active", "active400", "revoked", "restricted", "html", "redirect"].map { ($0, TestKeys.key()) }
        let unknownToServer = TestKeys.key()
        let server = try FakeIvyMail(keys: Dictionary(uniqueKeysWithValues: keys.map { ($0.1, $0.0) }))
        let run = try verifier(server).verify(keys.map { bytes($0.1) } + [bytes(unknownToServer)])
        let status = Dictionary(uniqueKeysWithValues: keys.map { ($0.0, run.results[bytes($0.1)]?.status) })
        #expect(status["active"] == .active)
        #expect(status["active400"] == .active)
        #expect(status["revoked"] == .inactive)
        #expect(status["restricted"] == .restricted)
        #expect(status["html"] == .unknown)
        #expect(status["redirect"] == .unknown)
        #expect(run.results[bytes(unknownToServer)]?.status == .inactive)
        #expect(run.results[bytes(keys[4].1)]?.reason.contains("403") == true)
        #expect(run.results[bytes(keys[5].1)]?.reason.contains("redirect") == true)
        #expect(run.warnings.isEmpty)
        for (_, key) in keys { for verdict in run.results.values { #expect(!verdict.reason.contains(key)) } }
        let stats = try server.stats()
        #expect(stats.sends == 0)
        #expect(stats.requests == 7)
        #expect(stats.user_agents.allSatisfy { $0 == "ivyscan/test" })
    }

    @Test func aServerAnsweringTwoHundredIsUnknownWithAWarning() throws {
        let server = try FakeIvyMail(arguments: ["--mode", "ok"])
        let key = TestKeys.key()
        let run = try verifier(server).verify([bytes(key)])
        #expect(run.results[bytes(key)]?.status == .unknown)
        #expect(run.warnings.count == 1)
        #expect(try server.stats().sends == 0)
    }

    @Test func duplicatesAreCheckedOnce() throws {
        let (a, b) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [a: "active", b: "revoked"])
        let run = try verifier(server).verify([a, a, b, a, b].map(bytes))
        #expect(run.results.count == 2)
        let stats = try server.stats()
        #expect(stats.requests == 2)
        #expect(stats.per_key[a] == 1 && stats.per_key[b] == 1)
        #expect(stats.sends == 0)
    }

    @Test func theRateLimitHoldsAcrossWorkers() throws {
        let keys = (0..<10).map { _ in TestKeys.key() }
        let server = try FakeIvyMail(keys: Dictionary(uniqueKeysWithValues: keys.map { ($0, "active") }))
        let run = try verifier(server) { $0.rate = 5; $0.concurrency = 4 }.verify(keys.map(bytes))
        #expect(run.results.values.allSatisfy { $0.status == .active })
        let stats = try server.stats()
        let times = stats.times.sorted()
        #expect(times.count == 10)
        // One token, refilled every 200 ms: 10 requests start over 1.8 s. At the
        // server, curl's start-up jitter on a loaded machine blurs the spacing,
        // so only the spread is checked here; `startsAreSpacedByTheRate` checks
        // the exact spacing where requests leave ivyscan.
        #expect(times.last! - times.first! >= 0.9)
        #expect(stats.max_in_flight <= 4)
        #expect(stats.sends == 0)
    }

    /// Records when each request leaves the verifier and answers 422 JSON.
    final class RecordingTransport: HTTPTransport, @unchecked Sendable {
        let lock = NSLock()
        var starts: [Date] = []
        func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
            lock.lock(); starts.append(Date()); lock.unlock()
            usleep(30_000)
            return .success(HTTPResponse(status: 422, headers: [:], body: Array(#"{"success": false, "error": "Missing fields"}"#.utf8)))
        }
    }

    @Test func startsAreSpacedByTheRate() throws {
        var settings = VerifierSettings(base: try APIBase(parsing: "http://127.0.0.1:9"))
        settings.rate = 20
        settings.concurrency = 4
        let transport = RecordingTransport()
        let run = Verifier(settings: settings, transport: transport).verify((0..<15).map { _ in bytes(TestKeys.key()) })
        #expect(run.results.values.allSatisfy { $0.status == .active })
        let starts = transport.starts.sorted()
        #expect(starts.count == 15)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 0.045, "requests 50 ms apart at 20/s")
        }
    }

    /// Holds every request until `target` are in flight at once (or a hang
    /// guard passes), recording the most seen together.
    final class BarrierTransport: HTTPTransport, @unchecked Sendable {
        let condition = NSCondition()
        let target: Int
        var arrived = 0
        var inFlight = 0
        var peak = 0
        init(target: Int) { self.target = target }
        func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
            condition.lock()
            arrived += 1
            inFlight += 1
            peak = max(peak, inFlight)
            condition.broadcast()
            let guardTime = Date(timeIntervalSinceNow: 10)
            while arrived < target && condition.wait(until: guardTime) {}
            inFlight -= 1
            condition.unlock()
            return .success(HTTPResponse(status: 422, headers: [:], body: Array(#"{"success": false, "error": "Missing fields"}"#.utf8)))
        }
    }

    /// Every worker gets a thread at once, whatever the core count. Workers on
    /// a shared concurrent queue ran on the one-thread-per-core pool and got
    /// one more thread per second: on two cores only about a dozen of these 32
    /// would meet before the guard.
    @Test func allWorkersRunAtOnce() throws {
        var settings = VerifierSettings(base: try APIBase(parsing: "http://127.0.0.1:9"))
        settings.rate = 1000
        settings.concurrency = 32
        let transport = BarrierTransport(target: 32)
        let run = Verifier(settings: settings, transport: transport).verify((0..<32).map { _ in bytes(TestKeys.key()) })
        #expect(run.results.values.allSatisfy { $0.status == .active })
        #expect(transport.peak == 32)
    }

    @Test func retriesAreBoundedAndHonourRetryAfter() throws {
        let (limited, flaky) = (TestKeys.key(), TestKeys.key())
        let server = try FakeIvyMail(keys: [limited: "ratelimit", flaky: "flaky"], arguments: ["--retry-after", "1"])
        let started = Date()
        let run = try verifier(server) { $0.maxAttempts = 2 }.verify([limited, flaky].map(bytes))
        #expect(run.results[bytes(limited)]?.status == .unknown)
        #expect(run.results[bytes(limited)]?.reason.contains("429") == true)
        #expect(run.results[bytes(limited)]?.reason.contains("2 attempts") == true)
        #expect(run.results[bytes(flaky)]?.status == .active)
        let stats = try server.stats()
        #expect(stats.per_key[limited] == 2)
        #expect(stats.per_key[flaky] == 2)
        #expect(Date().timeIntervalSince(started) >= 1.0)  // Retry-After: 1 was honoured
        #expect(stats.sends == 0)
    }

    @Test func aTooLongRetryAfterGivesUp() throws {
        let key = TestKeys.key()
        let server = try FakeIvyMail(keys: [key: "ratelimit"], arguments: ["--retry-after", "3600"])
        let run = try verifier(server).verify([bytes(key)])
        #expect(run.results[bytes(key)]?.status == .unknown)
        #expect(try server.stats().requests == 1)
        #expect(try server.stats().sends == 0)
    }

    @Test func timeoutsAndTheDeadlineAreUnknown() throws {
        let slow = (0..<5).map { _ in TestKeys.key() }
        let server = try FakeIvyMail(keys: Dictionary(uniqueKeysWithValues: slow.map { ($0, "slow") }), arguments: ["--delay", "3"])
        let started = Date()
        let run = try verifier(server) { $0.timeout = 0.5; $0.deadline = 1.2; $0.concurrency = 1; $0.maxAttempts = 1 }.verify(slow.map(bytes))
        let elapsed = Date().timeIntervalSince(started)
        // Behaviour, not speed: without the deadline five 0.5 s timeouts run
        // one after another; with it, the run stops early and says why. The
        // time bound only guards against a hang (a loaded CI box is slow).
        #expect(elapsed < 10.0, "deadline 1.2 s, took \(elapsed)")
        #expect(try server.stats().requests < 5, "the deadline must stop the run before every key is tried")
        #expect(run.results.count == 5)
        #expect(run.results.values.allSatisfy { $0.status == .unknown })
        #expect(run.results.values.contains { $0.reason.contains("timed out") })
        #expect(run.results.values.contains { $0.reason.contains("deadline") })
        #expect(try server.stats().sends == 0)
    }

    @Test func networkErrorsAndAMissingCurlAreUnknown() throws {
        let key = TestKeys.key()
        var settings = VerifierSettings(base: try APIBase(parsing: "http://127.0.0.1:1"))
        settings.backoffBase = 0.01
        settings.maxAttempts = 2
        let closed = Verifier(settings: settings, transport: CurlTransport(userAgent: "ivyscan/test", environment: ProcessInfo.processInfo.environment))
        let refused = closed.verify([bytes(key)]).results[bytes(key)]
        #expect(refused?.status == .unknown)
        #expect(refused?.reason.contains("could not connect") == true)
        let noCurl = Verifier(settings: settings, transport: CurlTransport(userAgent: "ivyscan/test", environment: ["PATH": "/nonexistent"]))
        #expect(noCurl.verify([bytes(key)]).results[bytes(key)] == Verification(.unknown, "curl not found (install curl to use --verify)"))
    }

    @Test func onlyIvyMailShapedKeysAreSent() throws {
        let other = TestKeys.value()
        let server = try FakeIvyMail()
        let run = try verifier(server).verify([bytes(other), bytes("ivym_sk_a\r\nx-evil: 1")])
        #expect(run.results.values.allSatisfy { $0.status == .unknown && $0.reason.contains("not sent") })
        #expect(try server.stats().requests == 0)
    }

    @Test func theKeyIsNeverInCurlsArguments() throws {
        let key = TestKeys.key()
        let transport = CurlTransport(userAgent: "ivyscan/0.1.0", environment: [:])
        let request = KeyProbe.request(key: bytes(key), base: try APIBase(parsing: APIBase.defaultURL), timeout: 10)
        let arguments = transport.arguments(for: request)
        #expect(!arguments.joined(separator: " ").contains(key))
        #expect(arguments.contains("@-"))
        #expect(arguments.first == "-q")
        #expect(!arguments.contains("-L") && !arguments.contains("--location"))
        #expect(arguments.contains("=https"))
        #expect(request.body == "{}")
        #expect(request.url == "https://api.ivymail.io/v1/send")
    }

    @Test func apiBaseRules() throws {
        #expect(throws: APIBaseError.self) { try APIBase(parsing: "http://api.ivymail.io") }
        #expect(throws: APIBaseError.self) { try APIBase(parsing: "http://10.0.0.1:8080") }
        #expect(throws: APIBaseError.self) { try APIBase(parsing: "https://user:pw@api.ivymail.io") }
        #expect(throws: APIBaseError.self) { try APIBase(parsing: "ftp://api.ivymail.io") }
        #expect(throws: APIBaseError.self) { try APIBase(parsing: "http://127.0.0.1.evil.example") }
        #expect(try APIBase(parsing: "http://[::1]:8080/").url == "http://[::1]:8080")
        #expect(try APIBase(parsing: "http://localhost:1").isLoopback)
        #expect(try APIBase(parsing: "https://eu.ivymail.io/api/").url == "https://eu.ivymail.io/api")
        #expect(try APIBase.resolve(flag: nil, environment: [:]).url == "https://api.ivymail.io")
        #expect(try APIBase.resolve(flag: nil, environment: ["IVYSCAN_API_BASE": "http://127.0.0.1:9"]).url == "http://127.0.0.1:9")
        #expect(try APIBase.resolve(flag: "https://a.example", environment: ["IVYSCAN_API_BASE": "http://127.0.0.1:9"]).url == "https://a.example")
    }
}
