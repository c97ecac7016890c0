/// The four TOML string forms. Bodies are collected as UTF-8 bytes (already
/// validated) and turned into a `String` once at the end.
extension DocumentParser {
    /// `"..."` with escapes, on one line.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = index
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek(), byte != Byte.lf, byte != Byte.cr else {
                throw error("unterminated string (opened at \(source.position(at: start))); basic strings must end on the same line", at: index)
            }
            switch byte {
            case Byte.quote:
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case Byte.backslash:
                try appendEscape(to: &buffer)
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// `'...'` without escapes, on one line.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = index
        index += 1
        let bodyStart = index
        while true {
            guard let byte = peek(), byte != Byte.lf, byte != Byte.cr else {
                throw error("unterminated literal string (opened at \(source.position(at: start))); literal strings must end on the same line", at: index)
            }
            if byte == Byte.apostrophe {
                let text = String(decoding: bytes[bodyStart..<index], as: UTF8.self)
                index += 1
                return text
            }
            index += 1
        }
    }

    /// `"""..."""`: escapes, line-ending backslashes, CRLF normalized to LF.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let start = index
        index += 3
        skipNewlineAfterOpeningDelimiter()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string (opened at \(source.position(at: start)))", at: index)
            }
            switch byte {
            case Byte.quote:
                if try closeMultiline(delimiter: Byte.quote, into: &buffer) {
                    return String(decoding: buffer, as: UTF8.self)
                }
            case Byte.backslash:
                if isLineEndingBackslash() {
                    index += 1
                    while let next = peek(), next == Byte.space || next == Byte.tab || next == Byte.lf || next == Byte.cr {
                        index += 1
                    }
                } else {
                    try appendEscape(to: &buffer)
                }
            case Byte.cr:
                buffer.append(Byte.lf)
                index += 2
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// `'''...'''`: taken verbatim apart from CRLF normalization.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let start = index
        index += 3
        skipNewlineAfterOpeningDelimiter()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line literal string (opened at \(source.position(at: start)))", at: index)
            }
            switch byte {
            case Byte.apostrophe:
                if try closeMultiline(delimiter: Byte.apostrophe, into: &buffer) {
                    return String(decoding: buffer, as: UTF8.self)
                }
            case Byte.cr:
                buffer.append(Byte.lf)
                index += 2
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// A newline right after the opening `"""` / `'''` is not part of the string.
    private mutating func skipNewlineAfterOpeningDelimiter() {
        if peek() == Byte.lf {
            index += 1
        } else if peek() == Byte.cr, peek(1) == Byte.lf {
            index += 2
        }
    }

    /// Handles a run of delimiter quotes: up to two may precede the closing
    /// three (`""""` ends with one quote of content), more than five is an error.
    /// Returns true when the string is closed.
    private mutating func closeMultiline(delimiter: UInt8, into buffer: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == delimiter { run += 1 }
        if run < 3 {
            buffer.append(contentsOf: repeatElement(delimiter, count: run))
            index += run
            return false
        }
        if run > 5 {
            throw error("too many quotes at the end of a multi-line string (at most 2 may precede the closing delimiter)", at: index + 5)
        }
        buffer.append(contentsOf: repeatElement(delimiter, count: run - 3))
        index += run
        return true
    }

    /// A backslash followed only by whitespace up to the end of the line trims
    /// that line break and all leading whitespace of the following lines.
    private func isLineEndingBackslash() -> Bool {
        var offset = 1
        while let byte = peek(offset), byte == Byte.space || byte == Byte.tab { offset += 1 }
        guard let byte = peek(offset) else { return false }
        return byte == Byte.lf || byte == Byte.cr
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(TOMLError) {
        let start = index
        guard let code = peek(1) else {
            throw error("unterminated escape sequence at end of file", at: start)
        }
        index += 2
        switch code {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case Byte.quote: buffer.append(Byte.quote)
        case Byte.backslash: buffer.append(Byte.backslash)
        case UInt8(ascii: "u"): try appendUnicodeEscape(digits: 4, start: start, to: &buffer)
        case UInt8(ascii: "U"): try appendUnicodeEscape(digits: 8, start: start, to: &buffer)
        default:
            index = start + 1
            if code == Byte.space || code == Byte.tab || code == Byte.lf || code == Byte.cr {
                throw error("a backslash followed by whitespace or a line break is only allowed at the end of a line in a multi-line basic string (\"\"\")", at: start)
            }
            let shown = code >= 0x21 && code <= 0x7E ? "'\\\(String(UnicodeScalar(code)))'" : "'\\' followed by \(describeCurrent())"
            throw error("invalid escape sequence \(shown) (valid escapes: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)", at: start)
        }
    }

    private mutating func appendUnicodeEscape(digits: Int, start: Int, to buffer: inout [UInt8]) throws(TOMLError) {
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let byte = peek(offset), let digit = Self.hexValue(byte) else {
                let form = digits == 4 ? "\\u" : "\\U"
                throw error("\(form) escape needs exactly \(digits) hexadecimal digits", at: start)
            }
            value = value << 4 | digit
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape \(SourceText.scalarName(value)) is not a Unicode scalar value (surrogates and values above U+10FFFF are not allowed)", at: start)
        }
        index += digits
        buffer.append(contentsOf: String(Character(scalar)).utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
