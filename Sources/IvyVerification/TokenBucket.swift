import IvyBasics

/// A token bucket holding one token, refilled at `rate` per second: requests
/// start at least 1/rate apart, across every worker, so a burst of keys never
/// exceeds IvyMail's limits (or the user's `--verify-rate`).
final class TokenBucket: @unchecked Sendable {
    private let interval: Double
    private let lock = Lock()
    private var nextSlot: Double

    init(rate: Double) {
        interval = 1 / rate
        nextSlot = Monotonic.now()
    }

    /// Reserves the next slot; waits until it comes. Returns false, without
    /// reserving, when the slot would come after `deadline`.
    func acquire(before deadline: Double) -> Bool {
        lock.lock()
        let slot = max(Monotonic.now(), nextSlot)
        guard slot < deadline else {
            lock.unlock()
            return false
        }
        nextSlot = slot + interval
        lock.unlock()
        Monotonic.sleep(slot - Monotonic.now())
        return true
    }
}
