import IvyConfig
import IvyMatching
import IvyModel
import Testing
import TestSupport

@Suite struct DetectorTests {
    let detector = try! Detector(rules: try! DefaultRules.load())

    func scan(_ text: String, trace: Bool = false) -> Detection {
        Array(text.utf8).withUnsafeBufferPointer {
            detector.scan($0, origin: Origin(path: "f"), scratch: MatchScratch(), trace: trace)
        }
    }

    /// `«` and `»` mark the expected secret in the text (MarkedText style).
    func marked(_ text: String) -> (text: String, line: Int, column: Int, endColumn: Int) {
        let bytes = Array(text.utf8)
        let open = Array("«".utf8)
        let close = Array("»".utf8)
        let start = (0...(bytes.count - open.count)).first { Array(bytes[$0..<$0 + open.count]) == open }!
        var clean = bytes
        clean.removeSubrange(start..<start + open.count)
        let end = (0...(clean.count - close.count)).first { Array(clean[$0..<$0 + close.count]) == close }!
        clean.removeSubrange(end..<end + close.count)
        let before = clean[..<start]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        return (String(decoding: clean, as: UTF8.self), line, start - lineStart + 1, end - 1 - lineStart + 1)
    }

    @Test func positionsAreOneBasedBytesWithInclusiveEnd() {
        let key = TestKeys.key()
        let fixture = marked("first line\n\tconst k = \"«\(key)»\";\nlast\n")
        let findings = scan(fixture.text).findings
        #expect(findings.count == 1)
        let location = findings[0].location
        #expect(location.line == fixture.line)
        #expect(location.column == fixture.column)
        #expect(location.endColumn == fixture.endColumn)
        #expect(location.endColumn - location.column + 1 == key.utf8.count)
    }

    @Test func keyAtVeryStartAndEndOfBuffer() {
        let key = TestKeys.key()
        #expect(scan(key).findings.count == 1)
        #expect(scan("x=" + key).findings.first?.location.column == 3)
    }

    @Test func crlfLinesDoNotShiftColumns() {
        let key = TestKeys.key()
        let findings = scan("a\r\nb = \(key)\r\n").findings
        #expect(findings.first?.location.line == 2)
        #expect(findings.first?.location.column == 5)
        #expect(findings.first?.snippet.bytes.last != 0x0D)
    }

    @Test func keyInsideHeaderIsOneCriticalFinding() {
        let key = TestKeys.key()
        let findings = scan("curl -H \"x-api-key: \(key)\" https://api.ivymail.io/v1/send").findings
        #expect(findings.count == 1)
        #expect(findings.first?.ruleID == "ivymail-api-key")
        #expect(findings.first?.severity == .critical)
    }

    @Test func headerSeverityDependsOnIvyMailContext() {
        let value = TestKeys.value()
        let elsewhere = scan("requests.get(url, headers={\"x-api-key\": \"\(value)\"})").findings
        #expect(elsewhere.first?.severity == .medium)
        let ivy = scan("# IvyMail client\nrequests.get(url, headers={\"x-api-key\": \"\(value)\"})").findings
        #expect(ivy.first?.severity == .high)
    }

    @Test func keyInsideLongerIdentifierIsNotAKey() {
        let key = TestKeys.key()
        #expect(scan("my" + key).findings.isEmpty)
        #expect(scan(key + "_" + TestKeys.value(length: 100)).findings.isEmpty, "over-long body must not be cut into a key")
    }

    @Test func suppressionMarksButKeepsTheFinding() {
        let key = TestKeys.key()
        let findings = scan("k = \"\(key)\"  // ivyscan:allow\nk2 = \"\(key)\"\n").findings
        #expect(findings.count == 2)
        #expect(findings[0].suppressed)
        #expect(!findings[1].suppressed)
        #expect(findings[0].fingerprint == findings[1].fingerprint)
    }

    @Test func snippetMarksEverySecretOnTheLine() {
        let first = TestKeys.key()
        let second = TestKeys.key()
        let findings = scan("pair = [\"\(first)\", \"\(second)\"]").findings
        #expect(findings.count == 2)
        #expect(findings[0].snippet.secrets.count == 2)
        #expect(findings[1].snippet.secrets.count == 2)
    }

    @Test func longLinesAreCutAroundTheSecret() {
        let key = TestKeys.key()
        let line = String(repeating: "a;", count: 5000) + "k=\"\(key)\";" + String(repeating: "b;", count: 5000)
        let finding = scan(line).findings.first
        #expect(finding != nil)
        #expect((finding?.snippet.bytes.count ?? 0) < 300)
        #expect(finding?.snippet.truncatedStart == true)
        #expect(finding?.snippet.truncatedEnd == true)
    }

