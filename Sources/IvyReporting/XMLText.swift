/// Escaping for hand-written XML 1.0: the five markup characters, and
/// characters XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE,
/// U+FFFF) turned into visible `\u{…}` text, so no input can break the file.
enum XMLText {
    /// For attribute values: also escapes quotes, tabs and line breaks
    /// (which attribute normalisation would otherwise turn into spaces).
    static func attribute(_ text: String) -> String { escape(text, inAttribute: true) }

    /// For element content.
    static func content(_ text: String) -> String { escape(text, inAttribute: false) }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
