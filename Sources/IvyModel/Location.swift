/// A secret's position: 1-based line and byte columns; `endColumn` is the
/// column of the secret's last byte (so a one-byte secret has column == endColumn).
public struct Location: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Byte offset of the secret's first byte in its fragment.
    public var offset: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.offset = offset
    }
}
