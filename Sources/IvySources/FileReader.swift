#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyModel

/// Reads one file at a time into a buffer owned by one worker and reused, so
/// memory stays bounded by `--max-file-size` per worker whatever the tree.
final class FileReader {
    /// Binary detection looks for a NUL byte in this much of the file.
    static let binaryProbe = 8192

    private var buffer: UnsafeMutableRawBufferPointer
    /// UTF-16 files transcoded to UTF-8; like `buffer`, valid until the next read.
    private var decoded = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
    private let maxFileSize: Int

    enum Outcome {
        case bytes(UnsafeBufferPointer<UInt8>)
        case skipped(SkipReason)
        case failed(String)
        /// Gone between listing and opening (e.g. a deleted tracked file).
        case vanished
    }

    init(maxFileSize: Int) {
        self.maxFileSize = maxFileSize
        buffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        decoded.deallocate()
    }

    /// Opens without following symlinks and without blocking on FIFOs, then
    /// checks the opened descriptor, so a swapped path cannot trick the check.
    func read(_ path: [UInt8]) -> Outcome {
        let fd = path.withUnsafeBufferPointer { raw -> Int32 in
            var terminated = Array(raw)
            terminated.append(0)
            return terminated.withUnsafeBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                    open($0, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
                }
            }
        }
        if fd < 0 {
            let code = errno
            switch code {
            case ELOOP: return .skipped(.symlink)
            case ENOENT, ENOTDIR: return .vanished
            default: return .failed(String(cString: strerror(code)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        // Only git's file list names directories as files: gitlinks.
        case S_IFDIR: return .skipped(.submodule)
        default: return .skipped(.notRegularFile)
        }
        let size = Int(info.st_size)
        if size > maxFileSize { return .skipped(.tooLarge) }
        ensureCapacity(size + 1)
        var total = 0
        // Read until EOF even if the file grew after fstat, up to the limit.
        while true {
            if total == buffer.count {
                if total > maxFileSize { return .skipped(.tooLarge) }
                ensureCapacity(total * 2)
            }
            let got = systemRead(fd, buffer.baseAddress! + total, buffer.count - total)
            if got < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }
                return .failed(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            total += got
        }
        if total > maxFileSize { return .skipped(.tooLarge) }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: total)
        if memchr(buffer.baseAddress!, 0, min(total, FileReader.binaryProbe)) != nil {
            guard let text = UTF16Text.transcoded(bytes) else { return .skipped(.binary) }
            if decoded.count < text.count {
                decoded.deallocate()
                decoded = .allocate(capacity: text.count)
            }
            _ = decoded.initialize(fromContentsOf: text)
            return .bytes(UnsafeBufferPointer(rebasing: decoded[0..<text.count]))
        }
        return .bytes(bytes)
    }

    private func ensureCapacity(_ needed: Int) {
        guard needed > buffer.count else { return }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(needed, buffer.count * 2), alignment: 16)
        buffer.deallocate()
        buffer = grown
    }
}
