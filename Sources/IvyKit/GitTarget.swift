/// What a git-mode scan looks at.
public enum GitTarget: Sendable, Equatable {
    /// The index against HEAD: what `git commit` would record.
    case staged
    /// Commits reachable from `head` but not from `base` (`base` nil: all of
    /// `head`'s history that is available).
    case range(base: String?, head: String, reason: String)
    /// Every commit of these revisions (`--all` for every ref).
    case history(revisions: [String])
    /// git's pre-push stdin: one update per line.
    case prePush(updates: [PushUpdate])
}

/// One line of git's pre-push input.
public struct PushUpdate: Sendable, Equatable {
    public var localRef: String
    public var localID: String
    public var remoteRef: String
    public var remoteID: String

    /// Parses `<local ref> SP <local id> SP <remote ref> SP <remote id>` lines.
    public static func parse(_ text: String) -> [PushUpdate] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4 else { return nil }
            return PushUpdate(localRef: fields[0], localID: fields[1], remoteRef: fields[2], remoteID: fields[3])
        }
    }
}
