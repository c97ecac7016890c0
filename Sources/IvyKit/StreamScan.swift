import IvyBasics
import IvyChecks
import IvyConfig
import IvyMatching
import IvyModel
import IvySources

/// The pipeline for standard input (`ivyscan scan -`): logs, CI output,
/// `kubectl get secret -o yaml`, anything piped, of any length. Overlapping
/// windows (`StreamWindows`) keep memory bounded; each match is reported by
/// exactly one window, at its place in the whole stream.
public enum StreamScan {
    /// How stdin is named in reports.
    public static let displayName = "(stdin)"

    public static func run(fd: Int32 = 0, name: String = displayName, trace: Bool = false, config: ResolvedConfig,
                           windowSize: Int = 4 << 20) throws(RuleError) -> ScanReport {
        let start = Monotonic.now()
        let detector = try Detector(rules: config.rules, allowValues: config.allowValues)
        let checks = HygieneChecks(rules: config.rules, checks: config.checks)
        let scratch = MatchScratch()
        var report = ScanReport()
        var binary = false
        let failure = StreamWindows(fd: fd, size: windowSize, overlap: min(64 << 10, windowSize / 2)).forEach { window in
            guard !binary else { return }
            if window.start == 0, window.bytes.prefix(8192).contains(0) {
                binary = true
                return
            }
            var detection = detector.scan(window.bytes, origin: Origin(path: name), scratch: scratch, trace: trace)
            checks.annotate(&detection.findings, bytes: window.bytes)
            let owned = { (offset: Int) in window.handoff.map { window.start + offset < $0 } ?? true }
            for var finding in detection.findings where owned(finding.location.offset) {
                if finding.location.line == 1 { finding.location.column += window.columnBefore }
                if finding.location.endLine == 1 { finding.location.endColumn += window.columnBefore }
                finding.location.line += window.linesBefore
                finding.location.endLine += window.linesBefore
                finding.location.offset += window.start
                checks.classify(&finding, path: name, tracked: nil)
                report.findings.append(finding)
            }
            // Trace events carry no offset: own them by line and column instead.
            var handoffLine = Int.max, handoffColumn = 0
            if let handoff = window.handoff {
                let cut = handoff - window.start
                let lineStart = window.bytes[0..<cut].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                handoffLine = 1 + window.bytes[0..<cut].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                handoffColumn = cut - lineStart
            }
            for var event in detection.trace where event.line < handoffLine || (event.line == handoffLine && event.column - 1 < handoffColumn) {
                if event.line == 1 { event.column += window.columnBefore }
                event.line += window.linesBefore
                report.trace.append(event)
            }
            if detection.limitExceeded { report.limitExceeded = true }
            report.bytesScanned = window.start + window.bytes.count
        }
        if binary {
            report.skipped.append(SkippedFile(path: name, reason: .binary))
        } else {
            report.filesScanned = 1
        }
        if let failure { report.problems.append(ScanProblem(path: name, message: "read failed: \(failure); what came before was scanned")) }
        if report.limitExceeded {
            report.problems.append(ScanProblem(path: name, message: "regex match limit reached; part of the input was not checked"))
        }
        checks.crossCheck(&report.findings)
        FingerprintAllowlist.apply(FingerprintAllowlist.fingerprints(config), to: &report)
        report.sort()
        report.duration = Monotonic.now() - start
        return report
    }
}
