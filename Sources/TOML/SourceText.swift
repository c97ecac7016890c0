/// The raw document bytes plus a line index, so byte offsets are turned into
/// line:column only when a position is actually needed.
struct SourceText {
    let bytes: [UInt8]
    /// Offset of the first byte after an optional UTF-8 byte order mark.
    let contentStart: Int
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        contentStart = hasBOM ? 3 : 0
        var starts = [contentStart]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    func position(at offset: Int) -> TOMLPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return TOMLPosition(line: low + 1, column: max(offset - lineStarts[low], 0) + 1)
    }

    func error(_ message: String, at offset: Int) -> TOMLError {
        TOMLError(message: message, position: position(at: offset))
    }

    /// Rejects invalid UTF-8, bare CR and control characters up front. TOML 1.0
    /// forbids them everywhere (strings and comments included), so one pass here
    /// keeps the grammar code free of encoding checks.
    func validateEncoding() throws(TOMLError) {
        var offset = contentStart
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if byte == 0x0D {
                    if offset + 1 < count, bytes[offset + 1] == 0x0A {
                        offset += 2
                        continue
                    }
                    throw error("carriage return (CR) must be followed by a line feed (LF)", at: offset)
                }
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F {
                    throw error("control character \(Self.scalarName(UInt32(byte))) is not allowed (use an escape sequence inside basic strings)", at: offset)
                }
                offset += 1
                continue
            }
            guard let length = utf8SequenceLength(at: offset) else {
                throw error("invalid UTF-8 byte sequence starting with byte \(Self.byteName(byte))", at: offset)
            }
            offset += length
        }
    }

    /// Length of the well-formed UTF-8 sequence at `offset` (rejecting overlong
    /// forms and surrogates), or nil if it is malformed.
    private func utf8SequenceLength(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard offset + length <= bytes.count, secondRange.contains(bytes[offset + 1]) else { return nil }
        for next in (offset + 2)..<(offset + length) where !(0x80...0xBF).contains(bytes[next]) {
            return nil
        }
        return length
    }

    static func scalarName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func byteName(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
