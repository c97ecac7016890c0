import IvyConfig
import IvyMatching
import IvyModel
import Testing
import TestSupport

/// Every example of every default rule runs here, with %KEY% / %VALUE%
/// replaced by freshly generated secrets.
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let text: String
        let positive: Bool
        var testDescription: String { "\(ruleID) \(positive ? "+" : "-") \(text.prefix(60))" }
    }

    static let rules: [Rule] = (try? DefaultRules.load()) ?? []
    static let detector: Detector? = try? Detector(rules: rules)

    static let examples: [Example] = rules.flatMap { rule in
        rule.examples.positive.map { Example(ruleID: rule.id, text: $0, positive: true) }
            + rule.examples.negative.map { Example(ruleID: rule.id, text: $0, positive: false) }
    }

    @Test func defaultRulesLoadAndEveryRuleHasExamples() throws {
        // validate: every regex and allowed-value pattern compiles.
        let rules = try DefaultRules.load(validate: true)
        #expect(rules.count >= 2)
        for rule in rules {
            #expect(rule.examples.positive.count >= 3, "\(rule.id) needs positive examples")
            #expect(rule.examples.negative.count >= 3, "\(rule.id) needs negative examples")
        }
    }

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        let detector = try #require(Self.detector)
        let (text, secrets) = TestKeys.expand(example.text)
        let bytes = Array(text.utf8)
        let detection = bytes.withUnsafeBufferPointer {
            detector.scan($0, origin: Origin(path: "example"), scratch: MatchScratch(), trace: true)
        }
        let mine = detection.findings.filter { $0.ruleID == example.ruleID && !$0.suppressed }
        if example.positive {
            #expect(!mine.isEmpty, "expected \(example.ruleID) to flag: \(text)\ntrace: \(detection.trace.map(\.reason))")
            // The finding's secret is the generated one, not some neighbour
            // (rules whose match is not a secret, like a variable name, excepted).
            let rule = Self.rules.first { $0.id == example.ruleID }
            for finding in mine where rule?.isSecret ?? true {
                #expect(secrets.contains(String(decoding: finding.secret, as: UTF8.self)), "flagged the wrong span in: \(text)")
            }
        } else {
            #expect(mine.isEmpty, "expected \(example.ruleID) not to flag: \(text)\nbut got: \(mine.map { String(decoding: $0.secret, as: UTF8.self) })")
        }
    }

    /// A random value made only of letters is still a literal: the
    /// "plain identifier" allowance must not swallow it (it once did, for
    /// about 1 value in 280).
    @Test func letterOnlyRandomValuesAreStillLiterals() throws {
        let detector = try #require(Self.detector)
        var generator = SystemRandomNumberGenerator()
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var missed: [String] = []
        for _ in 0..<2000 {
            let value = String((0..<32).map { _ in letters.randomElement(using: &generator)! })
            let bytes = Array("const ivy = new IvyMail({ apiKey: '\(value)' });".utf8)
            let detection = bytes.withUnsafeBufferPointer { detector.scan($0, origin: Origin(path: "x.js"), scratch: MatchScratch()) }
            if !detection.findings.contains(where: { $0.ruleID == "ivymail-key-assignment" }) { missed.append(value) }
        }
        // About 1 in 50,000 such values reads as an identifier; 3 in 2,000 means a broken rule.
        #expect(missed.count <= 2, "letter-only values dropped: \(missed.count) of 2000")
        // Real identifiers are still not literals.
        for identifier in ["apiKey", "ivymailKeyFromEnvironment", "IVYMAIL_API_KEY", "api_key_value", "IvyMailKey", "userId"] {
            let bytes = Array("IVYMAIL_API_KEY: \(identifier)\n".utf8)
            let detection = bytes.withUnsafeBufferPointer { detector.scan($0, origin: Origin(path: "x.yml"), scratch: MatchScratch()) }
            #expect(!detection.findings.contains { $0.ruleID == "ivymail-key-assignment" }, "\(identifier) is an identifier")
        }
    }
}
