#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Many literals found with as few memchr passes as possible.
///
/// Each literal is anchored on one of its bytes, and literals that can share
/// an anchor byte do: the rule keywords, the percent and escape triggers (all
/// anchored on the `v` of `ivym`) and most base64 triggers (on `X`, `V` or
/// `W`) ride on a handful of passes, instead of one pass per trigger.
/// Literals with the same anchor offset and case handling are checked behind
/// the prefix they share, so the dozen `ivym…` triggers cost one comparison
/// per `v` in the file. The tables are flat buffers: this loop runs for
/// every anchor byte of every file and must not retain or release.
final class LiteralSet: @unchecked Sendable {
    let count: Int
    private let streamCount: Int
    private let streamBytes: UnsafeMutablePointer<UInt8>
    /// Groups of stream `s` are `streamGroups[s]..<streamGroups[s + 1]`.
    private let streamGroups: UnsafeMutablePointer<Int>
    private let groupAnchor: UnsafeMutablePointer<Int>
    private let groupCaseSensitive: UnsafeMutablePointer<Bool>
    /// Shared prefix of group `g`: `text[groupShared[g]..<groupShared[g] + groupSharedLength[g]]`.
    private let groupShared: UnsafeMutablePointer<Int>
    private let groupSharedLength: UnsafeMutablePointer<Int>
    /// Members of group `g` are `members[groupMembers[g]..<groupMembers[g + 1]]`.
    private let groupMembers: UnsafeMutablePointer<Int>
    private let members: UnsafeMutablePointer<Int>
    /// Entry `e` is `text[entryStart[e]..<entryStart[e + 1]]`, folded to lowercase unless case-sensitive.
    private let entryStart: UnsafeMutablePointer<Int>
    private let entryCaseSensitive: UnsafeMutablePointer<Bool>
    private let text: UnsafeMutablePointer<UInt8>
    private let allocations: [UnsafeMutableRawPointer]

