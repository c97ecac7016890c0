import Foundation

/// Runs the git binary so that a scanned repository cannot make it run code:
/// no fsmonitor hook, no pager, no inherited GIT_* steering variables.
enum SafeGit {
    static let hardening = [
        "-c", "core.fsmonitor=false",
        "-c", "core.untrackedCache=false",
        "-c", "core.pager=cat",
        "--no-pager",
    ]

    /// git's stdout, or nil if git is missing or failed.
    static func run(_ arguments: [String], in directory: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + hardening + ["-C", directory] + arguments
        var environment: [String: String] = [:]
        for (key, value) in ProcessInfo.processInfo.environment where !key.hasPrefix("GIT_") {
            environment[key] = value
        }
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return Array(data)
    }
}
