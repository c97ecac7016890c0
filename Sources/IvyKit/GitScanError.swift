import IvyMatching
import IvySources

/// Why a git-mode scan could not run at all.
public enum GitScanError: Error, Sendable, CustomStringConvertible {
    /// Bad revision, not a repository, malformed hook input: exit 2.
    case usage(String)
    /// git itself failed mid-scan: exit 3, the scan is incomplete.
    case git(GitError)
    case rules(RuleError)

    public var description: String {
        switch self {
        case .usage(let message): message
        case .git(let error): error.description
        case .rules(let error): error.description
        }
    }

    static func from(_ error: GitError) -> GitScanError {
        switch error.kind {
        case .badRevision, .notARepository: .usage(error.description)
        case .unavailable, .failed: .git(error)
        }
    }
}
