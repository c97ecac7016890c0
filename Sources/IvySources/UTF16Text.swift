/// Windows tools write UTF-16: PowerShell 5's `>` and `Out-File`, regedit
/// exports, some editors' .ps1, .reg and .env files. Every other byte of
/// such text is NUL, so a plain binary check would skip it and a key in it
/// would go unseen. This recognises UTF-16 (by its byte-order mark, or by
/// the NUL pattern of mostly-ASCII text) and transcodes it to UTF-8, so
/// the rules, line numbers and (for ASCII) columns work as for any text.
public enum UTF16Text {
    /// How much of a file decides a BOM-less guess, and how sure it must be.
    static let probe = 512
    static let minimumShare = 0.9

    /// The text as UTF-8 when `bytes` is UTF-16, else nil.
    public static func transcoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return decode(bytes, from: 2, littleEndian: true) }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return decode(bytes, from: 2, littleEndian: false) }
        guard bytes.count >= 8 else { return nil }
        // ASCII text in UTF-16LE: a nonzero byte then a NUL, pair after pair.
        var little = 0, big = 0, pairs = 0
        var index = 0
        while index + 1 < min(bytes.count, probe) {
            let (first, second) = (bytes[index], bytes[index + 1])
            if first != 0 && second == 0 { little += 1 }
            if first == 0 && second != 0 { big += 1 }
            pairs += 1
            index += 2
        }
        if Double(little) >= minimumShare * Double(pairs) { return decode(bytes, from: 0, littleEndian: true) }
        if Double(big) >= minimumShare * Double(pairs) { return decode(bytes, from: 0, littleEndian: false) }
        return nil
    }

    /// UTF-16 code units to UTF-8; unpaired surrogates become U+FFFD, a
    /// trailing odd byte is dropped.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, littleEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var index = start
        func unit(at offset: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 : UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
        }
        while index + 1 < bytes.count {
            var scalar = unit(at: index)
            index += 2
            if (0xD800...0xDBFF).contains(scalar) {
                if index + 1 < bytes.count, case let low = unit(at: index), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 2
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            append(scalar, to: &out)
        }
        return out
    }

    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
