/// An unusable `--api-base` / `IVYSCAN_API_BASE`: a usage error (exit 2).
public struct APIBaseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
