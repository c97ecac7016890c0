#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GitIgnore
import IvyBasics
import IvyModel

/// Enumerates and reads the files under the scan roots on `threads` workers.
///
/// Inside a git work tree the file list comes from git; elsewhere a parallel
/// traversal applies git's ignore rules level by level. Symlinks found while
/// walking are never followed (so no loop and no escape from the root),
/// `.git/` is never entered, and FIFOs, sockets and devices are never opened.
public enum FileWalker {
    public static let ignoreFileNames: [[UInt8]] = [Array(".gitignore".utf8), Array(".ivyscanignore".utf8)]

    /// One unit of work on the shared stack.
    enum Job {
        case directory(fsPath: [UInt8], relative: [UInt8], display: String, ignores: IgnoreStack?)
        case file(SourceFile)
    }

    public static func walk(roots: [String], options: WalkOptions, visitor: some FileVisitor) {
        let queue = JobQueue()
        let prefixDisplay = roots.count > 1
        var walking = false
        for root in roots {
            walking = seed(root: root, prefixDisplay: prefixDisplay, options: options, queue: queue, visitor: visitor) || walking
        }
        if !walking { options.progress?.markTotalFinal() }
        let threads = options.threads
        // A git file list is complete when seeded; a walk knows its total only at the end.
        defer { options.progress?.markTotalFinal() }
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let reader = FileReader(maxFileSize: options.maxFileSize)
            while let job = queue.next() {
                var produced: [Job] = []
                switch job {
                case .file(let file):
                    scan(file, reader: reader, options: options, visitor: visitor, worker: worker)
                case .directory(let fsPath, let relative, let display, let ignores):
                    produced = expand(fsPath, relative, display, ignores, options: options, visitor: visitor, worker: worker)
                }
                queue.finish(adding: produced)
            }
        }
    }

    /// Display paths: relative to the root when there is one root, else
    /// prefixed with the root as given (like ripgrep), `/`-separated.
    static func displayPrefix(for root: String, prefixDisplay: Bool) -> String {
        guard prefixDisplay else { return "" }
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed == "." { return "" }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// Queues one root; true when it is a directory to walk (so the total of
    /// files is not known yet), false for a file or a git file list.
    @discardableResult
    private static func seed(root: String, prefixDisplay: Bool, options: WalkOptions, queue: JobQueue, visitor: some FileVisitor) -> Bool {
        var info = stat()
        // Roots are followed if they are symlinks: the user named them.
        guard stat(root, &info) == 0 else {
            visitor.problem(ScanProblem(path: root, message: String(cString: strerror(errno))), worker: 0)
            return false
        }
        let rootBytes = Array(root.utf8)
        if (info.st_mode & S_IFMT) != S_IFDIR {
            options.progress?.found(1)
            queue.push(.file(SourceFile(fsPath: rootBytes, displayPath: root)))
            return false
        }
        let prefix = displayPrefix(for: root, prefixDisplay: prefixDisplay)
        let base = rootBytes.last == UInt8(ascii: "/") ? rootBytes : rootBytes + [UInt8(ascii: "/")]
        if options.useGit, options.respectIgnore, let listed = GitFileList.list(in: root), !listed.isEmpty {
            let filter = ScanIgnoreFilter(root: base, listed: listed.map(\.path))
            var count = 0
            for (relative, tracked) in listed where !filter.isIgnored(relative) {
                let display = prefix + String(decoding: relative, as: UTF8.self)
                queue.push(.file(SourceFile(fsPath: base + relative, displayPath: display, tracked: tracked)))
                count += 1
            }
            options.progress?.found(count)
            return false
        }
        var ignores: IgnoreStack?
        if options.respectIgnore, let exclude = readSmallFile(base + Array(".git/info/exclude".utf8)) {
            ignores = IgnoreStack(files: [], excludes: [IgnoreFile(contents: exclude, base: "", source: ".git/info/exclude")])
        }
        queue.push(.directory(fsPath: base, relative: [], display: prefix, ignores: ignores))
        return true
    }

    private static func scan(_ file: SourceFile, reader: FileReader, options: WalkOptions, visitor: some FileVisitor, worker: Int) {
        var size = 0
        defer { options.progress?.finished(bytes: size) }
        if let allowlisted = options.isAllowlisted, allowlisted(absolute(file.fsPath)) { return }
        switch reader.read(file.fsPath) {
        case .bytes(let bytes):
            size = bytes.count
            visitor.scan(file, bytes: bytes, worker: worker)
        case .skipped(let reason): visitor.skipped(SkippedFile(path: file.displayPath, reason: reason), worker: worker)
        case .failed(let message): visitor.problem(ScanProblem(path: file.displayPath, message: message), worker: worker)
        case .vanished: break
        }
    }

    /// Lists one directory: applies its ignore files, queues subdirectories
    /// and files, reports special files as skipped.
    private static func expand(
        _ fsPath: [UInt8], _ relative: [UInt8], _ display: String, _ parentIgnores: IgnoreStack?,
        options: WalkOptions, visitor: some FileVisitor, worker: Int
    ) -> [Job] {
        let entries: [DirectoryEntry]
        do {
            entries = try DirectoryEntry.list(fsPath)
        } catch {
            visitor.problem(ScanProblem(path: display.isEmpty ? "." : String(display.dropLast()), message: error.message), worker: worker)
            return []
        }
        var ignores = parentIgnores
        if options.respectIgnore {
            var files: [IgnoreFile] = []
            let base = relative.isEmpty ? "" : String(decoding: relative.dropLast(), as: UTF8.self)
            for name in ignoreFileNames where entries.contains(where: { $0.name == name && $0.kind == .file }) {
                if let contents = readSmallFile(fsPath + name) { files.append(IgnoreFile(contents: contents, base: base)) }
            }
            if !files.isEmpty { ignores = IgnoreStack(parent: parentIgnores, files: files) }
        }
        var jobs: [Job] = []
        var files = 0
        defer { if files > 0 { options.progress?.found(files) } }
        for entry in entries {
            let isDirectory = entry.kind == .directory
            if entry.name == DirectoryEntry.gitName { continue }
            let childRelative = relative + entry.name
            // Ignored directories are never entered, so the entry alone decides.
            if let ignores, childRelative.withUnsafeBufferPointer({ ignores.match($0, isDirectory: isDirectory) }) == .ignored {
                continue
            }
            let childDisplay = display + String(decoding: entry.name, as: UTF8.self)
            switch entry.kind {
            case .directory:
                jobs.append(.directory(
                    fsPath: fsPath + entry.name + [UInt8(ascii: "/")], relative: childRelative + [UInt8(ascii: "/")],
                    display: childDisplay + "/", ignores: ignores))
            case .file:
                files += 1
                jobs.append(.file(SourceFile(fsPath: fsPath + entry.name, displayPath: childDisplay)))
            case .symlink:
                visitor.skipped(SkippedFile(path: childDisplay, reason: .symlink), worker: worker)
            case .special:
                visitor.skipped(SkippedFile(path: childDisplay, reason: .notRegularFile), worker: worker)
            }
        }
        return jobs
    }

    static func absolute(_ path: [UInt8]) -> String {
        let text = String(decoding: path, as: UTF8.self)
        if text.hasPrefix("/") { return text }
        return FileManager.default.currentDirectoryPath + "/" + text
    }

    /// Ignore files are small; anything odd (FIFO, huge, unreadable) is ignored.
    public static func readSmallFile(_ path: [UInt8]) -> [UInt8]? {
        let reader = FileReader(maxFileSize: 1 << 20)
        if case .bytes(let bytes) = reader.read(path) { return Array(bytes) }
        return nil
    }
}
