#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stream of any length (`ivyscan scan -`: a pipe, a log) as
/// overlapping windows, so memory stays bounded while a key that straddles
/// two reads is still seen whole. Each window after the first starts with the
/// last `overlap` bytes of the one before, cut at a line start, so line
/// numbers and columns stay exact (a line longer than the overlap is cut
/// mid-line, and `columnBefore` says by how much).
public struct StreamWindows {
    /// One window: its bytes, where it starts in the stream, how many lines
    /// come before it, and the stream offset from which the next window
    /// re-reads (matches starting there belong to the next window).
    public struct Window {
        public var bytes: UnsafeBufferPointer<UInt8>
        public var start: Int
        public var linesBefore: Int
        /// Bytes of the window's first line that came before it (0 unless
        /// a line longer than the overlap was cut): add to first-line columns.
        public var columnBefore: Int
        /// nil for the last window.
        public var handoff: Int?
    }

    let fd: Int32
    let size: Int
    let overlap: Int

    /// - Parameters:
    ///   - size: bytes per window (the memory bound).
    ///   - overlap: longer than any match a rule can make.
    public init(fd: Int32, size: Int = 4 << 20, overlap: Int = 64 << 10) {
        precondition(overlap * 2 <= size)
        self.fd = fd
        self.size = size
        self.overlap = overlap
    }

    /// Calls `body` for each window in order; stops at end of stream.
    /// Returns an error message if a read failed (what was read is scanned).
    public func forEach(_ body: (Window) -> Void) -> String? {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var filled = 0
        var start = 0
        var linesBefore = 0
        var columnBefore = 0
        var ended = false
        var failure: String?
        while true {
            while filled < size && !ended {
                let count = read(fd, buffer.baseAddress! + filled, size - filled)
                if count > 0 {
                    filled += count
                } else if count == 0 {
                    ended = true
                } else if errno != EINTR {
                    failure = String(cString: strerror(errno))
                    ended = true
                }
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<filled])
            guard !ended else {
                body(Window(bytes: bytes, start: start, linesBefore: linesBefore, columnBefore: columnBefore, handoff: nil))
                return failure
            }
            // Hand off at the start of a line inside the last `overlap` bytes
            // (or mid-line when a single line is that long).
            var cut = filled - overlap
            if let newline = bytes[cut..<filled].firstIndex(of: 0x0A) { cut = newline + 1 }
            body(Window(bytes: bytes, start: start, linesBefore: linesBefore, columnBefore: columnBefore, handoff: start + cut))
            linesBefore += bytes[0..<cut].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            if let lastNewline = bytes[0..<cut].lastIndex(of: 0x0A) {
                columnBefore = cut - (lastNewline + 1)
            } else {
                columnBefore += cut
            }
            start += cut
            let kept = filled - cut
            buffer.baseAddress!.update(from: buffer.baseAddress! + cut, count: kept)
            filled = kept
        }
    }
}
