/// Decoded bytes of an encoded token, with where each decoded byte came
/// from, so a key found inside can point at its encoded text.
struct Decoded {
    var bytes: [UInt8] = []
    /// `sources[i]` is the token offset where decoded byte `i` starts;
    /// one extra entry holds the token's length. Empty for base64, whose
    /// bytes do not map to whole characters: a key inside points at the token.
    var sources: [Int] = []

    /// The token range that decoded `range` came from.
    func sourceRange(of range: Range<Int>, tokenLength: Int) -> Range<Int> {
        guard !sources.isEmpty else { return 0..<tokenLength }
        return sources[range.lowerBound]..<sources[range.upperBound]
    }
}

/// The decoders behind encoded-key detection. Each takes the token found
/// around a trigger and never fails: malformed input decodes as far as it
/// goes, because a half-valid token cannot hide a whole key anyway.
enum Decoders {
    /// base64 value of an alphabet byte, standard and URL-safe alike; 0xFF if none.
    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    @inline(__always)
    static func isBase64(_ byte: UInt8) -> Bool { base64Values[Int(byte)] != 0xFF }

    /// Decodes base64 (either alphabet, padding optional); stops at the first
    /// byte outside the alphabet and drops a dangling sixth of a byte.
    static func base64(_ token: UnsafeBufferPointer<UInt8>) -> Decoded {
        var out = Decoded()
        out.bytes.reserveCapacity(token.count / 4 * 3 + 2)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in token {
            let value = base64Values[Int(byte)]
            if value == 0xFF { break }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// Standard base64 with padding, for building triggers (and tests).
    static func encodeBase64(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<4 {
                out.append(position <= chunk.count ? base64Alphabet[Int((value >> UInt32(18 - 6 * position)) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return out
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Decodes `%XX` sequences; a `%` not followed by two hex digits stays as is.
    static func percent(_ token: UnsafeBufferPointer<UInt8>) -> Decoded {
        var out = Decoded()
        out.bytes.reserveCapacity(token.count)
        out.sources.reserveCapacity(token.count + 1)
        var index = 0
        while index < token.count {
            out.sources.append(index)
            if token[index] == UInt8(ascii: "%"), index + 2 < token.count,
               let high = hexValue(token[index + 1]), let low = hexValue(token[index + 2]) {
                out.bytes.append(high << 4 | low)
                index += 3
            } else {
                out.bytes.append(token[index])
                index += 1
            }
        }
        out.sources.append(token.count)
        return out
    }

    /// Decodes the escapes of JSON, JavaScript, Python, C and shell `$'…'`
    /// strings: `\uXXXX` (with surrogate pairs), `\u{X…}`, `\UXXXXXXXX`,
    /// `\xXX`, octal `\NNN`, and single-character escapes (`\n`, `\"`, …).
    static func escapes(_ token: UnsafeBufferPointer<UInt8>) -> Decoded {
        references(in: token, introducer: UInt8(ascii: "\\")) { index in
            let (scalar, length) = escape(token, at: index)
            guard let value = scalar, (0xD800..<0xDC00).contains(value) else { return (scalar, length) }
            // A high surrogate: pair it with a following \uDC00-\uDFFF.
            let next = index + length
            let (low, lowLength) = next < token.count && token[next] == UInt8(ascii: "\\") ? escape(token, at: next) : (nil, 0)
            guard let low, (0xDC00..<0xE000).contains(low) else { return (value, length) }
            return (0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), length + lowLength)
        }
    }

    /// Copies `token`, replacing each reference that starts with
    /// `introducer` and that `decode` reads (its scalar and length) by the
    /// scalar's UTF-8; unreadable ones (nil) stay as they are.
    private static func references(in token: UnsafeBufferPointer<UInt8>, introducer: UInt8,
                                   decode: (Int) -> (UInt32?, Int)) -> Decoded {
        var out = Decoded()
        out.bytes.reserveCapacity(token.count)
        out.sources.reserveCapacity(token.count + 1)
        var index = 0
        while index < token.count {
            let start = index
            guard token[index] == introducer, index + 1 < token.count else {
                out.sources.append(start)
                out.bytes.append(token[index])
                index += 1
                continue
            }
            let (scalar, length) = decode(index)
            index += max(1, length)
            if let value = scalar {
                appendUTF8(value, from: start, to: &out)
            } else {
                for offset in start..<index {
                    out.sources.append(offset)
                    out.bytes.append(token[offset])
                }
            }
        }
        out.sources.append(token.count)
        return out
    }

    /// The scalar value of the escape at `index` (a backslash) and its
    /// length; nil when it is not a valid escape (the bytes stay as they are).
    static func escape(_ token: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int) {
        guard index + 1 < token.count else { return (nil, 1) }
        let kind = token[index + 1]
        func hexRun(from start: Int, exactly count: Int) -> UInt32? {
            guard start + count <= token.count else { return nil }
            var value: UInt32 = 0
            for offset in start..<start + count {
                guard let digit = hexValue(token[offset]) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        switch kind {
        case UInt8(ascii: "u"):
            if index + 2 < token.count, token[index + 2] == UInt8(ascii: "{") {
                var value: UInt32 = 0
                var offset = index + 3
                while offset < token.count, offset < index + 10, let digit = hexValue(token[offset]) {
                    value = value << 4 | UInt32(digit)
                    offset += 1
                }
                guard offset > index + 3, offset < token.count, token[offset] == UInt8(ascii: "}") else { return (nil, 2) }
                return (value, offset + 1 - index)
            }
            return hexRun(from: index + 2, exactly: 4).map { ($0, 6) } ?? (nil, 2)
        case UInt8(ascii: "U"):
            return hexRun(from: index + 2, exactly: 8).map { ($0, 10) } ?? (nil, 2)
        case UInt8(ascii: "x"):
            return hexRun(from: index + 2, exactly: 2).map { ($0, 4) } ?? (nil, 2)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value: UInt32 = 0
            var offset = index + 1
            while offset < token.count, offset < index + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(token[offset]) {
                value = value << 3 | UInt32(token[offset] - UInt8(ascii: "0"))
                offset += 1
            }
            return (value, offset - index)
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "t"): return (0x09, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        default: return (UInt32(kind), 2)
        }
    }

    /// The named references a key's characters can be written with (HTML5).
    static let entityNames: [String: UInt32] = ["lowbar": 0x5F, "UnderBar": 0x5F]

    /// Decodes HTML/XML character references (`&#95;`, `&#x5F;`, `&lowbar;`);
    /// anything else stays as it is.
    static func entities(_ token: UnsafeBufferPointer<UInt8>) -> Decoded {
        references(in: token, introducer: UInt8(ascii: "&")) { entity(token, at: $0) }
    }

    /// The scalar of the character reference at `index` (an `&`) and its
    /// length including the `;`; nil when it is not one.
    static func entity(_ token: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int) {
        var offset = index + 1
        guard offset < token.count else { return (nil, 1) }
        if token[offset] == UInt8(ascii: "#") {
            offset += 1
            let hex = offset < token.count && (token[offset] | 0x20) == UInt8(ascii: "x")
            if hex { offset += 1 }
            var value: UInt32 = 0
            let digits = offset
            while offset < token.count, offset - digits < 7 {
                let byte = token[offset]
                if hex, let digit = hexValue(byte) {
                    value = value << 4 | UInt32(digit)
                } else if !hex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
                } else {
                    break
                }
                offset += 1
            }
            guard offset > digits, offset < token.count, token[offset] == UInt8(ascii: ";"), value <= 0x10FFFF else { return (nil, 1) }
            return (value, offset + 1 - index)
        }
        while offset < token.count, offset - index <= 9, EncodedTrigger.isAlphanumeric(token[offset]) { offset += 1 }
        guard offset < token.count, token[offset] == UInt8(ascii: ";"),
              let value = entityNames[String(decoding: UnsafeBufferPointer(rebasing: token[(index + 1)..<offset]), as: UTF8.self)]
        else { return (nil, 1) }
        return (value, offset + 1 - index)
    }

    private static func appendUTF8(_ value: UInt32, from source: Int, to out: inout Decoded) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        for byte in UTF8.encode(scalar)! {
            out.sources.append(source)
            out.bytes.append(byte)
        }
    }
}
