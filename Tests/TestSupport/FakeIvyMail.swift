import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fake IvyMail server (Tests/TestSupport/fake_ivymail.py) on 127.0.0.1,
/// on a random port. Stops when released.
public final class FakeIvyMail: @unchecked Sendable {
    public let port: Int
    public var base: String { "http://127.0.0.1:\(port)" }
    private let process: Process
    public let directory: TempDirectory

    /// Statistics the server kept: every test asserts `sends == 0`.
    public struct Stats: Decodable, Sendable {
        public var requests: Int
        public var sends: Int
        public var times: [Double]
        public var per_key: [String: Int]
        public var user_agents: [String]
        public var max_in_flight: Int
    }

    /// - Parameters:
    ///   - keys: key → behaviour (active, active400, revoked, restricted, ratelimit, flaky, slow, html, redirect, ok).
    ///   - arguments: server flags, e.g. `["--mode", "ok"]`, `["--retry-after", "1"]`,
    ///     `["--retry-after", "date:-60"]` (an HTTP-date a minute ago; flaky keys send it too).
    public init(keys: [String: String] = [:], arguments: [String] = []) throws {
        directory = TempDirectory()
        let keyFile = directory.path + "/keys.txt"
        try keys.map { "\($0.key) \($0.value)\n" }.joined().write(toFile: keyFile, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PackagePaths.root + "/Tests/TestSupport/fake_ivymail.py", "--keys", keyFile] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw FakeServerError(message: "fake IvyMail did not start: '\(text)'")
        }
        self.port = port
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func stats() throws -> Stats {
        let result = Command.run("/usr/bin/curl", ["-q", "-s", "--noproxy", "*", base + "/__stats"], environment: [:], timeout: 10)
        return try JSONDecoder().decode(Stats.self, from: Data(result.stdout.utf8))
    }

    public struct FakeServerError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
