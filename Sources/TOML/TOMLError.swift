/// A parse failure with the position of the offending byte, formatted the way
/// compilers do (`line:column: message`) so callers can prefix a file name.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: TOMLPosition

    public init(message: String, position: TOMLPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
