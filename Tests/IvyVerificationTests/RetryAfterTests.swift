import Foundation
import IvyModel
@testable import IvyVerification
import Testing
import TestSupport

/// `Retry-After` as delta-seconds or an HTTP-date (RFC 9110), parsed by hand.
@Suite struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example.
    static let example = 784_111_777
    /// 2026-12-04T10:00:00Z, for rfc850's two-digit years.
    static let now2026 = 1_796_378_400.0

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",   // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // obsolete rfc850
        "Sun Nov  6 08:49:37 1994",        // obsolete asctime
        "Sun Nov 06 08:49:37 1994",
    ])
    func theThreeHTTPDateFormsAgree(text: String) {
        #expect(HTTPDate.seconds(text, now: Self.now2026) == Self.example)
    }

    @Test func datesAreExact() {
        #expect(HTTPDate.seconds("Thu, 01 Jan 1970 00:00:00 GMT", now: 0) == 0)
        #expect(HTTPDate.seconds("Thu, 29 Feb 2024 00:00:00 GMT", now: 0) == 1_709_164_800)
        #expect(HTTPDate.seconds("Fri, 04 Dec 2026 10:00:00 GMT", now: 0) == Int(Self.now2026))
        #expect(HTTPDate.seconds("Fri, 31 Dec 1999 23:59:60 GMT", now: 0) == 946_684_800, "a leap second is the next second")
        // rfc850: a two-digit year more than 50 years ahead is in the past century.
        #expect(HTTPDate.seconds("Friday, 04-Dec-26 10:00:00 GMT", now: Self.now2026) == Int(Self.now2026))
        #expect(HTTPDate.seconds("Sunday, 06-Nov-94 08:49:37 GMT", now: Self.now2026) == Self.example, "2094 is 68 years ahead: 1994")
        #expect(HTTPDate.seconds("Tuesday, 01-Jan-70 00:00:00 GMT", now: Self.now2026) == 3_155_760_000, "2070 is 44 years ahead: 2070")
    }

    @Test(arguments: [
        "", "soon", "120 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",      // only GMT
        "Sun, 06 Nov 1994 08:49:37",          // no zone
        "Sun, 6 Nov 1994 08:49:37 GMT",       // IMF-fixdate has two-digit days
        "Sun, 31 Nov 1994 08:49:37 GMT",      // no 31 November
        "Wed, 29 Feb 2023 00:00:00 GMT",      // not a leap year
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov +994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",      // names are case-sensitive
        "Son, 06 Nov 1994 08:49:37 GMT",
        "06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov  6 08:49:37 94",
    ])
    func anythingElseIsNotADate(text: String) {
        #expect(HTTPDate.seconds(text, now: Self.now2026) == nil)
    }

    @Test func civilDatesRoundTrip() {
        #expect(CivilDate.iso8601(Self.example) == "1994-11-06T08:49:37Z")
        #expect(CivilDate.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(CivilDate.iso8601(-1) == "1969-12-31T23:59:59Z")
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate.date(fromDays: day)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == day)
        }
    }

    @Test func retryAfterIsSecondsFromNow() {
        let now = Double(Self.example)
        #expect(KeyProbe.retryAfterSeconds("120", now: now) == 120)
        #expect(KeyProbe.retryAfterSeconds(" 7 ", now: now) == 7)
        #expect(KeyProbe.retryAfterSeconds("0", now: now) == 0)
        #expect(KeyProbe.retryAfterSeconds("Sun, 06 Nov 1994 08:51:07 GMT", now: now) == 90)
        #expect(KeyProbe.retryAfterSeconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now + 3600) == 0, "a date in the past: retry now")
        // The response's own Date is the reference when it has one: local clock skew does not matter.
        #expect(KeyProbe.retryAfterSeconds("Sun, 06 Nov 1994 08:50:37 GMT", now: 0, serverDate: "Sun, 06 Nov 1994 08:49:37 GMT") == 60)
        #expect(KeyProbe.retryAfterSeconds("Sun, 06 Nov 1994 08:50:37 GMT", now: now, serverDate: "garbage") == 60)
        for unusable in ["-5", "+5", "1e3", "inf", "nan", "0x10", "soon", "", "Sun, 06 Nov 1994"] {
            #expect(KeyProbe.retryAfterSeconds(unusable, now: now) == nil, "\(unusable)")
        }
    }

    @Test func theProbeReadsADateRetryAfter() {
        let body = Array(#"{"success": false, "error": "Too many requests"}"#.utf8)
        let now = Double(Self.example)
        let past = HTTPResponse(status: 429, headers: ["retry-after": "Sun, 06 Nov 1994 08:00:00 GMT"], body: body)
        let verdict = KeyProbe.interpret(.success(past), now: now)
        #expect(verdict.retryable && verdict.retryAfter == 0)
        let ahead = HTTPResponse(status: 503, headers: ["retry-after": "Sun, 06 Nov 1994 08:50:07 GMT"], body: body)
        #expect(KeyProbe.interpret(.success(ahead), now: now).retryAfter == 30)
        let garbage = HTTPResponse(status: 503, headers: ["retry-after": "later"], body: body)
        #expect(KeyProbe.interpret(.success(garbage), now: now).retryAfter == nil)
    }

    @Test func theWaitIsRetryAfterElseTheBackoff() throws {
        var settings = VerifierSettings(base: try APIBase(parsing: APIBase.defaultURL))
        settings.backoffBase = 0.5
        settings.backoffCap = 8
        #expect(Verifier.retryDelay(retryAfter: 0, attempt: 1, settings: settings, jitter: 1) == 0, "retry now, not after a backoff")
        #expect(Verifier.retryDelay(retryAfter: 12, attempt: 3, settings: settings, jitter: 0.5) == 12)
        #expect(Verifier.retryDelay(retryAfter: nil, attempt: 1, settings: settings, jitter: 1) == 0.5)
        #expect(Verifier.retryDelay(retryAfter: nil, attempt: 3, settings: settings, jitter: 0.5) == 1)
        #expect(Verifier.retryDelay(retryAfter: nil, attempt: 30, settings: settings, jitter: 1) == 8)
    }

    // Against the fake server: the date decides whether ivyscan retries.

    func verifier(_ server: FakeIvyMail, maxAttempts: Int = 4) throws -> Verifier {
        var settings = VerifierSettings(base: try APIBase(parsing: server.base))
        settings.rate = 100
        settings.backoffBase = 0.05
        settings.maxAttempts = maxAttempts
        return Verifier(settings: settings, transport: CurlTransport(userAgent: "ivyscan/test", environment: ProcessInfo.processInfo.environment))
    }

    @Test func aPastDateIsRetriedAndAFarDateGivesUp() throws {
        let key = TestKeys.key()
        let past = try FakeIvyMail(keys: [key: "flaky"], arguments: ["--retry-after", "date:-60"])
        let retried = try verifier(past).verify([Array(key.utf8)])
        #expect(retried.results[Array(key.utf8)]?.status == .active)
        #expect(try past.stats().per_key[key] == 2)

        let far = try FakeIvyMail(keys: [key: "ratelimit"], arguments: ["--retry-after", "date:+3600"])
        let gaveUp = try verifier(far).verify([Array(key.utf8)])
        #expect(gaveUp.results[Array(key.utf8)]?.status == .unknown)
        #expect(gaveUp.results[Array(key.utf8)]?.reason.contains("Retry-After over 30 s") == true)
        #expect(try far.stats().requests == 1, "a date an hour ahead is not waited for")
        #expect(try past.stats().sends == 0 && far.stats().sends == 0)
    }

    @Test func anUnparseableOrHugeRetryAfterNeitherCrashesNorHangs() throws {
        let key = TestKeys.key()
        let huge = try FakeIvyMail(keys: [key: "ratelimit"], arguments: ["--retry-after", "99999999999999999999999"])
        let run = try verifier(huge).verify([Array(key.utf8)])
        #expect(run.results[Array(key.utf8)]?.status == .unknown)
        #expect(try huge.stats().requests == 1)

        let garbage = try FakeIvyMail(keys: [key: "ratelimit"], arguments: ["--retry-after", "whenever"])
        let backedOff = try verifier(garbage, maxAttempts: 2).verify([Array(key.utf8)])
        #expect(backedOff.results[Array(key.utf8)]?.reason.contains("gave up after 2 attempts") == true, "the backoff applied")
        #expect(try garbage.stats().requests == 2)
        #expect(try huge.stats().sends == 0 && garbage.stats().sends == 0)
    }
}
