import IvyModel

/// What every reporter needs besides the report itself.
public struct ReportOptions: Sendable {
    public var showSecrets: Bool
    public var color: Bool
    public var failOn: Severity
    /// Print skipped files and config details (text format).
    public var verbose: Bool
    /// Findings only, no summary (text format).
    public var quiet: Bool
    public var toolVersion: String

    public init(showSecrets: Bool = false, color: Bool = false, failOn: Severity = .medium, verbose: Bool = false,
                quiet: Bool = false, toolVersion: String) {
        self.showSecrets = showSecrets
        self.color = color
        self.failOn = failOn
        self.verbose = verbose
        self.quiet = quiet
        self.toolVersion = toolVersion
    }

    /// The secret as this run may print it.
    func display(_ finding: Finding) -> String {
        showSecrets || !finding.isSecret ? Redactor.printable(finding.secret) : Redactor.redact(finding.secret, prefixLength: finding.secretPrefixLength)
    }

    /// The snippet line with every secret on it redacted, and the column
    /// range (in characters) of the finding's own secret for the caret.
    /// - Parameter primaryIsSecret: false when the finding's own match is not
    ///   a secret (a variable name): it is shown; other spans stay redacted.
    func displayLine(_ snippet: Snippet, secretPrefixLength: Int, primaryIsSecret: Bool = true) -> (text: String, caret: Range<Int>) {
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
                shown = Redactor.redact(value, prefixLength: prefix)
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
