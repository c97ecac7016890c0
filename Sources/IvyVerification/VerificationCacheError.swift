/// The verification cache could not be read or written. Only ever a warning:
/// a scan never fails because of its cache.
public struct VerificationCacheError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "verification cache \(path): \(message)" }
}
