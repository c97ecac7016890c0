/// Byte helpers shared by the matchers; kept free of Foundation so the hot
/// path is plain loops over buffers.
enum PathBytes {
    static let slash = UInt8(ascii: "/")

    /// Runs `body` over the UTF-8 of `string` without copying when it is native.
    @inline(__always)
    static func withBytes<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = string
        return copy.withUTF8(body)
    }

    /// Index just after the last `/`, or 0.
    @inline(__always)
    static func basenameStart(_ path: UnsafeBufferPointer<UInt8>) -> Int {
        var i = path.count
        while i > 0 {
            if path[i - 1] == slash { return i }
            i -= 1
        }
        return 0
    }

    /// Whether `a[aStart..<aStart+count]` equals `b[bStart..<bStart+count]`; callers check bounds.
    @inline(__always)
    static func equal(
        _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int,
        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, count: Int
    ) -> Bool {
        var i = 0
        while i < count {
            if a[aStart + i] != b[bStart + i] { return false }
            i += 1
        }
        return true
    }
}
