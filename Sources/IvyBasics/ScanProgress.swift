/// Counters the scanning workers bump and a progress line reads. One short
/// lock per file or blob: a syscall per file already costs far more.
public final class ScanProgress: @unchecked Sendable {
    /// What is being counted, e.g. "files" or "blobs".
    public let unit: String
    private let lock = Lock()
    private var done = 0
    private var total = 0
    private var bytes = 0
    private var totalIsFinal = false

    public struct Snapshot: Sendable, Equatable {
        public var done: Int
        public var total: Int
        public var bytes: Int
        /// False while a directory walk may still find more.
        public var totalIsFinal: Bool
    }

    public init(unit: String) { self.unit = unit }

    /// More work found; `final` once nothing more can be found.
    public func found(_ count: Int, final: Bool = false) {
        lock.withLock {
            total += count
            if final { totalIsFinal = true }
        }
    }

    public func finished(bytes count: Int) {
        lock.withLock {
            done += 1
            bytes += count
        }
    }

    /// The walk is over: whatever was found is the total.
    public func markTotalFinal() { lock.withLock { totalIsFinal = true } }

    public func snapshot() -> Snapshot {
        lock.withLock { Snapshot(done: done, total: total, bytes: bytes, totalIsFinal: totalIsFinal) }
    }
}
