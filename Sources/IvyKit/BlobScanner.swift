import IvyBasics
import IvyChecks
import IvyMatching
import IvyModel
import IvySources

/// Scans each git blob once and remembers its findings by blob id, so a
/// blob shared by many commits or paths costs one read and one match.
final class BlobScanner {
    let detector: Detector
    let checks: HygieneChecks
    /// `ivymail-leaked-key`, when enabled: added by the git modes to keys that reached history.
    var leakedCheck: Check?
    let scratch = MatchScratch()
    let trace: Bool
    var progress: ScanProgress?
    /// The work tree's top level, when there is one: path checks read
    /// project markers (`app.json`, `manifest.json`) there.
    var workTree: String?
    private(set) var findings: [String: [Finding]] = [:]
    private(set) var traces: [String: [TraceEvent]] = [:]
    private(set) var skipped: [String: SkipReason] = [:]
    private(set) var missing: Set<String> = []
    private(set) var blobs = 0
    private(set) var bytes = 0
    private(set) var limitExceeded = false

    init(detector: Detector, checks: HygieneChecks, trace: Bool) {
        self.detector = detector
        self.checks = checks
        self.trace = trace
    }

    func scan(_ ids: some Sequence<String>, reader: BlobReader) throws(GitError) {
        var unique: [String] = []
        var seen = Set<String>()
        for id in ids where id != RawDiffEntry.zeroID && findings[id] == nil && seen.insert(id).inserted {
            unique.append(id)
        }
        progress?.found(unique.count, final: true)
        // Bounded batches keep one cat-file's queued input modest.
        var start = 0
        while start < unique.count {
            let batch = Array(unique[start..<min(unique.count, start + 4096)])
            try reader.read(batch) { id, blob in
                defer {
                    if case .bytes(let buffer) = blob { progress?.finished(bytes: buffer.count) } else { progress?.finished(bytes: 0) }
                }
                switch blob {
                case .bytes(let buffer):
                    blobs += 1
                    bytes += buffer.count
                    var detection = detector.scan(buffer, origin: Origin(path: ""), scratch: scratch, trace: trace)
                    checks.annotate(&detection.findings, bytes: buffer)
                    findings[id] = detection.findings
                    if !detection.trace.isEmpty { traces[id] = detection.trace }
                    if detection.limitExceeded { limitExceeded = true }
                case .skipped(let reason):
                    findings[id] = []
                    skipped[id] = reason
                case .missing:
                    findings[id] = []
                    missing.insert(id)
                }
            }
            start += batch.count
        }
    }

    func fingerprints(of id: String) -> Set<Fingerprint> {
        Set((findings[id] ?? []).map(\.fingerprint))
    }

    /// Path checks for a finding at `path` (relative to the top level).
    func classify(_ finding: inout Finding, path: String) {
        checks.classify(&finding, path: path, tracked: true, fsPath: workTree.map { Array(($0 + "/" + path).utf8) })
    }
}
