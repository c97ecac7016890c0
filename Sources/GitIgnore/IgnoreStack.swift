/// The ignore files in effect for one directory: its own plus every
/// ancestor's. Immutable and shared, so a walker pushes one node per
/// directory that has ignore files and hands it to children on any thread.
///
/// Precedence follows git: deeper levels beat shallower ones, later files
/// of a level beat earlier ones, and `excludes` (info/exclude,
/// core.excludesFile; later beats earlier) come last.
public final class IgnoreStack: Sendable {
    public let parent: IgnoreStack?
    /// This level's files; pass `[.gitignore, .ivyscanignore]` to let the latter win.
    public let files: [IgnoreFile]
    /// Lowest-precedence files, given at the root and inherited by every child.
    public let excludes: [IgnoreFile]

    /// A stack that ignores nothing.
    public static let empty = IgnoreStack(files: [], excludes: [])

    public init(parent: IgnoreStack?, files: [IgnoreFile]) {
        self.parent = parent
        self.files = files.filter { !$0.isEmpty }
        excludes = parent?.excludes ?? []
    }

    /// A root with lowest-precedence lists such as .git/info/exclude.
    public init(files: [IgnoreFile], excludes: [IgnoreFile]) {
        parent = nil
        self.files = files.filter { !$0.isEmpty }
        self.excludes = excludes.filter { !$0.isEmpty }
    }

    /// The stack for a child directory; `self` when `files` add no patterns,
    /// so pattern-free directories cost nothing.
    public func pushing(_ files: [IgnoreFile]) -> IgnoreStack {
        files.allSatisfy(\.isEmpty) ? self : IgnoreStack(parent: self, files: files)
    }

    /// Verdict for the entry itself, assuming no ancestor directory is
    /// ignored: what a walker that never descends into ignored directories needs.
    public func match(_ pathRelativeToRoot: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> IgnoreMatch {
        let basename = PathBytes.basenameStart(pathRelativeToRoot)
        var node: IgnoreStack? = self
        while let level = node {
            if let verdict = Self.verdict(level.files, pathRelativeToRoot, basename, isDirectory) { return verdict }
            node = level.parent
        }
        return Self.verdict(excludes, pathRelativeToRoot, basename, isDirectory) ?? .none
    }

    /// The hot path: no IgnoreFile is copied out, only a verdict comes back.
    @inline(__always)
    private static func verdict(
        _ files: [IgnoreFile], _ path: UnsafeBufferPointer<UInt8>, _ basename: Int, _ isDirectory: Bool
    ) -> IgnoreMatch? {
        var i = files.count
        while i > 0 {
            i -= 1
            let flat = files[i].flat
            if let index = flat.lastMatch(path, basenameStart: basename, isDirectory: isDirectory) {
                return flat.records[index].isNegated ? .included : .ignored
            }
        }
        return nil
    }

    public func match(_ pathRelativeToRoot: String, isDirectory: Bool) -> IgnoreMatch {
        PathBytes.withBytes(pathRelativeToRoot) { match($0, isDirectory: isDirectory) }
    }

    public func match(_ pathRelativeToRoot: [UInt8], isDirectory: Bool) -> IgnoreMatch {
        pathRelativeToRoot.withUnsafeBufferPointer { match($0, isDirectory: isDirectory) }
    }

    /// Whether git would leave the path out of `ls-files --others --exclude-standard`:
    /// the path or any ancestor directory is ignored (a negation cannot rescue
    /// a path whose parent is excluded). The stack must be the one for the
    /// path's parent directory.
    public func isIgnored(_ pathRelativeToRoot: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
        var end = 1
        while end < pathRelativeToRoot.count {
            if pathRelativeToRoot[end] == PathBytes.slash
                && match(UnsafeBufferPointer(rebasing: pathRelativeToRoot[..<end]), isDirectory: true) == .ignored
            {
                return true
            }
            end += 1
        }
        return match(pathRelativeToRoot, isDirectory: isDirectory) == .ignored
    }

    public func isIgnored(_ pathRelativeToRoot: String, isDirectory: Bool) -> Bool {
        PathBytes.withBytes(pathRelativeToRoot) { isIgnored($0, isDirectory: isDirectory) }
    }

    public func isIgnored(_ pathRelativeToRoot: [UInt8], isDirectory: Bool) -> Bool {
        pathRelativeToRoot.withUnsafeBufferPointer { isIgnored($0, isDirectory: isDirectory) }
    }

    /// The pattern `git check-ignore -v` would report: that of the shallowest
    /// ignored ancestor, else the path's own last match (possibly a negation).
    public func decidingPattern(
        _ pathRelativeToRoot: String, isDirectory: Bool
    ) -> (file: IgnoreFile, pattern: IgnorePattern)? {
        PathBytes.withBytes(pathRelativeToRoot) { path in
            let found = ignoredAncestor(path) ?? lastMatch(path, isDirectory: isDirectory)
            return found.map { (file: $0.file, pattern: $0.file.patterns[$0.index]) }
        }
    }

    /// Checks each proper ancestor as a directory, shallowest first, as git's
    /// prep_exclude does. Files at or below an ancestor never match it.
    private func ignoredAncestor(_ path: UnsafeBufferPointer<UInt8>) -> (file: IgnoreFile, index: Int)? {
        var end = 0
        while end < path.count {
            if path[end] == PathBytes.slash && end > 0 {
                let ancestor = UnsafeBufferPointer(rebasing: path[..<end])
                if match(ancestor, isDirectory: true) == .ignored { return lastMatch(ancestor, isDirectory: true) }
            }
            end += 1
        }
        return nil
    }

    private func lastMatch(
        _ path: UnsafeBufferPointer<UInt8>, isDirectory: Bool
    ) -> (file: IgnoreFile, index: Int)? {
        let basename = PathBytes.basenameStart(path)
        var node: IgnoreStack? = self
        while let level = node {
            var i = level.files.count
            while i > 0 {
                i -= 1
                if let index = level.files[i].lastMatch(path, basenameStart: basename, isDirectory: isDirectory) {
                    return (level.files[i], index)
                }
            }
            node = level.parent
        }
        var i = excludes.count
        while i > 0 {
            i -= 1
            if let index = excludes[i].lastMatch(path, basenameStart: basename, isDirectory: isDirectory) {
                return (excludes[i], index)
            }
        }
        return nil
    }
}
