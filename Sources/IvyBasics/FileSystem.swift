#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the CLI needs, on plain system calls.
public enum FileSystem {
    public enum Kind: Sendable { case file, directory, other }

    /// What `path` is (following symlinks), or nil if it does not exist.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != nil }

    /// The first executable `name` in the absolute directories of a PATH
    /// value (relative entries are skipped: a scanned repository must not
    /// be able to put its own `git` or `curl` first).
    public static func executable(named name: String, searchPath: String?) -> String? {
        for directory in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where directory.hasPrefix("/") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0, kind(of: candidate) == .file { return candidate }
        }
        return nil
    }

    /// The directory part of a path, as `dirname` would say it.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Reads a descriptor to its end (stdin for pre-push).
    public static func readAll(fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return result }
            result += chunk[..<count]
        }
    }

    /// Writes all bytes; false on error (a closed pipe, a full disk).
    @discardableResult
    public static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    /// Creates or truncates a file for writing; the descriptor or an error message.
    public static func create(_ path: String) -> Result<Int32, FileError> {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(FileError(path: path, message: String(cString: strerror(errno)))) }
        return .success(fd)
    }

    public static func close(_ fd: Int32) -> Bool {
        #if canImport(Glibc)
        Glibc.close(fd) == 0
        #elseif canImport(Musl)
        Musl.close(fd) == 0
        #else
        Darwin.close(fd) == 0
        #endif
    }

    public struct FileError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }
}
