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
    public func broadcast() { pthread_cond_broadcast(condition) }
}
