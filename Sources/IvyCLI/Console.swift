#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyBasics

/// Where the CLI writes: stdout for reports, stderr for everything else.
/// Tests capture both; the executable writes to the process's streams.
public final class Console: @unchecked Sendable {
    private let lock = Lock()
    public private(set) var capturedOut = ""
    public private(set) var capturedError = ""
    private let capturing: Bool
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool

    /// The real process streams.
    public static func standard() -> Console {
        Console(capturing: false, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1)
    }

    /// In-memory streams for tests.
    public static func capture(terminal: Bool = false) -> Console {
        Console(capturing: true, stdoutIsTerminal: terminal, stderrIsTerminal: terminal)
    }

    private init(capturing: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        self.capturing = capturing
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    public func out(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if capturing { capturedOut += text } else { FileSystem.writeAll(fd: 1, Array(text.utf8)) }
    }

    public func error(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if capturing { capturedError += text } else { FileSystem.writeAll(fd: 2, Array(text.utf8)) }
    }
}
