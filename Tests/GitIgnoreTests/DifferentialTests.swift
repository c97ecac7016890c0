import Foundation
import Testing

/// IgnoreStack against real git: `check-ignore -v` for every file and
/// directory (verdict and deciding pattern), `ls-files --others
/// --exclude-standard` for every file, and a pruning walk.
@Suite(.enabled(if: GitRepo.isAvailable, "needs git"))
struct DifferentialTests {
    /// Random scenarios per batch; raise GITIGNORE_DIFF_ROUNDS (e.g. 250) for a long soak.
    private static let rounds = ProcessInfo.processInfo.environment["GITIGNORE_DIFF_ROUNDS"].flatMap(Int.init) ?? 10

    private func check(_ scenarios: [Scenario]) throws -> Differential.Report {
        var total = Differential.Report()
        for scenario in scenarios {
            total.add(try Differential.run(scenario))
        }
        let shown = total.mismatches.prefix(20).joined(separator: "\n")
        #expect(total.mismatches.count == 0, "first mismatches:\n\(shown)")
        return total
    }

    @Test func trickyPatternsMatchGit() throws {
        let report = try check(TrickyCases.scenarios())
        print("tricky: \(report.summary)")
    }

    @Test func globSoupMatchesGit() throws {
        var generator = RandomScenarios(seed: 0x5009)
        let report = try check([generator.globSoup(name: "glob soup", cases: 300)])
        print("glob soup: \(report.summary)")
    }

    @Test(arguments: 0..<4)
    func randomTreesMatchGit(batch: Int) throws {
        var scenarios: [Scenario] = []
        for round in 0..<Self.rounds {
            let seed = UInt64(0x1DEA_5EED + batch * 1000 + round)
            var generator = RandomScenarios(seed: seed)
            scenarios.append(generator.scenario(name: "seed \(seed)", pathBudget: 300))
        }
        let report = try check(scenarios)
        print("random batch \(batch): \(report.summary)")
    }
}
