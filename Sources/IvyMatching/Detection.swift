import IvyModel

/// What matching one fragment produced.
public struct Detection: Sendable {
    public var findings: [Finding] = []
    public var trace: [TraceEvent] = []
    /// PCRE2 gave up on a region (match or depth limit): coverage is incomplete.
    public var limitExceeded = false

    public init() {}
}
