/// What occupies a hook's path: decides whether install may write there
/// and whether uninstall may remove it.
enum HookFileState: Sendable, Equatable {
    case absent
    /// Carries ivyscan's marker line.
    case ours
    /// Anything else: someone's own hook, another tool's, a symlink, a directory.
    case foreign
}
