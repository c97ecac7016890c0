/// One entry `baseline audit` flags, with every reason at once, so a single
/// pass over the list fixes each entry.
public struct BaselineAuditItem: Sendable, Equatable {
    public var entry: BaselineEntry
    public var problems: [BaselineStaleness]
}
