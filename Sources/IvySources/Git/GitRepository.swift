#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A git repository as ivyscan sees it: where it is, what HEAD is, whether
/// it is shallow, and how user-given revisions resolve.
public struct GitRepository: Sendable {
    public static let zeroID = String(repeating: "0", count: 40)

    public let git: GitCommand
    /// Absolute path of the work tree's top level (or the git dir if bare).
    public let topLevel: String
    public let isShallow: Bool

    /// nil in a repository with no commits yet. Asked on demand: the staged
    /// scan (a pre-commit hook) never needs it, and every git call costs ms.
    public var head: String? { try? git.text(["rev-parse", "--verify", "-q", "HEAD^{commit}"]) }

    public init(at directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(GitError) {
        let probe = GitCommand(directory: directory, environment: environment)
        do {
            let lines = try probe.text(["rev-parse", "--show-toplevel", "--is-shallow-repository"]).split(separator: "\n").map(String.init)
            topLevel = lines.count == 2 ? lines[0] : directory
            isShallow = lines.last == "true"
        } catch {
            // A bare repository (a mirror, a server-side clone) has no work
            // tree, so --show-toplevel fails; its history is still scannable.
            let lines = try? probe.text(["rev-parse", "--is-bare-repository", "--is-shallow-repository"]).split(separator: "\n").map(String.init)
            guard let lines, lines.first == "true" else { throw error }
            topLevel = directory
            isShallow = lines.last == "true"
        }
        git = GitCommand(directory: topLevel, environment: environment)
    }

    /// The commit a user-given revision names. The revision is passed after
    /// `--end-of-options`, so `--output=x` is a (bad) revision, never an option.
    public func commit(_ revision: String) throws(GitError) -> String {
        do {
            return try git.text(["rev-parse", "--verify", "--end-of-options", revision + "^{commit}"])
        } catch {
            throw GitError(kind: .badRevision(revision), arguments: error.arguments, stderr: error.stderr)
        }
    }

    /// Commits selected by rev-list arguments, oldest first (parents
    /// before children), merges included. Arguments must be resolved ids or
    /// fixed pseudo-options (`--not`, `--remotes`, `--all`), never raw user text.
    public func commits(_ selection: [String]) throws(GitError) -> [String] {
        guard !selection.isEmpty else { return [] }
        let output = try git.run(["rev-list", "--reverse", "--topo-order"] + selection)
        return output.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Blob ids in HEAD's tree (for "is this secret still in HEAD?").
    public func headBlobs() throws(GitError) -> Set<String> {
        guard let head = self.head else { return [] }
        let output = try git.run(["ls-tree", "-r", "-z", "--full-tree", head])
        var blobs = Set<String>()
        for record in output.split(separator: 0) {
            // <mode> SP <type> SP <id> TAB <path>
            let fields = record.prefix { $0 != 0x09 }.split(separator: UInt8(ascii: " "))
            if fields.count == 3, fields[1].elementsEqual("blob".utf8) { blobs.insert(String(decoding: fields[2], as: UTF8.self)) }
        }
        return blobs
    }

    public static func isObjectID(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit }
    }

    /// Commits whose parents were cut off by a shallow clone.
    public func shallowBoundary() -> Set<String> {
        guard isShallow, let gitDir = try? git.text(["rev-parse", "--absolute-git-dir"]),
              let data = FileManager.default.contents(atPath: gitDir + "/shallow")
        else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// True when the commit exists locally.
    public func hasCommit(_ id: String) -> Bool {
        git.succeeds(["cat-file", "-e", "--end-of-options", id + "^{commit}"])
    }
}
