/// The source line a finding sits on, with every secret span on it marked,
/// so reporters can redact all of them, not just the finding's own.
public struct Snippet: Sendable, Hashable {
    /// The line's bytes, possibly a window of a long line.
    public var bytes: [UInt8]
    /// The finding's secret within `bytes`.
    public var primary: Range<Int>
    /// Every secret on the line (including `primary`), sorted, non-overlapping.
    public var secrets: [Range<Int>]
    /// True when `bytes` starts or ends inside the line (long lines are cut).
    public var truncatedStart: Bool
    public var truncatedEnd: Bool

    public init(bytes: [UInt8], primary: Range<Int>, secrets: [Range<Int>], truncatedStart: Bool, truncatedEnd: Bool) {
        self.bytes = bytes
        self.primary = primary
        self.secrets = secrets
        self.truncatedStart = truncatedStart
        self.truncatedEnd = truncatedEnd
    }
}
