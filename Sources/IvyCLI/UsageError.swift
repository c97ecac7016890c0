/// A command line the user must fix; printed with a pointer to help, exit 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}
