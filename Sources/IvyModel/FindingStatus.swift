/// Where a git-mode finding stands relative to what is already committed.
public enum FindingStatus: String, Sendable, Hashable, Codable {
    /// Added by the change being checked (staged, range, push): gates.
    case new
    /// Already in HEAD in a touched file: a warning, gating only with
    /// `--fail-on-existing`, because blocking the commit cannot un-leak it.
    case existing
    /// Found in history (`git history`): it was committed, so rotate it.
    case history
}
