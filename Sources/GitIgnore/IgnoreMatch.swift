/// The verdict of the last pattern that matched, so callers can tell
/// "explicitly re-included" apart from "nothing said anything".
public enum IgnoreMatch: Sendable, Hashable {
    /// No pattern matched.
    case none
    /// The deciding pattern was a plain (non-negated) one.
    case ignored
    /// The deciding pattern was a `!` negation.
    case included
}
