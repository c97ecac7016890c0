#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One name in a directory listing, typed from `d_type` (falling back to
/// `lstat` when the filesystem does not say), without following symlinks.
struct DirectoryEntry {
    enum Kind { case file, directory, symlink, special }

    static let gitName = Array(".git".utf8)

    let name: [UInt8]
    let kind: Kind

    struct ListError: Error { let message: String }

    static func list(_ directory: [UInt8]) throws(ListError) -> [DirectoryEntry] {
        let path = directory.isEmpty ? [UInt8(ascii: ".")] : directory
        let handle: OpaquePointer? = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { opendir($0) }
        }
        guard let handle else { throw ListError(message: String(cString: strerror(errno))) }
        defer { closedir(handle) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[..<length])
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = lstatKind(path + (path.last == 0x2F ? [] : [0x2F]) + name)
            default: kind = .special
            }
            entries.append(DirectoryEntry(name: name, kind: kind))
        }
        return entries
    }

    private static func lstatKind(_ path: [UInt8]) -> Kind {
        var info = stat()
        let result = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { lstat($0, &info) }
        }
        guard result == 0 else { return .special }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
    }
}