    /// Anchors are picked greedily in order: a byte some earlier literal
    /// already streams costs nothing, otherwise the rarest byte wins (an
    /// uppercase byte of a case-sensitive literal is one stream, a letter of a
    /// case-insensitive one is two).
    init(_ literals: [(bytes: [UInt8], caseSensitive: Bool)]) {
        var folded: [[UInt8]] = []
        var anchors: [Int] = []
        var streams: [UInt8] = []
        var streamEntries: [[Int]] = []
        for (bytes, caseSensitive) in literals {
            precondition(!bytes.isEmpty, "empty literal")
            var best = 0
            var bestCost = Int.max
            for index in bytes.indices {
                let needed = LiteralSet.anchorBytes(bytes[index], caseSensitive: caseSensitive)
                let cost = needed.reduce(0) { $0 + (streams.contains($1) ? 0 : LiteralSet.weight($1)) }
                if cost < bestCost { (best, bestCost) = (index, cost) }
            }
            let entry = folded.count
            folded.append(caseSensitive ? bytes : bytes.map(Literal.lower))
            anchors.append(best)
            for byte in LiteralSet.anchorBytes(bytes[best], caseSensitive: caseSensitive) {
                if let stream = streams.firstIndex(of: byte) {
                    streamEntries[stream].append(entry)
                } else {
                    streams.append(byte)
                    streamEntries.append([entry])
                }
            }
        }
        let sensitive = literals.map(\.caseSensitive)

        // Group each stream's entries by (anchor offset, case handling).
        var groups: [(anchor: Int, caseSensitive: Bool, shared: [UInt8], members: [Int])] = []
        var streamGroupStarts = [0]
        for entries in streamEntries {
            var keys: [(Int, Bool)] = []
            for entry in entries where !keys.contains(where: { $0 == (anchors[entry], sensitive[entry]) }) {
                keys.append((anchors[entry], sensitive[entry]))
            }
            for (anchor, caseSensitive) in keys {
                let same = entries.filter { anchors[$0] == anchor && sensitive[$0] == caseSensitive }
                var shared = folded[same[0]]
                for other in same.dropFirst() {
                    var length = 0
                    while length < min(shared.count, folded[other].count) && shared[length] == folded[other][length] { length += 1 }
                    shared.removeSubrange(length...)
                }
                groups.append((anchor, caseSensitive, shared, same))
            }
            streamGroupStarts.append(groups.count)
        }

        var allocations: [UnsafeMutableRawPointer] = []
        func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
            if !values.isEmpty { pointer.initialize(from: values, count: values.count) }
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        var allText: [UInt8] = []
        var entryStarts: [Int] = []
        for bytes in folded {
            entryStarts.append(allText.count)
            allText += bytes
        }
        entryStarts.append(allText.count)
        var sharedStarts: [Int] = []
        for group in groups {
            sharedStarts.append(allText.count)
            allText += group.shared
        }
        var memberStarts = [0]
        var memberList: [Int] = []
        for group in groups {
            memberList += group.members
            memberStarts.append(memberList.count)
        }
        count = literals.count
        streamCount = streams.count
        streamBytes = buffer(streams)
        streamGroups = buffer(streamGroupStarts)
        groupAnchor = buffer(groups.map(\.anchor))
        groupCaseSensitive = buffer(groups.map(\.caseSensitive))
        groupShared = buffer(sharedStarts)
        groupSharedLength = buffer(groups.map(\.shared.count))
        groupMembers = buffer(memberStarts)
        members = buffer(memberList)
        entryStart = buffer(entryStarts)
        entryCaseSensitive = buffer(sensitive)
        text = buffer(allText)
        self.allocations = allocations
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    private static func anchorBytes(_ byte: UInt8, caseSensitive: Bool) -> [UInt8] {
        if caseSensitive { return [byte] }
        let lower = Literal.lower(byte)
        let upper = Literal.upper(byte)
        return lower == upper ? [lower] : [lower, upper]
    }

    /// Relative cost of a memchr stream on `byte` in source code.
    private static func weight(_ byte: UInt8) -> Int {
        let rank = Literal.rank(Literal.lower(byte))
        return byte >= 0x41 && byte <= 0x5A ? rank : 2 * rank
    }

    /// Start offsets of every occurrence of each literal, in order, indexed like the input.
    func occurrences(in haystack: UnsafeBufferPointer<UInt8>) -> [[Int]] {
        var found = [[Int]](repeating: [], count: count)
        guard let base = haystack.baseAddress else { return found }
        let length = haystack.count
        var mixed = false
        // One stream after the other: no merging per hit. A case-insensitive
        // literal anchored on a letter collects hits from two streams and is
        // sorted at the end.
        for stream in 0..<streamCount {
            let byte = streamBytes[stream]
            let groups = streamGroups[stream]..<streamGroups[stream + 1]
            var hit = LiteralSet.find(byte, base, from: 0, to: length)
            while hit < length {
                for group in groups {
                    let start = hit - groupAnchor[group]
                    let shared = groupSharedLength[group]
                    guard start >= 0, start + shared <= length,
                          matches(text + groupShared[group], shared, groupCaseSensitive[group], base + start)
                    else { continue }
                    for member in members + groupMembers[group]..<members + groupMembers[group + 1] {
                        let entry = member.pointee
                        let entryLength = entryStart[entry + 1] - entryStart[entry]
                        if start + entryLength <= length,
                           matches(text + entryStart[entry] + shared, entryLength - shared, entryCaseSensitive[entry], base + start + shared) {
                            if let last = found[entry].last, last > start { mixed = true }
                            found[entry].append(start)
                        }
                    }
                }
                hit = LiteralSet.find(byte, base, from: hit + 1, to: length)
            }
        }
        if mixed {
            for entry in 0..<count where found[entry].count > 1 { found[entry].sort() }
        }
        return found
    }

    @inline(__always)
    private func matches(_ literal: UnsafeMutablePointer<UInt8>, _ count: Int, _ caseSensitive: Bool, _ start: UnsafePointer<UInt8>) -> Bool {
        if caseSensitive {
            for index in 0..<count where start[index] != literal[index] { return false }
        } else {
            for index in 0..<count where Literal.lower(start[index]) != literal[index] { return false }
        }
        return true
    }

    @inline(__always)
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        guard from < end, let hit = memchr(base + from, Int32(byte), end - from) else { return end }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
