#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reads from a file descriptor, for git's output: records split on
/// a terminator byte (`-z` output) and exact-length payloads (cat-file), so
/// large outputs stream instead of being loaded whole.
public final class ByteStream {
    private let fd: Int32
    private let owner: AnyObject?
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false

    init(fd: Int32, owner: AnyObject?) {
        self.fd = fd
        self.owner = owner
        buffer = [UInt8](repeating: 0, count: 256 * 1024)
    }

    private func fill() -> Bool {
        if atEOF { return false }
        if start > 0 {
            if start < end { buffer.withUnsafeMutableBufferPointer { _ = memmove($0.baseAddress!, $0.baseAddress! + start, end - start) } }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { systemRead(fd, $0.baseAddress! + end, $0.count - end) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEOF = true
                return false
            }
            end += count
            return true
        }
    }

    /// The bytes up to (not including) `terminator`; nil at end of stream.
    /// A final record without terminator is returned as is.
    public func record(terminator: UInt8) -> [UInt8]? {
        // Bytes after `start` already known not to hold the terminator.
        var scanned = 0
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { pointer in
                let from = start + scanned
                guard from < end, let hit = memchr(pointer.baseAddress! + from, Int32(terminator), end - from) else { return nil }
                return pointer.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let index = found {
                let record = Array(buffer[start..<index])
                start = index + 1
                return record
            }
            scanned = end - start
            if !fill() {
                guard start < end else { return nil }
                let record = Array(buffer[start..<end])
                start = end
                return record
            }
        }
    }

    /// Reads exactly `count` bytes into `output` (replacing its contents);
    /// false if the stream ended first.
    public func read(exactly count: Int, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(count)
        while output.count < count {
            if start == end && !fill() { return false }
            let take = min(count - output.count, end - start)
            output.append(contentsOf: buffer[start..<start + take])
            start += take
        }
        return true
    }

    /// Discards `count` bytes (oversized blobs are read past, never stored).
    public func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end && !fill() { return false }
            let take = min(left, end - start)
            start += take
            left -= take
        }
        return true
    }

    public func readAll(into output: inout [UInt8]) {
        while true {
            output.append(contentsOf: buffer[start..<end])
            start = end
            if !fill() { return }
        }
    }

    /// Reads to EOF and throws the bytes away, so the writer never blocks.
    func drain() {
        while true {
            start = end
            if !fill() { return }
        }
    }
}
