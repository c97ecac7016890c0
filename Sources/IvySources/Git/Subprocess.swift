#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A child process started with posix_spawn and reaped with waitpid.
/// Public so live verification can run `curl` the same hardened way as git.
///
/// Foundation's `Process` on Linux waits for exit by polling a run loop,
/// which added up to 150 ms per git call: fatal for a pre-commit hook that
/// must finish in 15 ms. This is the minimum ivyscan needs: argv, an exact
/// environment, stdout as a pipe, stderr collected in the background, and an
/// optional stdin pipe.
public final class Subprocess: @unchecked Sendable {
    public let pid: pid_t
    /// Read end of the child's stdout.
    public let stdout: Int32
    /// Write end of the child's stdin, if requested.
    private(set) var stdin: Int32?
    private let stderrGroup = DispatchGroup()
    private var stderrBytes: [UInt8] = []

    public struct SpawnError: Error { public let code: Int32 }

    public init(executable: String, arguments: [String], environment: [String: String], stdin wantsStdin: Bool) throws(SpawnError) {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        var inPipe: [Int32] = [-1, -1]
        guard Subprocess.makePipe(&outPipe), Subprocess.makePipe(&errPipe) else { throw SpawnError(code: errno) }
        if wantsStdin {
            guard Subprocess.makePipe(&inPipe) else { throw SpawnError(code: errno) }
        }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if wantsStdin {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, envp)
        // The child holds its own copies; close ours so EOFs arrive.
        close(outPipe[1])
        close(errPipe[1])
        if wantsStdin { close(inPipe[0]) }
        guard result == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            if wantsStdin { close(inPipe[1]) }
            throw SpawnError(code: result)
        }
        pid = child
        stdout = outPipe[0]
        stdin = wantsStdin ? inPipe[1] : nil
        let errFD = errPipe[0]
        stderrGroup.enter()
        // A serial queue per pipe gets a thread at once. A shared concurrent
        // queue runs, on Linux, on the one-thread-per-core pool, where these
        // blocking reads waited behind callers blocked in wait() while
        // libdispatch added one thread per second (verification stalled for seconds).
        DispatchQueue(label: "ivyscan.subprocess.stderr").async { [self] in
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { systemRead(errFD, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                // Keep the start (git's error) and a bounded amount of it.
                if stderrBytes.count < 64 * 1024 { stderrBytes += chunk[..<count] }
            }
            close(errFD)
            stderrGroup.leave()
        }
    }

    /// Writes all of `bytes` to stdin from a background thread, then closes
    /// it, so a child that fills its stdout first cannot deadlock us.
    public func writeStdinInBackground(_ bytes: [UInt8]) {
        guard let fd = stdin else { return }
        stdin = nil
        DispatchQueue(label: "ivyscan.subprocess.stdin").async {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
            close(fd)
        }
    }

    /// Waits for the child; returns its exit status (128 + signal if killed)
    /// and what it wrote to stderr.
    public func wait() -> (status: Int32, stderr: String) {
        if let fd = stdin { close(fd); stdin = nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(stdout)
        stderrGroup.wait()
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, String(decoding: stderrBytes, as: UTF8.self))
    }

    public func terminate() { _ = sendTerminate(pid) }

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        // Parent ends must not leak into other children ivyscan starts.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }
}

@inline(__always)
private func sendTerminate(_ pid: pid_t) -> Int32 { kill(pid, SIGTERM) }
