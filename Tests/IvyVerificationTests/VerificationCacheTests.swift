import Foundation
import IvyModel
@testable import IvyVerification
import Testing
import TestSupport

/// `--verify-cache`: verdicts reused without requests, expiry on an injected
/// clock, a file that never holds a key or its plain hash, and a bad file
/// that only ever warns.
@Suite struct VerificationCacheTests {
    /// 2026-12-04T10:00:00Z.
    static let start = 1_796_378_400.0
    let base = try! APIBase(parsing: "https://api.ivymail.io")

    func bytes(_ key: String) -> [UInt8] { Array(key.utf8) }

    func verifier(_ transport: ScriptedTransport, base: APIBase? = nil) -> Verifier {
        var settings = VerifierSettings(base: base ?? self.base)
        settings.rate = 1000
        return Verifier(settings: settings, transport: transport)
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func aSecondRunAnswersFromTheCacheWithoutRequests() throws {
        let temp = TempDirectory()
        let path = temp.path + "/cache.json"
        let clock = TestClock(Self.start)
        let (active, revoked, restricted) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        let transport = ScriptedTransport([active: 422, revoked: 401, restricted: 403])
        let keys = [active, revoked, restricted].map(bytes)

        let cache = VerificationCache(path: path, clock: clock.function)
        #expect(cache.loadWarning == nil, "no file yet is not a problem")
        let first = verifier(transport).verify(keys, cache: cache)
        try cache.save()
        #expect(first.requests == 3 && first.cached == 0)

        clock.now += 3600
        let again = VerificationCache(path: path, clock: clock.function)
        #expect(again.loadWarning == nil)
        let second = verifier(transport).verify(keys, cache: again)
        #expect(transport.requests == 3, "no request for a cached key")
        #expect(second.requests == 0 && second.cached == 3)
        for key in keys {
            let (fresh, cached) = (try #require(first.results[key]), try #require(second.results[key]))
            #expect(cached.status == fresh.status)
            #expect(cached.reason == fresh.reason + " (cached 2026-12-04T10:00:00Z)")
        }
        #expect(second.results[bytes(active)]?.status == .active)
        #expect(second.results[bytes(revoked)]?.status == .inactive)
        #expect(second.results[bytes(restricted)]?.status == .restricted)
    }

    @Test func expiredVerdictsAreCheckedAgainAndDroppedOnSave() throws {
        let temp = TempDirectory()
        let path = temp.path + "/cache.json"
        let clock = TestClock(Self.start)
        let (kept, forgotten) = (TestKeys.key(), TestKeys.key())
        let transport = ScriptedTransport([kept: 422, forgotten: 401])
        let cache = VerificationCache(path: path, ttl: 100, clock: clock.function)
        _ = verifier(transport).verify([kept, forgotten].map(bytes), cache: cache)
        try cache.save()

        clock.now = Self.start + 99
        #expect(VerificationCache(path: path, ttl: 100, clock: clock.function).verdict(for: bytes(kept), base: base) != nil)
        clock.now = Self.start + 100
        let expired = VerificationCache(path: path, ttl: 100, clock: clock.function)
        #expect(expired.verdict(for: bytes(kept), base: base) == nil)
        let run = verifier(transport).verify([bytes(kept)], cache: expired)
        #expect(run.requests == 1 && run.cached == 0)
        #expect(transport.requests(for: kept) == 2)
        try expired.save()
        // The forgotten key's entry expired and was not renewed: dropped.
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let entries = try #require(file["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["checkedAt"] as? Int == Int(Self.start) + 100)
        // A clock set back further than the tolerated skew does not trust the entry either.
        clock.now = Self.start - 1000
        #expect(VerificationCache(path: path, ttl: 100, clock: clock.function).verdict(for: bytes(kept), base: base) == nil)
    }

    @Test func theFileHoldsNoKeyNorItsPlainHashAndIsPrivate() throws {
        let temp = TempDirectory()
        let path = temp.path + "/cache.json"
        let keys = (0..<3).map { _ in TestKeys.key() }
        let transport = ScriptedTransport(Dictionary(uniqueKeysWithValues: keys.map { ($0, 422) }))
        let cache = VerificationCache(path: path, clock: TestClock(Self.start).function)
        _ = verifier(transport).verify(keys.map(bytes), cache: cache)
        try cache.save()
        let content = text(path)
        #expect(content.contains("\"entries\""))
        for key in keys {
            #expect(!content.contains(key))
            #expect(!content.contains(String(key.dropFirst(8))), "not even the part after the prefix")
            #expect(!content.contains(Fingerprint.hexString(Fingerprint.sha256(bytes(key)))), "no plain SHA-256")
            #expect(!content.contains(Fingerprint(ruleID: "ivymail-api-key", secret: bytes(key)).hex), "no plain fingerprint")
        }
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["cache.json"], "no temporary file left behind")
        // Deterministic: keys sorted, entries sorted by hash, same verdicts same bytes.
        let hashes = content.split(separator: "\n").filter { $0.contains("\"hash\"") }
        #expect(hashes.count == 3 && hashes == hashes.sorted())
        #expect(content.range(of: "\"entries\"")!.lowerBound < content.range(of: "\"salt\"")!.lowerBound)
        let reloaded = VerificationCache(path: path, clock: TestClock(Self.start).function)
        for key in keys { reloaded.record(Verification(.active, "IvyMail accepted the key and rejected only the empty body (HTTP 422)"), for: bytes(key), base: base) }
        try reloaded.save()
        #expect(text(path) == content)
    }

    @Test func unknownVerdictsAreNeverCached() throws {
        let temp = TempDirectory()
        let path = temp.path + "/cache.json"
        let key = TestKeys.key()
        let transport = ScriptedTransport([key: 500])
        let cache = VerificationCache(path: path, clock: TestClock(Self.start).function)
        let run = verifier(transport).verify([bytes(key)], cache: cache)
        #expect(run.results[bytes(key)]?.status == .unknown)
        #expect(cache.count == 0)
        try cache.save()
        #expect(!FileManager.default.fileExists(atPath: path), "nothing to keep, nothing written")
        cache.record(Verification(.unknown, "timed out"), for: bytes(key), base: base)
        #expect(cache.count == 0)
        _ = verifier(transport).verify([bytes(key)], cache: cache)
        #expect(transport.requests(for: key) == 2)
    }

    @Test func verdictsAreKeptPerAPIBase() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        let transport = ScriptedTransport([key: 422])
        let cache = VerificationCache(path: temp.path + "/cache.json", clock: TestClock(Self.start).function)
        _ = verifier(transport).verify([bytes(key)], cache: cache)
        let other = try APIBase(parsing: "http://127.0.0.1:9")
        #expect(cache.verdict(for: bytes(key), base: other) == nil, "a test server's verdict never answers for IvyMail")
        let run = verifier(transport, base: other).verify([bytes(key)], cache: cache)
        #expect(run.cached == 0 && transport.requests(for: key) == 2)
    }

