#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unix time, for what must agree with other machines: `Retry-After` dates
/// and the verification cache's timestamps. Rate limits and deadlines use
/// `Monotonic` instead. Callers take the clock as a parameter so tests can
/// move time without sleeping.
public enum WallClock {
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
