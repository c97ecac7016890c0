/// Recursive-descent parser for the TOML 1.0 document grammar, working directly
/// on bytes. Table bookkeeping lives in `TableNode`, scalar tokens in
/// `ScalarDecoder`, and string bodies in `DocumentParser+Strings.swift`.
struct DocumentParser {
    /// Deepest allowed nesting of tables and arrays; deeper input is an error, not a stack overflow.
    static let maxDepth = 128

    let source: SourceText
    let bytes: [UInt8]
    var index: Int

    init(bytes: [UInt8]) {
        source = SourceText(bytes: bytes)
        self.bytes = bytes
        index = source.contentStart
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        try source.validateEncoding()
        let root = TableNode(origin: .header, depth: 0, path: [], position: TOMLPosition(line: 1, column: 1))
        var current = root
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            switch byte {
            case Byte.lf:
                index += 1
                continue
            case Byte.cr:
                index += 2  // validateEncoding guarantees CR is followed by LF
                continue
            case Byte.hash:
                try expectLineEnd(after: "comment")
            case Byte.openBracket:
                current = try parseHeader(root: root)
                try expectLineEnd(after: "table header")
            default:
                let key = try parseKeyValue(into: current)
                try expectLineEnd(after: "the value of key \(key)")
            }
        }
        return root.freeze()
    }

    // MARK: - Lines, whitespace and comments

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == Byte.space || bytes[index] == Byte.tab {
            index += 1
        }
    }

    /// Skips whitespace, newlines and comments, as allowed between array elements.
    mutating func skipBlankLinesAndComments() {
        while index < bytes.count {
            switch bytes[index] {
            case Byte.space, Byte.tab, Byte.lf, Byte.cr:
                index += 1
            case Byte.hash:
                skipComment()
            default:
                return
            }
        }
    }

    mutating func skipComment() {
        while index < bytes.count, bytes[index] != Byte.lf, bytes[index] != Byte.cr {
            index += 1
        }
    }

    var isAtLineEnd: Bool {
        guard let byte = peek() else { return true }
        return byte == Byte.lf || byte == Byte.cr
    }

    /// After a key/value or header only whitespace and a comment may follow on the line.
    mutating func expectLineEnd(after context: String) throws(TOMLError) {
        skipWhitespace()
        if peek() == Byte.hash { skipComment() }
        guard let byte = peek() else { return }
        switch byte {
        case Byte.lf: index += 1
        case Byte.cr: index += 2
        default:
            throw error("expected a new line after \(context), found \(describeCurrent())", at: index)
        }
    }

    // MARK: - Headers and keys

    mutating func parseHeader(root: TableNode) throws(TOMLError) -> TableNode {
        let start = index
        let headerPosition = source.position(at: start)
        let isArray = peek(1) == Byte.openBracket
        index += isArray ? 2 : 1
        let parts = try parseKey()
        skipWhitespace()
        let what = isArray ? "array of tables name" : "table name"
        guard peek() == Byte.closeBracket else {
            throw error("expected '\(isArray ? "]]" : "]")' after \(what) \(KeyPart.quoted(parts)), found \(describeCurrent())", at: index)
        }
        index += 1
        if isArray {
            guard peek() == Byte.closeBracket else {
                throw error("expected ']]' after \(what) \(KeyPart.quoted(parts)), found \(describeCurrent())", at: index)
            }
            index += 1
            return try TableNode.appendArrayElement(parts, in: root, headerPosition: headerPosition, maxDepth: Self.maxDepth)
        }
        return try TableNode.openTable(parts, in: root, headerPosition: headerPosition, maxDepth: Self.maxDepth)
    }

    /// Parses `key ( '.' key )*` with optional whitespace around the dots.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipWhitespace()
            parts.append(try parseSimpleKey())
            if parts.count > Self.maxDepth {
                throw error("dotted key has too many parts (limit is \(Self.maxDepth))", at: index)
            }
            skipWhitespace()
            guard peek() == Byte.dot else { return parts }
            index += 1
        }
    }

    mutating func parseSimpleKey() throws(TOMLError) -> KeyPart {
        let start = index
        let position = source.position(at: start)
        guard let byte = peek() else {
            throw error("expected a key, found end of file", at: index)
        }
        if KeyPart.isBareKeyByte(byte) {
            while let next = peek(), KeyPart.isBareKeyByte(next) { index += 1 }
            return KeyPart(name: String(decoding: bytes[start..<index], as: UTF8.self), position: position)
        }
        if byte == Byte.quote || byte == Byte.apostrophe {
            if peek(1) == byte, peek(2) == byte {
                throw error("multi-line strings cannot be used as keys", at: start)
            }
            let name = byte == Byte.quote ? try parseBasicString() : try parseLiteralString()
            return KeyPart(name: name, position: position)
        }
        throw error("expected a key, found \(describeCurrent())", at: index)
    }

    /// Parses `key = value` and stores it; returns the quoted key for messages.
    @discardableResult
    mutating func parseKeyValue(into table: TableNode) throws(TOMLError) -> String {
        let parts = try parseKey()
        let key = KeyPart.quoted(parts)
        skipWhitespace()
        guard peek() == Byte.equals else {
            throw error("expected '=' after key \(key), found \(describeCurrent())", at: index)
        }
        index += 1
        skipWhitespace()
        let value = try parseValue(depth: table.depth + parts.count, key: key)
        try table.assign(parts, value: value, maxDepth: Self.maxDepth)
        return key
    }

    // MARK: - Values

    /// `depth` is the nesting level the value itself will sit at.
    mutating func parseValue(depth: Int, key: String) throws(TOMLError) -> TOMLValue {
        guard let byte = peek() else {
            throw error("expected a value for key \(key), found end of file", at: index)
        }
        switch byte {
        case Byte.quote:
            if peek(1) == Byte.quote, peek(2) == Byte.quote {
                return .string(try parseMultilineBasicString())
            }
            return .string(try parseBasicString())
        case Byte.apostrophe:
            if peek(1) == Byte.apostrophe, peek(2) == Byte.apostrophe {
                return .string(try parseMultilineLiteralString())
            }
            return .string(try parseLiteralString())
        case Byte.openBracket:
            return try parseArray(depth: depth, key: key)
        case Byte.openBrace:
            return try parseInlineTable(depth: depth, key: key)
        case Byte.lf, Byte.cr:
            throw error("expected a value for key \(key), found end of line", at: index)
        default:
            guard ScalarDecoder.isTokenByte(byte) else {
                throw error("expected a value for key \(key), found \(describeCurrent())", at: index)
            }
            return try parseScalarToken()
        }
    }

    mutating func parseScalarToken() throws(TOMLError) -> TOMLValue {
        let start = index
        while let byte = peek(), ScalarDecoder.isTokenByte(byte) { index += 1 }
        // A date may be followed by a space and a time: `1979-05-27 07:32:00`.
        if peek() == Byte.space, let next = peek(1), ScalarDecoder.isDigit(next),
           ScalarDecoder.isFullDateShape(bytes[start..<index]) {
            index += 1
            while let byte = peek(), ScalarDecoder.isTokenByte(byte) { index += 1 }
        }
        do {
            return try ScalarDecoder.decode(bytes[start..<index])
        } catch {
            throw self.error(error.message, at: start + error.offset)
        }
    }

    mutating func parseArray(depth: Int, key: String) throws(TOMLError) -> TOMLValue {
        let start = index
        guard depth <= Self.maxDepth else {
            throw error("arrays and tables are nested too deeply (limit is \(Self.maxDepth) levels)", at: start)
        }
        index += 1
        var elements: [TOMLValue] = []
        while true {
            skipBlankLinesAndComments()
            guard let byte = peek() else {
                throw error("unterminated array for key \(key) (opened at \(source.position(at: start)))", at: index)
            }
            if byte == Byte.closeBracket {
                index += 1
                return .array(elements)
            }
            elements.append(try parseValue(depth: depth + 1, key: key))
            skipBlankLinesAndComments()
            switch peek() {
            case Byte.comma?:
                index += 1
            case Byte.closeBracket?:
                index += 1
                return .array(elements)
            case nil:
                throw error("unterminated array for key \(key) (opened at \(source.position(at: start)))", at: index)
            default:
                throw error("expected ',' or ']' after an array element, found \(describeCurrent())", at: index)
            }
        }
    }

    mutating func parseInlineTable(depth: Int, key: String) throws(TOMLError) -> TOMLValue {
        let start = index
        guard depth <= Self.maxDepth else {
            throw error("arrays and tables are nested too deeply (limit is \(Self.maxDepth) levels)", at: start)
        }
        index += 1
        let table = TableNode(origin: .inline, depth: depth, path: [], position: source.position(at: start))
        skipWhitespace()
        if peek() == Byte.closeBrace {
            index += 1
            return .table(table.freeze())
        }
        while true {
            skipWhitespace()
            if isAtLineEnd {
                throw error("inline table for key \(key) must be closed with '}' on the same line (opened at \(source.position(at: start)))", at: index)
            }
            if peek() == Byte.closeBrace {
                throw error("trailing comma is not allowed in an inline table", at: index)
            }
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case Byte.comma?:
                index += 1
            case Byte.closeBrace?:
                index += 1
                return .table(table.freeze())
            case Byte.lf?, Byte.cr?, nil:
                throw error("inline table for key \(key) must be closed with '}' on the same line (opened at \(source.position(at: start)))", at: index)
            default:
                throw error("expected ',' or '}' in inline table, found \(describeCurrent())", at: index)
            }
        }
    }

    // MARK: - Errors

    func error(_ message: String, at offset: Int) -> TOMLError {
        source.error(message, at: offset)
    }

    /// Describes the byte at the cursor for "found ..." messages.
    func describeCurrent() -> String {
        guard let byte = peek() else { return "end of file" }
        switch byte {
        case Byte.lf, Byte.cr: return "end of line"
        case 0x21...0x7E: return "'\(String(UnicodeScalar(byte)))'"
        case Byte.space: return "' '"
        case Byte.tab: return "a tab"
        default:
            break
        }
        if byte < 0x80 { return SourceText.scalarName(UInt32(byte)) }
        // Input is valid UTF-8 by now, so decode the whole character for display.
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        let scalar = text.unicodeScalars.first.map { SourceText.scalarName($0.value) } ?? ""
        return "'\(text)' (\(scalar))"
    }
}
