/// What recording into a baseline changed, for the CLI's one-line summary
/// (a reviewer sees at once whether an update only dropped stale entries).
public struct BaselineChange: Sendable, Equatable {
    public var added: Int
    public var removed: Int
    public var kept: Int
}
