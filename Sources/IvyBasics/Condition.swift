#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread condition variable with its own mutex (NSCondition without Foundation).
public final class Condition: @unchecked Sendable {
    private let lockObject = Lock()
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        condition = .allocate(capacity: 1)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    public func lock() { lockObject.lock() }
    public func unlock() { lockObject.unlock() }
    /// Call with the lock held; returns with it held.
    public func wait() { pthread_cond_wait(condition, lockObject.mutex) }
    /// Call with the lock held; returns with it held, after a broadcast or
    /// once `seconds` have passed (wall clock; spurious wake-ups possible).
    public func wait(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let whole = Int(seconds)
        var deadline = timespec()
        deadline.tv_sec = now.tv_sec + whole
        deadline.tv_nsec = now.tv_nsec + Int((seconds - Double(whole)) * 1e9)
        if deadline.tv_nsec >= 1_000_000_000 {
            deadline.tv_sec += 1
            deadline.tv_nsec -= 1_000_000_000
        }
        pthread_cond_timedwait(condition, lockObject.mutex, &deadline)
    }

    public func broadcast() { pthread_cond_broadcast(condition) }
}
