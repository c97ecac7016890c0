/// What `install-hooks` does when the hook file already belongs to someone else.
public enum HookConflictPolicy: Sendable {
    /// Stop and explain the options: never lose a hook silently.
    case refuse
    /// Keep the other hook as `<name>.ivyscan-chained` and run it after a clean scan.
    case chain
    /// Set the other hook aside as `<name>.ivyscan-replaced` (not run);
    /// `uninstall-hooks` puts it back.
    case replace
}
