#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A case-insensitive literal searched with `memchr` on its rarest byte.
///
/// Scanning for one rare byte lets libc's vectorised memchr skip most of a
/// file; each hit is then verified in place. Letters are searched in both
/// cases by interleaving two memchr streams.
public struct Literal: Sendable, Hashable {
    public let bytes: [UInt8]
    private let lowered: [UInt8]
    private let anchor: Int
    private let anchorBytes: (UInt8, UInt8)

    public init(_ text: String) {
        bytes = Array(text.utf8)
        lowered = bytes.map(Literal.lower)
        precondition(!bytes.isEmpty, "empty literal")
        var best = 0
        for index in lowered.indices where Literal.rank(lowered[index]) < Literal.rank(lowered[best]) {
            best = index
        }
        anchor = best
        let byte = lowered[best]
        anchorBytes = (byte, Literal.upper(byte))
    }

    public static func == (lhs: Literal, rhs: Literal) -> Bool { lhs.lowered == rhs.lowered }
    public func hash(into hasher: inout Hasher) { hasher.combine(lowered) }

    /// Offsets of every occurrence in `haystack`, in order.
    public func occurrences(in haystack: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        forEachOccurrence(in: haystack) { found.append($0); return true }
        return found
    }

    public func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        var hit = false
        forEachOccurrence(in: haystack) { _ in hit = true; return false }
        return hit
    }

    /// Calls `body` with each start offset until it returns false.
    public func forEachOccurrence(in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        guard let base = haystack.baseAddress, haystack.count >= lowered.count else { return }
        let count = haystack.count
        let lastStart = count - lowered.count
        // Anchor positions are searched in [anchor, lastStart + anchor].
        let searchEnd = lastStart + anchor + 1
        var position = anchor
        var nextLower = Literal.find(anchorBytes.0, base, from: position, to: searchEnd)
        var nextUpper = anchorBytes.0 == anchorBytes.1 ? searchEnd : Literal.find(anchorBytes.1, base, from: position, to: searchEnd)
        while true {
            let hit = min(nextLower, nextUpper)
            if hit >= searchEnd { return }
            position = hit
            let start = hit - anchor
            if verify(base + start) {
                if !body(start) { return }
            }
            if nextLower == hit { nextLower = Literal.find(anchorBytes.0, base, from: hit + 1, to: searchEnd) }
            if nextUpper == hit { nextUpper = Literal.find(anchorBytes.1, base, from: hit + 1, to: searchEnd) }
        }
    }

    @inline(__always)
    private func verify(_ start: UnsafePointer<UInt8>) -> Bool {
        for index in 0..<lowered.count where Literal.lower(start[index]) != lowered[index] {
            return false
        }
        return true
    }

    @inline(__always)
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        guard from < end, let hit = memchr(base + from, Int32(byte), end - from) else { return end }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }

    /// Rough frequency rank of a byte in source code (lower = rarer); letters
    /// count both cases since both are searched.
    static func rank(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "q"), UInt8(ascii: "j"), UInt8(ascii: "z"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "|"), UInt8(ascii: "@"): 1
        case UInt8(ascii: "x"), UInt8(ascii: "k"), UInt8(ascii: "v"), UInt8(ascii: "w"), UInt8(ascii: "y"): 2
        case UInt8(ascii: "b"), UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "f"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "$"): 3
        case 0x30...0x39, UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"): 4
        case UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: "u"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "l"), UInt8(ascii: "-"): 5
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\""): 6
        case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "r"): 8
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"): 9
        default: 4
        }
    }
}
