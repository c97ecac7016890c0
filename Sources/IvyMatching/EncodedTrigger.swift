/// How a key was hidden, in the order decoding peels it.
enum Encoding: Sendable, Equatable {
    case base64
    case percent
    case escape
    /// HTML and XML character references: `&#95;`, `&#x5f;`, `&lowbar;`.
    case entity

    var name: String {
        switch self {
        case .base64: "base64"
        case .percent: "percent"
        case .escape: "escape"
        case .entity: "html-entity"
        }
    }

    var adjective: String {
        switch self {
        case .base64: "base64-encoded"
        case .percent: "percent-encoded"
        case .escape: "written with escapes"
        case .entity: "written with HTML character references"
        }
    }
}

/// A literal whose presence makes an encoded key plausible, so decoding only
/// ever runs where it can pay off.
struct EncodedTrigger: Sendable, Equatable {
    let encoding: Encoding
    let literal: [UInt8]
    /// base64 is case-sensitive; `%5f`/`%5F` and `\u005f`/`\u005F` are not.
    let caseSensitive: Bool
    /// base64 only: the position of the trigger's first character within its
    /// 4-character group, which fixes how the token around it is aligned.
    let groupOffset: Int

    /// Triggers for keys starting with `prefix` (e.g. `ivym_sk_`): the prefix
    /// with its first separator percent-encoded or escaped, and the stable
    /// middle of its base64 encoding at each byte alignment (also of the
    /// percent-encoded prefix, and of its base64 again, for depth 2).
    static func triggers(forPrefix text: String) -> [EncodedTrigger] {
        let prefix = Array(text.utf8)
        guard prefix.count >= 6 else { return [] }
        var result: [EncodedTrigger] = []
        func add(_ trigger: EncodedTrigger) {
            if !result.contains(trigger) { result.append(trigger) }
        }
        var percentForms: [[UInt8]] = []
        // The first separator escaped, or the first kept and the second escaped.
        let separators = prefix.indices.filter { !isAlphanumeric(prefix[$0]) }
        for position in separators.prefix(2) where position >= 3 {
            let head = Array(prefix[..<position])
            let byte = prefix[position]
            let hex = hex2(byte)
            for form in ["%" + hex, "%25" + hex] {
                add(EncodedTrigger(encoding: .percent, literal: head + Array(form.utf8), caseSensitive: false, groupOffset: 0))
            }
            let octal = String(byte, radix: 8)
            for form in ["\\u00" + hex, "\\x" + hex, "\\u{" + hex + "}", "\\" + String(repeating: "0", count: max(0, 3 - octal.count)) + octal] {
                add(EncodedTrigger(encoding: .escape, literal: head + Array(form.utf8), caseSensitive: false, groupOffset: 0))
            }
            var entities = ["&#\(byte);", "&#x" + hex + ";"]
            entities += Decoders.entityNames.filter { $0.value == UInt32(byte) }.keys.sorted().map { "&" + $0 + ";" }
            for form in entities {
                add(EncodedTrigger(encoding: .entity, literal: head + Array(form.utf8), caseSensitive: false, groupOffset: 0))
            }
            if position == separators.first {
                percentForms.append(head + Array(("%" + hex.uppercased()).utf8))
                percentForms.append(head + Array(("%" + hex).utf8))
            }
        }
        let plain = stableBase64(of: prefix)
        for (literal, offset) in plain + percentForms.flatMap(stableBase64(of:)) {
            add(EncodedTrigger(encoding: .base64, literal: literal, caseSensitive: true, groupOffset: offset))
        }
        for (inner, _) in plain {
            for (literal, offset) in stableBase64(of: inner) {
                add(EncodedTrigger(encoding: .base64, literal: literal, caseSensitive: true, groupOffset: offset))
            }
        }
        return result
    }

    /// For each of the three byte alignments, the base64 characters that
    /// depend only on `bytes` (not on their neighbours), with the position of
    /// the first one within its group. Forms with `+` or `/` also get their
    /// URL-safe spelling. Shorter than 7 characters is too common to trigger on.
    static func stableBase64(of bytes: [UInt8]) -> [([UInt8], Int)] {
        var result: [([UInt8], Int)] = []
        for alignment in 0..<3 {
            let padded = [UInt8](repeating: 0, count: alignment) + bytes
            let encoded = Decoders.encodeBase64(padded)
            let firstBit = alignment * 8
            let endBit = padded.count * 8
            let first = (firstBit + 5) / 6
            let end = endBit / 6
            guard end - first >= 7 else { continue }
            let stable = Array(encoded[first..<end])
            result.append((stable, first % 4))
            if stable.contains(UInt8(ascii: "+")) || stable.contains(UInt8(ascii: "/")) {
                let urlSafe = stable.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }
                result.append((urlSafe, first % 4))
            }
        }
        return result
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
