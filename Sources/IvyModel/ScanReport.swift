/// Everything one scan produced, sorted so output is deterministic.
public struct ScanReport: Sendable {
    public var findings: [Finding]
    public var skipped: [SkippedFile]
    public var problems: [ScanProblem]
    public var trace: [TraceEvent]
    public var filesScanned: Int
    public var bytesScanned: Int
    /// Wall time in seconds.
    public var duration: Double
    /// PCRE2 hit its match limit somewhere: part of a file went unchecked.
    public var limitExceeded: Bool
    /// Git modes: what was covered and what was not.
    public var coverage: GitCoverage?
    /// Whether findings already in HEAD (`existing`) fail the gate.
    public var existingGates = false
    /// Coverage gaps the user accepted (`--allow-shallow`): shown, not failing.
    public var allowedGaps: [String] = []
    /// `--fail-on-active`: only live keys gate, whatever their severity, and
    /// even when suppressed or baselined, since those cannot stop a live key
    /// from sending mail.
    public var liveKeysGate = false

    public init(
        findings: [Finding] = [], skipped: [SkippedFile] = [], problems: [ScanProblem] = [], trace: [TraceEvent] = [],
        filesScanned: Int = 0, bytesScanned: Int = 0, duration: Double = 0, limitExceeded: Bool = false
    ) {
        self.findings = findings
        self.skipped = skipped
        self.problems = problems
        self.trace = trace
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.duration = duration
        self.limitExceeded = limitExceeded
    }

    /// Findings that count against the gate: unsuppressed, at or above
    /// `threshold`, and not merely `existing` unless that was asked for; or,
    /// under `liveKeysGate`, exactly the findings whose key is live.
    public func gating(failOn threshold: Severity) -> [Finding] {
        findings.filter { isGating($0, failOn: threshold) }
    }

    public func isGating(_ finding: Finding, failOn threshold: Severity) -> Bool {
        if liveKeysGate { return finding.verification?.status.isLive == true }
        return !finding.suppressed && !finding.baselined && finding.severity >= threshold && (finding.status != .existing || existingGates)
    }

    /// True when every input was read and checked.
    public var isComplete: Bool { problems.isEmpty && !limitExceeded && (coverage?.gaps.isEmpty ?? true) }

    /// Sorts every list by path, then position, so reruns print identically.
    public mutating func sort() {
        findings.sort {
            ($0.origin.path, $0.origin.commit ?? "", $0.location.line, $0.location.column, $0.ruleID)
                < ($1.origin.path, $1.origin.commit ?? "", $1.location.line, $1.location.column, $1.ruleID)
        }
        skipped.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        problems.sort { ($0.path, $0.message) < ($1.path, $1.message) }
        trace.sort { ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID) }
    }
}
