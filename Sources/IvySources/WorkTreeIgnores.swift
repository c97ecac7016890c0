import GitIgnore
import IvyBasics

/// `.ivyscanignore` files for the git modes, read from the work tree as it
/// is now (the project's current policy, like `.gitleaksignore`), so the
/// pre-commit hook and CI skip what a directory scan skips. A file in
/// directory D only governs paths under D, so only the ancestors of each
/// scanned path are looked at: a few cached reads, no git call.
public final class WorkTreeIgnores {
    let root: [UInt8]
    /// Per directory (relative, ending in "/", "" for the root): its stack, or nil.
    private var stacks: [[UInt8]: IgnoreStack?] = [:]
    static let name = Array(".ivyscanignore".utf8)

    /// - Parameter root: the work tree's top level.
    public init(root: String) {
        var bytes = Array(root.utf8)
        if bytes.last != 0x2F { bytes.append(0x2F) }
        self.root = bytes
    }

    /// The work tree holding `directory`: the nearest ancestor with a `.git`
    /// entry (directory or file), as git finds it; nil outside one.
    public static func topLevel(from directory: String) -> String? {
        var path = directory.hasPrefix("/") ? directory : FileWalker.absolute(Array(directory.utf8))
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        while true {
            if FileSystem.exists(path + "/.git") { return path }
            guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// True when a `.ivyscanignore` in the path's directory or above ignores it.
    public func isIgnored(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        let directory = bytes.lastIndex(of: 0x2F).map { Array(bytes[...$0]) } ?? []
        guard let stack = stack(for: directory) else { return false }
        return stack.isIgnored(bytes, isDirectory: false)
    }

    /// The chain of ignore files from the root down to `directory`.
    private func stack(for directory: [UInt8]) -> IgnoreStack? {
        if let cached = stacks[directory] { return cached }
        var parent: IgnoreStack?
        if !directory.isEmpty {
            var up = Array(directory.dropLast())
            while let last = up.last, last != 0x2F { up.removeLast() }
            parent = stack(for: up)
        }
        var result = parent
        if let contents = FileWalker.readSmallFile(root + directory + Self.name) {
            let base = directory.isEmpty ? "" : String(decoding: directory.dropLast(), as: UTF8.self)
            result = IgnoreStack(parent: parent, files: [IgnoreFile(contents: contents, base: base)])
        }
        stacks[directory] = .some(result)
        return result
    }
}
