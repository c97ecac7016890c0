import IvyChecks
import IvyMatching
import IvyModel
import IvySources

/// Receives files from the walker's workers and runs the detector on them.
/// Each worker writes only its own slot, so no locks on the hot path.
final class Collector: FileVisitor, @unchecked Sendable {
    private final class Slot {
        let scratch = MatchScratch()
        var findings: [Finding] = []
        var skipped: [SkippedFile] = []
        var problems: [ScanProblem] = []
        var trace: [TraceEvent] = []
        var files = 0
        var bytes = 0
        var limitExceeded = false
    }

    private let detector: Detector
    private let checks: HygieneChecks
    private let slots: [Slot]
    private let trace: Bool

    init(detector: Detector, checks: HygieneChecks, workers: Int, trace: Bool) {
        self.detector = detector
        self.checks = checks
        self.trace = trace
        slots = (0..<max(1, workers)).map { _ in Slot() }
    }

    func scan(_ file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, worker: Int) {
        let slot = slots[worker]
        slot.files += 1
        slot.bytes += bytes.count
        var detection = detector.scan(bytes, origin: Origin(path: file.displayPath), scratch: slot.scratch, trace: trace)
        if !detection.findings.isEmpty {
            checks.annotate(&detection.findings, bytes: bytes)
            for index in detection.findings.indices {
                checks.classify(&detection.findings[index], path: file.displayPath, tracked: file.tracked, fsPath: file.fsPath)
            }
            slot.findings += detection.findings
        }
        if !detection.trace.isEmpty { slot.trace += detection.trace }
        if detection.limitExceeded {
            slot.limitExceeded = true
            slot.problems.append(ScanProblem(path: file.displayPath, message: "regex match limit reached; part of the file was not checked"))
        }
    }

    func skipped(_ file: SkippedFile, worker: Int) { slots[worker].skipped.append(file) }

    func problem(_ problem: ScanProblem, worker: Int) { slots[worker].problems.append(problem) }

    /// Call after the walk has finished.
    func report() -> ScanReport {
        var report = ScanReport()
        for slot in slots {
            report.findings += slot.findings
            report.skipped += slot.skipped
            report.problems += slot.problems
            report.trace += slot.trace
            report.filesScanned += slot.files
            report.bytesScanned += slot.bytes
            report.limitExceeded = report.limitExceeded || slot.limitExceeded
        }
        checks.crossCheck(&report.findings)
        report.sort()
        return report
    }
}
