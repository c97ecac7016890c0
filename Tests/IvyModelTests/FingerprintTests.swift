import IvyModel
import Testing
import TestSupport

@Suite struct FingerprintTests {
    @Test func sha256MatchesTheFIPSVector() {
        // FIPS 180-2 test vector for "abc".
        let digest = Fingerprint.sha256(Array("abc".utf8))
        let hex = digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sameSecretSameFingerprintWhereverItIs() {
        let key = Array(TestKeys.key().utf8)
        #expect(Fingerprint(ruleID: "r", secret: key) == Fingerprint(ruleID: "r", secret: key))
        #expect(Fingerprint(ruleID: "r", secret: key).hex.count == 64)
    }

    @Test func ruleAndSecretBothMatter() {
        let key = Array(TestKeys.key().utf8)
        let other = Array(TestKeys.key().utf8)
        #expect(Fingerprint(ruleID: "a", secret: key) != Fingerprint(ruleID: "b", secret: key))
        #expect(Fingerprint(ruleID: "a", secret: key) != Fingerprint(ruleID: "a", secret: other))
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(Fingerprint(ruleID: "ab", secret: Array("c".utf8)) != Fingerprint(ruleID: "a", secret: Array("bc".utf8)))
    }
}

@Suite struct RedactorTests {
    @Test func keysKeepPrefixTwoLeadingAndThreeTrailing() {
        let key = TestKeys.key()
        let redacted = Redactor.redact(Array(key.utf8), prefixLength: 8)
        let body = key.dropFirst(8)
        #expect(redacted == "ivym_sk_" + body.prefix(2) + "…" + body.suffix(3))
        #expect(!redacted.contains(String(body.dropFirst(2).dropLast(3))))
    }

    @Test func shortValuesShowAlmostNothing() {
        #expect(Redactor.redact(Array("abc".utf8), prefixLength: 0) == "…")
        #expect(Redactor.redact(Array("abcdefghij".utf8), prefixLength: 0) == "a…j")
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        let printable = Redactor.printable(Array("a\u{1B}[31mb\nc".utf8))
        #expect(!printable.contains("\u{1B}"))
        #expect(!printable.contains("\n"))
        #expect(printable.contains("\\u{1b}"))
    }

    @Test func invalidUTF8IsReplacedNotDropped() {
        #expect(Redactor.printable([0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
    }
}

@Suite struct SeverityTests {
    @Test func orderAndParsing() {
        #expect(Severity.critical > Severity.high)
        #expect(Severity.medium > Severity.low)
        #expect(Severity(parsing: "HIGH") == .high)
        #expect(Severity(parsing: "severe") == nil)
    }
}
