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
}
