/// A baseline file that cannot be read, parsed or written; the CLI exits 2
/// rather than scanning without the baseline the user asked for.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