    @Test func traceExplainsDroppedCandidates() {
        let detection = scan("see ivym_sk_your_api_key_here and ivym_sk_...\n", trace: true)
        #expect(detection.findings.isEmpty)
        #expect(detection.trace.contains { $0.reason.contains("placeholder word") })
        #expect(detection.trace.contains { $0.reason.contains("no pattern matched") })
    }

    @Test func allowlistedValuesAreDropped() throws {
        let key = TestKeys.key()
        let detector = try Detector(rules: try DefaultRules.load(), allowValues: ["^" + key + "$"])
        let detection = Array("k=\(key)".utf8).withUnsafeBufferPointer {
            detector.scan($0, origin: Origin(path: "f"), scratch: MatchScratch(), trace: true)
        }
        #expect(detection.findings.isEmpty)
        #expect(detection.trace.first?.reason.contains("allowlisted") == true)
    }

    @Test func nonUTF8BytesAroundAKeyAreFine() {
        let key = TestKeys.key()
        var bytes: [UInt8] = [0xFF, 0xFE, 0x20]
        bytes += Array(key.utf8)
        bytes += [0x20, 0xC3]
        let findings = bytes.withUnsafeBufferPointer { detector.scan($0, origin: Origin(path: "f"), scratch: MatchScratch()).findings }
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == 4)
    }
}

@Suite struct LiteralTests {
    func find(_ needle: String, _ haystack: String) -> [Int] {
        Array(haystack.utf8).withUnsafeBufferPointer { Literal(needle).occurrences(in: $0) }
    }

    @Test func caseInsensitiveEverywhere() {
        #expect(find("x-api-key", "X-API-KEY x-Api-Key x-api-ke") == [0, 10])
        #expect(find("ivym_sk_", "ivym_sk_ivym_sk_") == [0, 8])
        #expect(find("abc", "ab") == [])
        #expect(find("q", "") == [])
    }
}

@Suite struct CandidateFilterTests {
    let rule = try! DefaultRules.load().first { $0.id == "ivymail-api-key" }!

    func rejection(_ secret: String) -> String? {
        let filter = CandidateFilter(rule: rule)
        return Array(secret.utf8).withUnsafeBufferPointer { filter.rejection(of: $0, scratch: MatchScratch()) }
    }

    @Test func randomKeysPass() {
        // 20,000 keys: a filter that drops one real key in a few thousand fails here.
        var rejected: [String] = []
        for _ in 0..<20_000 {
            let key = TestKeys.key(length: 32)
            if let reason = rejection(key) { rejected.append(reason) }
        }
        #expect(rejected.isEmpty, "random keys rejected: \(rejected.prefix(5))")
    }

    @Test func shortPlaceholderWordsCountOnlyAsWholeSegments() {
        // Split prefix: keys that pass the filter must not sit in the source
        // as literals, or the project's own scan would (rightly) flag them.
        let prefix = "ivym" + "_sk_"
        #expect(rejection(prefix + "fake_Q9xLm2Pw7Zk4Rt8V")?.contains("fake") == true)
        #expect(rejection(prefix + "Q9xLm2Pw7_fake_Rt8Vb1Nc")?.contains("fake") == true)
        #expect(rejection(prefix + "q9xLmFakeRt8Vb1NcW2e4") == nil, "'Fake' inside a random run is chance, not a word")
        #expect(rejection(prefix + "fakeq9xLmRt8Vb1NcW2e4") == nil)
        #expect(rejection(prefix + "q9xLmEXAMPLERt8Vb1NcW2") != nil, "long words count anywhere")
    }

    @Test func placeholdersAreRejectedWithAReason() {
        #expect(rejection("ivym_sk_your_api_key_here")?.contains("your") == true)
        #expect(rejection("ivym_sk_0000000000000000")?.contains("repeated") == true)
        #expect(rejection("ivym_sk_abcdefXq9Lm2Pw7Zk4")?.contains("sequential") == true)
        #expect(rejection("ivym_sk_abababababababab")?.contains("entropy") == true)
    }
}

@Suite struct PCRE2RegexTests {
    @Test func badPatternsFailWithAnOffset() {
        #expect(throws: PatternError.self) { try PCRE2Regex("(unclosed") }
        #expect(throws: PatternError.self) { try PCRE2Regex("(?<other>x)", secretGroup: "secret") }
    }

    @Test func catastrophicBacktrackingHitsTheLimitInsteadOfHanging() throws {
        let regex = try PCRE2Regex("(?<secret>(?:a|aa)+)c", secretGroup: "secret")
        // A 'c' is present (so PCRE2's required-character shortcut cannot
        // fail fast), but never right after the run of a's.
        let subject = Array(repeating: UInt8(ascii: "a"), count: 200) + Array("bc".utf8)
        let finished = subject.withUnsafeBufferPointer { buffer in
            regex.forEachMatch(in: buffer, from: 0, to: buffer.count, scratch: MatchScratch()) { _, _ in }
        }
        #expect(finished == false, "the match limit must stop exponential backtracking and be reported")
    }
}
