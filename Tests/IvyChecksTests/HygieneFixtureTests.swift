import Foundation
import IvyConfig
import IvyKit
import IvyModel
import Testing
import TestSupport

/// Runs every fixture case of every hygiene rule and reports precision and
/// recall per rule.
///
/// Layout: `Fixtures/<rule-id>/{positive,negative}/<case>/...` — each case is
/// a small project tree. `%KEY%`, `%KEY2%` and `%VALUE%` in file contents are
/// replaced by secrets generated for the run (the same one everywhere within
/// a case, so reuse across files is expressible). The case becomes a git
/// repository with everything added, unless it holds a file named `NOGIT`.
/// A positive case passes when some finding breaks the rule (as its own rule
/// or as a violation); a negative case when none does.
@Suite struct HygieneFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let positive: Bool
        let name: String
        let path: String
        var testDescription: String { "\(rule) \(positive ? "+" : "-") \(name)" }
    }

    static let cases: [Case] = {
        let manager = FileManager.default
        var cases: [Case] = []
        for rule in ((try? manager.contentsOfDirectory(atPath: fixtures)) ?? []).sorted() {
            for polarity in ["positive", "negative"] {
                let directory = "\(fixtures)/\(rule)/\(polarity)"
                for name in ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted() {
                    cases.append(Case(rule: rule, positive: polarity == "positive", name: name, path: "\(directory)/\(name)"))
                }
            }
        }
        return cases
    }()

    /// Copies a case into a temp repository with markers replaced, scans it, and
    /// says whether the rule fired.
    static func fires(_ testCase: Case) throws -> (fired: Bool, detail: String) {
        let temp = TempDirectory("ivyscan-fixture")
        let secrets = ["%KEY%": TestKeys.key(), "%KEY2%": TestKeys.key(), "%VALUE%": TestKeys.value()]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: testCase.path) else { return (false, "empty case") }
        var useGit = true
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: testCase.path + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            if relative == "NOGIT" {
                useGit = false
                continue
            }
            var text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: testCase.path + "/" + relative)), as: UTF8.self)
            for (marker, secret) in secrets { text = text.replacingOccurrences(of: marker, with: secret) }
            temp.write(relative, text)
        }
        if useGit {
            Command.git(["init", "-q"], in: temp.path)
            Command.git(["add", "-A"], in: temp.path)
        }
        let config = try ConfigLoader.load(explicitPath: nil, roots: [temp.path], environment: [:])
        let report = try DirectoryScan.run(ScanOptions(roots: [temp.path], threads: 1, useGit: useGit), config: config)
        let hits = report.findings.filter { $0.ruleIDs.contains(testCase.rule) }
        let detail = report.findings.map { "\($0.origin.path):\($0.location.line) \($0.ruleIDs.joined(separator: "+"))" }.joined(separator: "; ")
        return (!hits.isEmpty, detail)
    }

    @Test(arguments: cases)
    func fixture(_ testCase: Case) throws {
        let (fired, detail) = try Self.fires(testCase)
        #expect(fired == testCase.positive, "\(testCase.rule) \(testCase.positive ? "missed" : "wrongly flagged") \(testCase.name): findings: \(detail)")
    }

    /// Precision and recall per rule, printed for the closing note and CI log.
    @Test func precisionAndRecallPerRule() throws {
        var table: [String: (tp: Int, fn: Int, fp: Int, tn: Int)] = [:]
        for testCase in Self.cases {
            let fired = try Self.fires(testCase).fired
            var row = table[testCase.rule] ?? (0, 0, 0, 0)
            switch (testCase.positive, fired) {
            case (true, true): row.tp += 1
            case (true, false): row.fn += 1
            case (false, true): row.fp += 1
            case (false, false): row.tn += 1
            }
            table[testCase.rule] = row
        }
        for (rule, row) in table.sorted(by: { $0.key < $1.key }) {
            let precision = row.tp + row.fp == 0 ? 1 : Double(row.tp) / Double(row.tp + row.fp)
            let recall = row.tp + row.fn == 0 ? 1 : Double(row.tp) / Double(row.tp + row.fn)
            print("hygiene fixtures: \(rule): precision \(String(format: "%.2f", precision)) recall \(String(format: "%.2f", recall)) (\(row.tp + row.fn) positives, \(row.fp + row.tn) negatives)")
            #expect(row.tp + row.fn >= 10 && row.fp + row.tn >= 10, "\(rule) needs at least ten positive and ten negative cases")
        }
        #expect(!table.isEmpty)
    }
}
