#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Line starts of a buffer, computed once per fragment that has findings
/// (never for clean files), so positions are a binary search.
struct LineIndex {
    private let starts: [Int]
    private let count: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        count = bytes.count
        if let base = bytes.baseAddress {
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(index + 1)
                offset = index + 1
            }
        }
        self.starts = starts
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and byte column.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(of: offset)
        return (index + 1, offset - starts[index] + 1)
    }

    /// The line's bytes without its terminating newline.
    func lineRange(containing offset: Int) -> Range<Int> {
        let index = lineIndex(of: offset)
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : count
        return starts[index]..<max(starts[index], end)
    }
}
