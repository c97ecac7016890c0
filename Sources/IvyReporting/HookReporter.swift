import IvyModel

/// Output for git hooks: a person is in the middle of a commit or push, so
/// it says what blocks it, where, and the three ways forward in a handful of
/// lines. A clean run prints nothing. Already-committed keys get one line
/// each, since blocking cannot un-leak them. Suppressed findings and findings
/// below `--fail-on` are left out; the text and JSON formats list everything.
public struct HookReporter: Sendable {
    let options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func render(_ report: ScanReport) -> String {
        let gating = report.gating(failOn: options.failOn)
        let committed = report.findings.filter { !$0.suppressed && $0.status == .existing && !report.isGating($0, failOn: options.failOn) }
        var out = ""
        if !gating.isEmpty {
            out += "ivyscan: blocked by \(gating.count) finding\(gating.count == 1 ? "" : "s") (secrets redacted)\n"
        }
        for finding in gating {
            out += "\(place(finding))  \(finding.severity.rawValue)  \(finding.ruleID)  \(finding.message)\n"
            var match = "    " + options.display(finding)
            if let commit = finding.origin.commit { match += "  in commit \(commit.prefix(12))" }
            if finding.status == .existing || finding.status == .history { match += "  already committed: rotate it" }
            out += match + "\n"
            for violation in finding.violations { out += "    + \(violation.ruleID): \(violation.message)\n" }
            if let verification = finding.verification { out += "    \(VerificationText.line(verification))\n" }
        }
        for finding in committed {
            var line = "\(place(finding))  \(finding.severity.rawValue)  \(finding.ruleID)  \(options.display(finding))  already committed: rotate it"
            if let verification = finding.verification { line += "  [\(VerificationText.line(verification))]" }
            out += line + "\n"
        }
        guard !gating.isEmpty else { return out }
        out += fixLines(gating)
        out += "allow:   if it is a false positive, add a comment containing ivyscan:allow on that line\n"
        out += "bypass:  once, with git commit --no-verify or git push --no-verify (pre-commit framework: SKIP=ivyscan)\n"
        return out
    }

    private func place(_ finding: Finding) -> String {
        "\(Redactor.printable(Array(finding.origin.path.utf8))):\(finding.location.line):\(finding.location.column)"
    }

    /// One line when every file takes the same fix, else one line per file.
    private func fixLines(_ gating: [Finding]) -> String {
        var paths: [String] = []
        for finding in gating where !paths.contains(finding.origin.path) { paths.append(finding.origin.path) }
        let printable = paths.map { Redactor.printable(Array($0.utf8)) }
        let snippets = paths.map(EnvSnippet.forPath)
        var out: String
        if Set(printable.indices.map { snippets[$0].entry(path: printable[$0]) }).count == 1 {
            out = "fix:     " + snippets[0].advice(path: printable[0]) + "\n"
        } else {
            out = "fix:     remove each key and read it from the environment:\n"
            let width = printable.map(\.count).max() ?? 0
            for (path, snippet) in zip(printable, snippets) {
                out += "           " + path + String(repeating: " ", count: width - path.count) + "  " + snippet.entry(path: path) + "\n"
            }
        }
        if gating.contains(where: { $0.origin.commit != nil }) {
            out += "         and take it out of the commit too (git commit --amend, or git rebase -i for older commits)\n"
        }
        return out
    }
}
