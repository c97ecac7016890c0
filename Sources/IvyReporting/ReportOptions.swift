import IvyModel

/// What every reporter needs besides the report itself.
public struct ReportOptions: Sendable {
    /// Where SARIF viewers link for the tool (`tool.driver.informationUri`).
    public static let informationURI = "https://github.com/ivymail/ivyscan"

    public var showSecrets: Bool
    public var color: Bool
    public var failOn: Severity
    /// Print skipped files and config details (text format).
    public var verbose: Bool
    /// Findings only, no summary (text format).
    public var quiet: Bool
    public var toolVersion: String
    /// Every rule and check in force, so SARIF can describe rules that found
    /// nothing this run (GitHub closes alerts only for rules it knows).
    public var rules: [RuleMetadata]
    /// When the report was produced, seconds since 1970 (UTC). A parameter
    /// rather than a clock read, so golden files stay byte-stable.
    public var generatedAt: Int
    /// The commit a directory scan looked at (CI's `CI_COMMIT_SHA` /
    /// `GITHUB_SHA`); GitLab's report requires one for every finding.
    public var commitSHA: String?
    /// `--strict`: unreadable input makes the scan incomplete (exit 3), so
    /// the summary's verdict must say so too.
    public var strict = false

    public init(showSecrets: Bool = false, color: Bool = false, failOn: Severity = .medium, verbose: Bool = false,
                quiet: Bool = false, toolVersion: String, rules: [RuleMetadata] = [], generatedAt: Int = 0,
                commitSHA: String? = nil) {
        self.showSecrets = showSecrets
        self.color = color
        self.failOn = failOn
        self.verbose = verbose
        self.quiet = quiet
        self.toolVersion = toolVersion
        self.rules = rules
        self.generatedAt = generatedAt
        self.commitSHA = commitSHA
    }

    /// The secret as this run may print it.
    func display(_ finding: Finding, marker: String = "…") -> String {
        showSecrets || !finding.isSecret ? Redactor.printable(finding.secret) : Redactor.redact(finding.secret, prefixLength: finding.secretPrefixLength, marker: marker)
    }

    /// The snippet line with every secret on it redacted, and the column
    /// range (in characters) of the finding's own secret for the caret.
    /// - Parameter primaryIsSecret: false when the finding's own match is not
    ///   a secret (a variable name): it is shown; other spans stay redacted.
    /// - Parameter marker: stands for each redacted part (see `Redactor.redact`).
    func displayLine(_ snippet: Snippet, secretPrefixLength: Int, primaryIsSecret: Bool = true, marker: String = "…") -> (text: String, caret: Range<Int>) {
        var text = snippet.truncatedStart ? "…" : ""
        var caret = 0..<0
        var cursor = 0
        for span in snippet.secrets {
            text += Redactor.printable(snippet.bytes[cursor..<span.lowerBound])
            let value = snippet.bytes[span]
            let shown: String
            if showSecrets || (!primaryIsSecret && span == snippet.primary) {
                shown = Redactor.printable(value)
            } else {
                let prefix = span.overlaps(snippet.primary) ? secretPrefixLength : Self.knownPrefixLength(Array(value))
                shown = Redactor.redact(value, prefixLength: prefix, marker: marker)
            }
            if span.overlaps(snippet.primary) { caret = text.count..<(text.count + shown.count) }
            text += shown
            cursor = span.upperBound
        }
        text += Redactor.printable(snippet.bytes[cursor...])
        if snippet.truncatedEnd { text += "…" }
        return (text, caret)
    }

    private static func knownPrefixLength(_ value: [UInt8]) -> Int {
        value.starts(with: "ivym_sk_".utf8) ? 8 : 0
    }
}
