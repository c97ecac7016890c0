import Dispatch
import IvyBasics
import IvyReporting

/// The "still working" line on stderr for long scans: shown only on a
/// terminal, never with --quiet, and only after a second, so quick scans
/// and every pipe or CI log stay clean. A thread of its own redraws it a few
/// times a second from `ScanProgress`; workers never wait for it.
final class ProgressLine: @unchecked Sendable {
    let progress: ScanProgress
    private let console: Console
    private let condition = Condition()
    private var stopped = false
    private var drawn = false
    private let finished = DispatchSemaphore(value: 0)
    /// Seconds before the line first shows; `IVYSCAN_PROGRESS_DELAY` lets
    /// the end-to-end test see it on a quick scan.
    let delay: Double
    static let interval = 0.2

    /// Nil when no line should be shown.
    init?(unit: String, console: Console, quiet: Bool, environment: [String: String]) {
        guard console.stderrIsTerminal, !quiet, environment["TERM"] != "dumb" else { return nil }
        progress = ScanProgress(unit: unit)
        self.console = console
        delay = environment["IVYSCAN_PROGRESS_DELAY"].flatMap(Double.init).map { min(max($0, 0), 60) } ?? 1
    }

    func start() {
        let start = Monotonic.now()
        DispatchQueue.global(qos: .utility).async {
            self.condition.lock()
            var next = start + self.delay
            while !self.stopped {
                let wait = next - Monotonic.now()
                if wait > 0 {
                    self.condition.wait(seconds: wait)
                    continue
                }
                self.console.error("\r\u{1B}[K" + Self.text(self.progress.snapshot(), unit: self.progress.unit, elapsed: Monotonic.now() - start))
                self.drawn = true
                next = Monotonic.now() + Self.interval
            }
            if self.drawn { self.console.error("\r\u{1B}[K") }
            self.condition.unlock()
            self.finished.signal()
        }
    }

    /// Clears the line; returns once it is gone, so the report prints clean.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    /// "12,345/51,415 files · 420.0 MB · 610.2 MB/s · 1.2s"
    static func text(_ snapshot: ScanProgress.Snapshot, unit: String, elapsed: Double) -> String {
        let total = snapshot.totalIsFinal ? ByteCount.grouped(snapshot.total) : ByteCount.grouped(snapshot.total) + "+"
        let rate = elapsed > 0 ? Double(snapshot.bytes) / elapsed : 0
        return "ivyscan: \(ByteCount.grouped(snapshot.done))/\(total) \(unit) · \(ByteCount.format(snapshot.bytes)) · \(ByteCount.format(Int(rate)))/s · \(TimeFormat.formatSeconds(elapsed))"
    }
}
