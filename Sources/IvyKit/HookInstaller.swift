#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvySources

/// Puts ivyscan's hook scripts into a repository's hooks directory and takes
/// them out again. A hook someone else wrote is never lost: install refuses,
/// or moves it aside under a name uninstall knows how to restore.
public struct HookInstaller: Sendable {
    /// Where git looks for this repository's hooks (core.hooksPath honoured).
    public let hooksDirectory: String

    static let chainedSuffix = ".ivyscan-chained"
    static let replacedSuffix = ".ivyscan-replaced"

    public init(repository directory: String, environment: [String: String]) throws(HookInstallError) {
        do {
            hooksDirectory = try Self.findHooksDirectory(GitCommand(directory: directory, environment: environment), from: directory)
        } catch {
            throw .git(error)
        }
    }

    public func path(of kind: HookKind) -> String { hooksDirectory + "/" + kind.rawValue }

    // MARK: install and uninstall

    /// Installs `kinds`. Every hook is checked before any file changes, so a
    /// refusal leaves the directory as it was.
    public func install(_ kinds: [HookKind], policy: HookConflictPolicy) throws(HookInstallError) -> [HookChange] {
        var states: [(HookKind, HookFileState)] = []
        for kind in kinds {
            let state = Self.state(of: path(of: kind))
            if state == .foreign {
                let suffix: String
                switch policy {
                case .refuse: throw .foreignHook(kind, path: path(of: kind))
                case .chain: suffix = Self.chainedSuffix
                case .replace: suffix = Self.replacedSuffix
                }
                if Self.exists(path(of: kind) + suffix) { throw .leftover(kind, path: path(of: kind) + suffix) }
            }
            states.append((kind, state))
        }
        do {
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(path: hooksDirectory, message: "cannot create the hooks directory: \(error)")
        }
        var changes: [HookChange] = []
        for (kind, state) in states {
            let path = path(of: kind)
            switch state {
            case .absent:
                try Self.write(kind.script, to: path)
                changes.append(.installed(kind, path: path))
            case .ours:
                try Self.write(kind.script, to: path)
                changes.append(.updated(kind, path: path))
            case .foreign:
                let chain = policy == .chain
                let aside = path + (chain ? Self.chainedSuffix : Self.replacedSuffix)
                try Self.move(path, to: aside)
                try Self.write(kind.script, to: path)
                changes.append(chain ? .chained(kind, path: path, previous: aside) : .replaced(kind, path: path, previous: aside))
            }
        }
        return changes
    }

    /// Removes ivyscan's hooks and puts back what install set aside; leaves
    /// every hook ivyscan did not write untouched.
    public func uninstall() throws(HookInstallError) -> [HookChange] {
        var changes: [HookChange] = []
        for kind in HookKind.allCases {
            let path = path(of: kind)
            var removed = false
            switch Self.state(of: path) {
            case .foreign:
                changes.append(.leftForeign(kind, path: path))
                continue
            case .ours:
                guard unlink(path) == 0 else {
                    throw .fileSystem(path: path, message: "cannot remove: \(String(cString: strerror(errno)))")
                }
                changes.append(.removed(kind, path: path))
                removed = true
            case .absent:
                break
            }
            // Put back the hook install moved aside (also when ours was deleted by hand).
            if let aside = [Self.chainedSuffix, Self.replacedSuffix].map({ path + $0 }).first(where: Self.exists) {
                try Self.move(aside, to: path)
                changes.append(.restored(kind, path: path, from: aside))
            } else if !removed {
                changes.append(.notInstalled(kind))
            }
        }
        return changes
    }

    // MARK: finding the hooks directory

    /// The hooks directory as git resolves it. ivyscan's hardened git pins
    /// `core.hooksPath` to /dev/null on the command line, so
    /// `rev-parse --git-path hooks` cannot answer here; instead read the
    /// repository's own setting (ignoring command-line scope) and resolve it
    /// the way git does: relative to where hooks run, the top of the work tree.
    static func findHooksDirectory(_ git: GitCommand, from directory: String) throws(GitError) -> String {
        let base = absolute(directory, against: FileManager.default.currentDirectoryPath)
        let commonDirectory: String
        if let path = try? git.text(["rev-parse", "--path-format=absolute", "--git-common-dir"]), path.hasPrefix("/") {
            commonDirectory = path
        } else {
            commonDirectory = absolute(try git.text(["rev-parse", "--git-common-dir"]), against: base)
        }
        guard let configured = configuredHooksPath(git) else { return commonDirectory + "/hooks" }
        if configured.hasPrefix("/") { return normalized(configured) }
        let bare = (try? git.text(["rev-parse", "--is-bare-repository"])) == "true"
        let runDirectory = bare ? try git.text(["rev-parse", "--absolute-git-dir"]) : try git.text(["rev-parse", "--show-toplevel"])
        return normalized(absolute(configured, against: runDirectory))
    }

    /// The last `core.hooksPath` from the repository's config files (local,
    /// worktree, global, system), `~` expanded by git; nil when unset.
    static func configuredHooksPath(_ git: GitCommand) -> String? {
        guard let output = try? git.text(["config", "--show-scope", "--type=path", "--get-all", "core.hooksPath"]) else { return nil }
        var value: String?
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, fields[0] != "command" else { continue }
            value = String(fields[1])
        }
        return value?.isEmpty == false ? value : nil
    }

    static func absolute(_ path: String, against base: String) -> String {
        path.hasPrefix("/") ? path : base + "/" + path
    }

    /// Removes `.` segments and doubled slashes, for readable messages.
    static func normalized(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }

    // MARK: files

    /// What is at a hook's path now.
    static func state(of path: String) -> HookFileState {
        guard exists(path) else { return .absent }
        guard let data = FileManager.default.contents(atPath: path) else { return .foreign }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").contains { $0.hasPrefix(HookKind.marker) } ? .ours : .foreign
    }

    /// True for anything at `path`, a dangling symlink included.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes an executable script through a temporary file and a rename,
    /// so git never runs a half-written hook.
    static func write(_ script: String, to path: String) throws(HookInstallError) {
        let temporary = path + ".ivyscan-tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(script.utf8)) else {
            throw .fileSystem(path: temporary, message: "cannot write")
        }
        guard chmod(temporary, 0o755) == 0, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw .fileSystem(path: path, message: "cannot install: \(message)")
        }
    }

    static func move(_ source: String, to destination: String) throws(HookInstallError) {
        guard rename(source, destination) == 0 else {
            throw .fileSystem(path: source, message: "cannot move to \(destination): \(String(cString: strerror(errno)))")
        }
    }
}
