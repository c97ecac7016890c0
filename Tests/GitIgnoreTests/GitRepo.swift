import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway git repository with a scrubbed environment, used as the
/// oracle for differential tests (no user or system config can leak in).
final class GitRepo {
    let root: URL
    /// Where `core.excludesFile` points when a scenario sets one.
    let excludesFile: URL
    private let home: URL

    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/git" }
            + ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// A roomy tmpfs when there is one: the differential tests create ~15,000
    /// tiny files, which takes seconds on a disk-backed /tmp. (Docker's default
    /// 64 MB /dev/shm is too small, hence the free-space check.)
    private static let scratchParent: URL = {
        let shm = "/dev/shm"
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: shm))?[.systemFreeSize] as? NSNumber
        if FileManager.default.isWritableFile(atPath: shm), let free, free.int64Value > 1 << 30 {
            return URL(fileURLWithPath: shm, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory
    }()

    init() throws {
        home = Self.scratchParent.appendingPathComponent("gitignore-tests-\(UUID().uuidString)", isDirectory: true)
        root = home.appendingPathComponent("repo", isDirectory: true)
        excludesFile = home.appendingPathComponent("global-excludes")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        _ = try run(["init", "-q", "--template="])
    }

    deinit {
        // FileManager's recursive delete is slow on Linux for thousands of files.
        let remove = Process()
        remove.executableURL = URL(fileURLWithPath: "/bin/rm")
        remove.arguments = ["-rf", home.path]
        if (try? remove.run()) != nil {
            remove.waitUntilExit()
        } else {
            try? FileManager.default.removeItem(at: home)
        }
    }

    /// Writes `bytes` at a repo-relative path whose directory already exists.
    /// Plain POSIX calls: the tests create thousands of files and Foundation adds up.
    func createFile(_ relativePath: String, _ bytes: [UInt8]) throws {
        let path = root.path + "/" + relativePath
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot create \(path): errno \(errno)") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure(message: "short write to \(path)") }
    }

    /// Creates one directory; its parent must exist (callers go shallowest first).
    func makeDirectory(_ relativePath: String) throws {
        let path = root.path + "/" + relativePath
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw Failure(message: "cannot mkdir \(path): errno \(errno)")
        }
    }

    /// Files `git ls-files --others --exclude-standard` lists: the ground truth a walker must reproduce.
    func listedOthers(useExcludesFile: Bool) throws -> Set<String> {
        let out = try run(config(useExcludesFile) + ["ls-files", "-o", "--exclude-standard", "-z"])
        return Set(Self.fields(out))
    }

    /// For every path, the pattern `check-ignore -v -n` reports ("" when none), keyed by path.
    func checkIgnore(_ paths: [String], useExcludesFile: Bool) throws -> [String: (source: String, line: String, pattern: String)] {
        var input = Data()
        for path in paths {
            // "./" keeps a leading ':' from being read as pathspec magic; git echoes it back.
            input.append(contentsOf: Array(("./" + path).utf8))
            input.append(0)
        }
        let inputURL = home.appendingPathComponent("check-ignore-input")
        try input.write(to: inputURL)
        let out = try run(
            config(useExcludesFile) + ["check-ignore", "--no-index", "-v", "-n", "-z", "--stdin"],
            stdin: inputURL, okStatuses: [0, 1])
        let fields = Self.fields(out)
        var result: [String: (source: String, line: String, pattern: String)] = [:]
        var i = 0
        while i + 3 < fields.count {
            result[String(fields[i + 3].dropFirst(2))] = (fields[i], fields[i + 1], fields[i + 2])
            i += 4
        }
        return result
    }

    private func config(_ useExcludesFile: Bool) -> [String] {
        var args = ["-c", "core.ignorecase=false", "-c", "core.precomposeunicode=false"]
        if useExcludesFile { args += ["-c", "core.excludesFile=\(excludesFile.path)"] }
        return args
    }

    /// NUL-separated fields, decoded as UTF-8 (the tests only create UTF-8 names).
    private static func fields(_ data: Data) -> [String] {
        var fields = data.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if fields.last == "" { fields.removeLast() }
        return fields
    }

    @discardableResult
    func run(_ arguments: [String], stdin: URL? = nil, okStatuses: Set<Int32> = [0]) throws -> Data {
        guard let git = Self.executable else { throw Failure(message: "git not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = [
            "HOME": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "LC_ALL": "C",
        ]
        let output = Pipe()
        let errors = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errors)
        }
        process.standardOutput = output
        process.standardError = errorHandle
        var inputHandle: FileHandle?
        if let stdin {
            inputHandle = try FileHandle(forReadingFrom: stdin)
            process.standardInput = inputHandle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { try? inputHandle?.close() }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard okStatuses.contains(process.terminationStatus) else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(message: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)")
        }
        return data
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
