import IvySources

/// Why hooks could not be installed or removed.
public enum HookInstallError: Error, Sendable, CustomStringConvertible {
    /// Not a repository, or git failed.
    case git(GitError)
    /// Someone else's hook is in the way and no policy was chosen.
    case foreignHook(HookKind, path: String)
    /// A set-aside copy from an earlier install is still there; moving
    /// another hook onto it would lose one of them.
    case leftover(HookKind, path: String)
    /// Reading, writing or moving a file failed.
    case fileSystem(path: String, message: String)

    public var description: String {
        switch self {
        case .git(let error): error.description
        case .foreignHook(let kind, let path): "\(path) exists and was not installed by ivyscan; not replacing the \(kind.rawValue) hook"
        case .leftover(let kind, let path):
            "\(path) is left over from an earlier install; move it back to \(kind.rawValue) or delete it, then retry"
        case .fileSystem(let path, let message): "\(path): \(message)"
        }
    }
}
