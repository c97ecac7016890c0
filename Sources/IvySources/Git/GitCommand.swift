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
import IvyBasics

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
    private let child: Subprocess
    public let stdout: ByteStream

    init(arguments: [String], command: GitCommand, stdin: Bool) throws(GitError) {
        self.arguments = arguments
        do {
            child = try Subprocess(
                executable: GitProcess.gitPath(command.environment),
                arguments: GitCommand.hardening + ["-C", command.directory] + arguments,
                environment: command.environment, stdin: stdin)
        } catch {
            throw GitError(kind: .unavailable, arguments: arguments, stderr: String(cString: strerror(error.code)))
        }
        stdout = ByteStream(fd: child.stdout, owner: nil)
    }

    /// Writes `bytes` to git's stdin on another thread, then closes it.
    public func writeInputInBackground(_ bytes: [UInt8]) {
        child.writeStdinInBackground(bytes)
    }

    /// Waits for exit; throws with git's stderr unless it exited 0.
    public func finish() throws(GitError) {
        stdout.drain()
        let (status, stderr) = child.wait()
        guard status == 0 else {
            // Outside a repository `git diff` falls back to --no-index mode and
            // complains about its options instead of saying where it is.
            let outside = stderr.lowercased().contains("not a git repository")
                || stderr.contains("dubious ownership") || stderr.contains("--no-index")
            let kind: GitError.Kind = outside ? .notARepository : .failed(status: status)
            throw GitError(kind: kind, arguments: arguments, stderr: stderr)
        }
    }

    /// Stops git early (e.g. the caller has what it needs).
    public func terminate() {
        child.terminate()
        _ = child.wait()
    }

    /// `git` from PATH, never from the scanned repository.
    static func gitPath(_ environment: [String: String]) -> String {
        FileSystem.executable(named: "git", searchPath: environment["PATH"]) ?? "/usr/bin/git"
    }
}
