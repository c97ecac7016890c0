/// git failed or said no; carries what it was asked and what it answered,
/// so the user sees git's own words.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// git is not installed or could not start.
        case unavailable
        /// Not a git repository (or one git refuses, e.g. dubious ownership).
        case notARepository
        /// A revision the user gave does not name a commit.
        case badRevision(String)
        /// Any other non-zero exit.
        case failed(status: Int32)
    }

    public var kind: Kind
    public var arguments: [String]
    public var stderr: String

    public init(kind: Kind, arguments: [String], stderr: String) {
        self.kind = kind
        self.arguments = arguments
        self.stderr = stderr
    }

    public var description: String {
        let detail = stderr.split(separator: "\n").first.map(String.init) ?? ""
        switch kind {
        case .unavailable: return "git is not available: \(detail.isEmpty ? "install git" : detail)"
        case .notARepository:
            // git's own line is useful for "dubious ownership", noise otherwise.
            return detail.contains("dubious ownership") ? "git refuses this repository: \(detail)" : "not a git repository (run inside a work tree, or pass --repo DIR)"
        case .badRevision(let revision): return "unknown revision '\(revision)'\(detail.isEmpty ? "" : ": \(detail)")"
        case .failed(let status): return "git \(arguments.first ?? "") failed (exit \(status))\(detail.isEmpty ? "" : ": \(detail)")"
        }
    }
}
