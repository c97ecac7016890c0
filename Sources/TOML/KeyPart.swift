/// One component of a (possibly dotted) key together with where it was written,
/// so redefinition errors can point at the exact component.
struct KeyPart {
    var name: String
    var position: TOMLPosition

    /// Renders a key path the way a user would write it, quoting non-bare parts.
    static func display<C: Collection>(_ parts: C) -> String where C.Element == KeyPart {
        display(names: parts.map(\.name))
    }

    static func display(names: [String]) -> String {
        names.map(quoteIfNeeded).joined(separator: ".")
    }

    static func quoteIfNeeded(_ name: String) -> String {
        let isBare = !name.isEmpty && name.utf8.allSatisfy(Self.isBareKeyByte)
        if isBare { return name }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\u" + String(SourceText.scalarName(scalar.value).dropFirst(2))
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

extension KeyPart {
    /// A key path wrapped in quotes for messages, e.g. `"a.b"` or `'a."b c"'`.
    static func quoted<C: Collection>(_ parts: C) -> String where C.Element == KeyPart {
        let text = display(parts)
        return text.contains("\"") ? "'\(text)'" : "\"\(text)\""
    }
}
