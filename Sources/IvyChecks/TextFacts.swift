import IvyModel

/// Reads, from the bytes around a finding, what the hygiene checks need:
/// the setting it is assigned to, the environment section it sits in, and
/// whether the file declares itself client code.
enum TextFacts {
    /// How far back to look for an enclosing section, in lines.
    static let sectionLookback = 2000

    static func variable(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var cursor = offset
        // Skip the quote and separator between name and value: ` = "`, `": "`, `=>`.
        var skipped = 0
        while cursor > 0, skipped < 8, isSeparator(bytes[cursor - 1]) {
            cursor -= 1
            skipped += 1
        }
        let end = cursor
        while cursor > 0, isNameByte(bytes[cursor - 1]) { cursor -= 1 }
        guard end > cursor, end - cursor <= 128 else { return nil }
        return String(decoding: bytes[cursor..<end], as: UTF8.self)
    }

    /// The nearest enclosing key (by indentation, YAML or JSON) whose name is
    /// in `names` (lowercased), e.g. `production:` around `api_key: ...`.
    static func section(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, names: Set<String>) -> String? {
        guard !names.isEmpty else { return nil }
        var lineStart = offset
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var indent = indentation(bytes, from: lineStart)
        var cursor = lineStart
        var lines = 0
        while cursor > 0, indent > 0, lines < sectionLookback {
            // Move to the start of the previous line.
            var start = cursor - 1
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            cursor = start
            lines += 1
            let lineIndent = indentation(bytes, from: start)
            guard lineIndent < indent, let key = key(bytes, from: start + lineIndent) else { continue }
            indent = lineIndent
            if names.contains(key.lowercased()) { return key }
        }
        return nil
    }

    /// `'use client'` as the file's first statement (comments and blank lines before it allowed).
    static func hasClientDirective(_ bytes: UnsafeBufferPointer<UInt8>, directives: [[UInt8]]) -> Bool {
        var cursor = 0
        let limit = min(bytes.count, 2048)
        while cursor < limit {
            while cursor < limit, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
            if cursor + 1 < limit, bytes[cursor] == UInt8(ascii: "/"), bytes[cursor + 1] == UInt8(ascii: "/") {
                while cursor < limit, bytes[cursor] != 0x0A { cursor += 1 }
                continue
            }
            return directives.contains { directive in
                cursor + directive.count <= bytes.count && bytes[cursor..<cursor + directive.count].elementsEqual(directive)
            }
        }
        return false
    }

    private static func indentation(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        // A blank line has no say in nesting.
        if cursor >= bytes.count || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { return Int.max }
        return cursor - start
    }

    /// The key a line opens: `production:`, `"production": {`, `[production]`.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var cursor = start
        var quoted = false
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") || bytes[cursor] == UInt8(ascii: "[") {
            cursor += 1
            quoted = true
        }
        let nameStart = cursor
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        if quoted, cursor < bytes.count { cursor += 1 }
        while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "=") || bytes[cursor] == 0x0A || bytes[cursor] == UInt8(ascii: "{") else { return nil }
        return name
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`")
    }
}