    @Test(arguments: [
        ("not json at all", "not a JSON object"),
        (#"{"a": 1}"#, "not an ivyscan verification cache"),
        (#"{"schema": "ivyscan-verification-cache", "version": 2, "salt": "", "entries": []}"#, "version 2 is not supported (expected 1)"),
        (#"{"schema": "ivyscan-verification-cache", "version": 1, "salt": "abc", "entries": []}"#, "salt"),
        (#"{"schema": "ivyscan-verification-cache", "version": 1, "salt": "SALT", "entries": [{"hash": "HASH", "status": "unknown", "reason": "x", "checkedAt": 1}]}"#, "entry 1 is malformed"),
        (#"{"schema": "ivyscan-verification-cache", "version": 1, "salt": "SALT", "entries": [{"hash": "HASH", "status": "active", "reason": "a\u001b[31m", "checkedAt": 1}]}"#, "entry 1 is malformed"),
        (#"{"schema": "ivyscan-verification-cache", "version": 1, "salt": "SALT", "entries": [{"hash": "HASH", "status": "active"}]}"#, "malformed salt or entries"),
    ])
    func aBadFileWarnsOnceAndIsReplaced(content: String, expected: String) throws {
        let temp = TempDirectory()
        let hex = String(repeating: "ab", count: 32)
        let path = temp.write("cache.json", content.replacing("SALT", with: hex).replacing("HASH", with: hex))
        let key = TestKeys.key()
        let transport = ScriptedTransport([key: 422])
        let cache = VerificationCache(path: path, clock: TestClock(Self.start).function)
        let warning = try #require(cache.loadWarning)
        #expect(warning.contains(path) && warning.contains(expected), "\(warning)")
        #expect(cache.count == 0)
        #expect(verifier(transport).verify([bytes(key)], cache: cache).results[bytes(key)]?.status == .active)
        try cache.save()
        let reloaded = VerificationCache(path: path, clock: TestClock(Self.start).function)
        #expect(reloaded.loadWarning == nil, "rewritten as a valid cache")
        #expect(reloaded.verdict(for: bytes(key), base: base)?.status == .active)
    }

    @Test func anUnusablePathIsAWarningNotAFailure() throws {
        let temp = TempDirectory()
        temp.mkdir("cache.json")
        let key = TestKeys.key()
        let transport = ScriptedTransport([key: 422])
        let directory = VerificationCache(path: temp.path + "/cache.json", clock: TestClock(Self.start).function)
        #expect(directory.loadWarning?.contains("not a regular file") == true)
        #expect(verifier(transport).verify([bytes(key)], cache: directory).results[bytes(key)]?.status == .active)
        #expect(throws: VerificationCacheError.self) { try directory.save() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["cache.json"], "the temporary file was removed")

        let missing = VerificationCache(path: temp.path + "/no/such/dir/cache.json", clock: TestClock(Self.start).function)
        #expect(missing.loadWarning == nil)
        missing.record(Verification(.active, "x"), for: bytes(key), base: base)
        do {
            try missing.save()
            Issue.record("saving into a missing directory must fail")
        } catch {
            #expect(String(describing: error).contains(temp.path + "/no/such/dir/cache.json"))
            #expect(!String(describing: error).contains(key))
        }
    }
}
