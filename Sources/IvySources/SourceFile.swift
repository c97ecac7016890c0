/// A file the walker found: the bytes of its path for the system calls
/// (names need not be UTF-8) and the display path for reports.
public struct SourceFile: Sendable, Hashable {
    /// Path to open, as bytes, relative to the working directory or absolute.
    public var fsPath: [UInt8]
    /// Relative to the scan root, `/`-separated; for file roots, as given.
    public var displayPath: String
    /// Whether git tracks the file; nil when git was not asked (no work tree).
    public var tracked: Bool?

    public init(fsPath: [UInt8], displayPath: String, tracked: Bool? = nil) {
        self.fsPath = fsPath
        self.displayPath = displayPath
        self.tracked = tracked
    }
}
