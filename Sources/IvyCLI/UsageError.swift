/// A command line the user must fix; printed with a pointer to help, exit 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var command: String?
    /// `-h`/`--help` (or `ivyscan git help`): not a mistake. `CLI.fail`
    /// prints the command's help and exits 0, so no command handles it itself.
    public var helpRequested = false

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public static func help(command: String) -> UsageError {
        var error = UsageError("help requested", command: command)
        error.helpRequested = true
        return error
    }

    public var description: String { message }
}
