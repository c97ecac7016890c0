/// The git hooks ivyscan can install, named as git names their files.
public enum HookKind: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case prePush = "pre-push"

    /// The script to install (the same text as hooks/<name> in the repository).
    public var script: String {
        switch self {
        case .preCommit: HookScripts.preCommit
        case .prePush: HookScripts.prePush
        }
    }

    /// The line that marks a hook file as ivyscan's, so reinstalling updates it
    /// and uninstalling removes it while anyone else's hook is left alone.
    public static let marker = "# ivyscan-managed-hook"
}
