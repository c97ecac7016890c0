/// One thing `install-hooks` or `uninstall-hooks` did (or found), for the CLI to print.
public enum HookChange: Sendable, Equatable, CustomStringConvertible {
    case installed(HookKind, path: String)
    case updated(HookKind, path: String)
    case chained(HookKind, path: String, previous: String)
    case replaced(HookKind, path: String, previous: String)
    case removed(HookKind, path: String)
    case restored(HookKind, path: String, from: String)
    case leftForeign(HookKind, path: String)
    case notInstalled(HookKind)

    public var description: String {
        switch self {
        case .installed(let kind, let path): "installed \(kind.rawValue) hook: \(path)"
        case .updated(let kind, let path): "updated ivyscan's \(kind.rawValue) hook: \(path)"
        case .chained(let kind, let path, let previous):
            "installed \(kind.rawValue) hook: \(path); the existing hook, now \(previous), runs after a clean scan"
        case .replaced(let kind, let path, let previous):
            "installed \(kind.rawValue) hook: \(path); the existing hook was set aside as \(previous) (uninstall-hooks restores it)"
        case .removed(let kind, let path): "removed \(kind.rawValue) hook: \(path)"
        case .restored(let kind, let path, let from): "restored the previous \(kind.rawValue) hook from \(from) to \(path)"
        case .leftForeign(let kind, let path): "left \(path) alone: that \(kind.rawValue) hook was not installed by ivyscan"
        case .notInstalled(let kind): "no ivyscan \(kind.rawValue) hook installed"
        }
    }
}
