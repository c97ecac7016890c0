import Foundation

/// A wall clock tests move by hand, so expiry is tested without sleeping.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double

    init(_ seconds: Double) { self.seconds = seconds }

    var now: Double {
        get { lock.withLock { seconds } }
        set { lock.withLock { seconds = newValue } }
    }

    /// The closure `VerificationCache` and `Verifier` take.
    var function: @Sendable () -> Double { { self.now } }
}
