/// A rule's regex failed to compile; carries the pattern and PCRE2's reason.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    /// Byte offset in the pattern where PCRE2 stopped.
    public var offset: Int

    public var description: String { "invalid regex at offset \(offset): \(message)" }
}
