#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs the git binary so that a scanned repository cannot make it run code
/// or change what it reports: no fsmonitor, hooks, pager, external diff or
/// textconv drivers, replace refs, or inherited GIT_* steering variables
/// (except the ones a hook legitimately receives from git).
public struct GitCommand: Sendable {
    /// `-c` settings that override anything in the repository's config.
    static let hardening = [
        "-c", "core.fsmonitor=false",
        "-c", "core.untrackedCache=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.pager=cat",
        "-c", "core.quotePath=false",
        "-c", "diff.external=",
        "-c", "color.ui=false",
        "-c", "log.showSignature=false",
        "--no-pager",
    ]

    /// GIT_* variables a hook needs to address the right repository and index.
    static let passedThrough: Set<String> = [
        "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    ]

    public let directory: String
    let environment: [String: String]

    public init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        var clean: [String: String] = [:]
        for (key, value) in environment where !key.hasPrefix("GIT_") || GitCommand.passedThrough.contains(key) {
            clean[key] = value
        }
        clean["GIT_OPTIONAL_LOCKS"] = "0"
        clean["GIT_TERMINAL_PROMPT"] = "0"
        clean["GIT_NO_REPLACE_OBJECTS"] = "1"
        clean["LC_ALL"] = "C"
        self.environment = clean
    }

    /// Starts git; the caller streams its output.
    public func start(_ arguments: [String], stdin: Bool = false) throws(GitError) -> GitProcess {
        try GitProcess(arguments: arguments, command: self, stdin: stdin)
    }

    /// Runs git to completion and returns stdout; throws with stderr on failure.
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws(GitError) -> [UInt8] {
        let process = try start(arguments, stdin: input != nil)
        if let input { process.writeInputInBackground(input) }
        var output: [UInt8] = []
        process.stdout.readAll(into: &output)
        try process.finish()
        return output
    }

    /// Like `run`, as text with the trailing newline removed.
    public func text(_ arguments: [String]) throws(GitError) -> String {
        var text = String(decoding: try run(arguments), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Exit status only, for yes/no questions (`rev-parse --verify`).
    public func succeeds(_ arguments: [String]) -> Bool {
        guard let process = try? start(arguments) else { return false }
        var sink: [UInt8] = []
        process.stdout.readAll(into: &sink)
        return (try? process.finish()) != nil
    }
}

/// A running git process: stdout as a byte stream, stderr kept (bounded)
/// for error messages, optional stdin fed from a background writer so a
/// full pipe can never deadlock against our reading.
public final class GitProcess: @unchecked Sendable {
    let arguments: [String]
    private let process = Process()
    public let stdout: ByteStream
    private let stdinPipe: Pipe?
    private let errorCollector: PipeCollector

    init(arguments: [String], command: GitCommand, stdin: Bool) throws(GitError) {
        self.arguments = arguments
        process.executableURL = URL(fileURLWithPath: GitProcess.gitPath(command.environment))
        process.arguments = GitCommand.hardening + ["-C", command.directory] + arguments
        process.environment = command.environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        stdinPipe = stdin ? Pipe() : nil
        process.standardInput = stdinPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GitError(kind: .unavailable, arguments: arguments, stderr: "\(error)")
        }
        stdout = ByteStream(fd: out.fileHandleForReading.fileDescriptor, owner: out)
        errorCollector = PipeCollector(err.fileHandleForReading)
    }

    /// Writes `bytes` to git's stdin on another thread, then closes it.
    public func writeInputInBackground(_ bytes: [UInt8]) {
        guard let pipe = stdinPipe else { return }
        DispatchQueue.global().async {
            let handle = pipe.fileHandleForWriting
            try? handle.write(contentsOf: Data(bytes))
            try? handle.close()
        }
    }

    /// Waits for exit; throws with git's stderr unless it exited 0.
    public func finish() throws(GitError) {
        stdout.drain()
        process.waitUntilExit()
        let stderr = errorCollector.finish()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let status = process.terminationStatus
            let kind: GitError.Kind = stderr.contains("not a git repository") || stderr.contains("dubious ownership")
                ? .notARepository : .failed(status: status)
            throw GitError(kind: kind, arguments: arguments, stderr: stderr)
        }
    }

    /// Stops git early (e.g. the caller has what it needs).
    public func terminate() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        _ = errorCollector.finish()
    }

    /// `git` from PATH, resolved once, never from the scanned repository.
    static func gitPath(_ environment: [String: String]) -> String {
        for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where directory.hasPrefix("/") {
            let candidate = "\(directory)/git"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return "/usr/bin/git"
    }
}

/// Reads a pipe to the end on a background thread, keeping the last 64 KiB.
final class PipeCollector: @unchecked Sendable {
    private let group = DispatchGroup()
    private var data = Data()

    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
                if data.count > 128 * 1024 { data = data.suffix(64 * 1024) }
            }
            group.leave()
        }
    }

    func finish() -> String {
        group.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
