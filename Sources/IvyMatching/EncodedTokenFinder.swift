/// Finds the whole encoded token around a trigger hit: the run of bytes its
/// encoding can produce. Runs stop at line ends and at `limit` bytes, so a
/// megabyte data: URI costs at most a few KiB of scanning per trigger.
enum EncodedTokenFinder {
    enum Outcome {
        case token(Range<Int>)
        /// The run is longer than the limit: not decoded.
        case tooLong(Range<Int>)
    }

    static func token(
        for trigger: EncodedTrigger, at hit: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Outcome {
        switch trigger.encoding {
        case .base64: base64Token(at: hit, length: trigger.literal.count, groupOffset: trigger.groupOffset, in: bytes, limit: limit)
        case .percent: run(at: hit, length: trigger.literal.count, in: bytes, limit: limit, back: percentBack, forward: percentForward)
        case .escape: run(at: hit, length: trigger.literal.count, in: bytes, limit: limit, back: escapeBack, forward: escapeForward)
        case .entity: run(at: hit, length: trigger.literal.count, in: bytes, limit: limit, back: entityBack, forward: entityForward)
        }
    }

    /// The base64 run (either alphabet) plus up to two `=`, with its start
    /// moved onto the trigger's group grid so bytes swallowed from the
    /// surrounding text (`v1/` in a URL path) cannot shift the decoding.
    private static func base64Token(
        at hit: Int, length: Int, groupOffset: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Outcome {
        var start = hit
        while start > 0, hit - start <= limit, Decoders.isBase64(bytes[start - 1]) { start -= 1 }
        var end = hit + length
        while end < bytes.count, end - start <= limit, Decoders.isBase64(bytes[end]) { end += 1 }
        let groupStart = hit - groupOffset
        start += ((groupStart - start) % 4 + 4) % 4
        var padded = end
        while padded < bytes.count, padded - end < 2, bytes[padded] == UInt8(ascii: "=") { padded += 1 }
        return padded - start > limit ? .tooLong(start..<padded) : .token(start..<padded)
    }

    private static func run(
        at hit: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int,
        back: (UnsafeBufferPointer<UInt8>, Int) -> Int, forward: (UnsafeBufferPointer<UInt8>, Int) -> Int
    ) -> Outcome {
        var start = hit
        while start > 0, hit - start <= limit {
            let step = back(bytes, start)
            if step == 0 { break }
            start -= step
        }
        var end = hit
        while end < bytes.count, end - start <= limit {
            let step = forward(bytes, end)
            if step == 0 { break }
            end += step
        }
        // The trigger itself always belongs to the token.
        end = max(end, min(bytes.count, hit + length))
        return end - start > limit ? .tooLong(start..<end) : .token(start..<end)
    }

    /// Bytes a key or URL component keeps as is.
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        EncodedTrigger.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "~")
    }

    @inline(__always)
    static func isKeyByte(_ byte: UInt8) -> Bool {
        EncodedTrigger.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Length of the percent-run element ending just before `end`, or 0.
    private static func percentBack(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        if end >= 3, bytes[end - 3] == UInt8(ascii: "%"), Decoders.hexValue(bytes[end - 2]) != nil, Decoders.hexValue(bytes[end - 1]) != nil {
            return 3
        }
        return isUnreserved(bytes[end - 1]) ? 1 : 0
    }

    /// Length of the percent-run element starting at `start`, or 0.
    private static func percentForward(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        if bytes[start] == UInt8(ascii: "%") {
            return start + 2 < bytes.count && Decoders.hexValue(bytes[start + 1]) != nil && Decoders.hexValue(bytes[start + 2]) != nil ? 3 : 0
        }
        return isUnreserved(bytes[start]) ? 1 : 0
    }

    /// Length of the key byte or numeric escape (`\xXX`, `\uXXXX`, `\NNN`)
    /// ending just before `end`, or 0.
    private static func escapeBack(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        for length in [10, 6, 4] where end >= length && bytes[end - length] == UInt8(ascii: "\\") {
            if escapeForward(bytes, end - length) == length { return length }
        }
        if end >= 2, bytes[end - 1] == UInt8(ascii: "}"), let open = (max(0, end - 12)..<end).last(where: { bytes[$0] == UInt8(ascii: "\\") }),
           escapeForward(bytes, open) == end - open {
            return end - open
        }
        return isKeyByte(bytes[end - 1]) ? 1 : 0
    }

    /// Length of the key byte or numeric escape starting at `start`, or 0.
    private static func escapeForward(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        guard bytes[start] == UInt8(ascii: "\\") else { return isKeyByte(bytes[start]) ? 1 : 0 }
        guard start + 1 < bytes.count else { return 0 }
        switch bytes[start + 1] {
        case UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "x"), UInt8(ascii: "0")...UInt8(ascii: "7"):
            let (scalar, length) = Decoders.escape(bytes, at: start)
            return scalar == nil ? 0 : length
        default:
            return 0
        }
    }

    /// Length of the key byte or character reference ending just before `end`, or 0.
    private static func entityBack(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        if bytes[end - 1] == UInt8(ascii: ";"), let open = (max(0, end - 12)..<end).last(where: { bytes[$0] == UInt8(ascii: "&") }),
           entityForward(bytes, open) == end - open {
            return end - open
        }
        return isKeyByte(bytes[end - 1]) ? 1 : 0
    }

    /// Length of the key byte or character reference starting at `start`, or 0.
    private static func entityForward(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        guard bytes[start] == UInt8(ascii: "&") else { return isKeyByte(bytes[start]) ? 1 : 0 }
        let (scalar, length) = Decoders.entity(bytes, at: start)
        return scalar == nil ? 0 : length
    }
}
