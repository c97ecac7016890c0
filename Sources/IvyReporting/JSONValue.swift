/// A JSON document held as parsed, for commands that pass JSON through
/// (`sarif-merge`): object members keep their order and numbers keep their
/// text, so writing a value back changes only the whitespace.
enum JSONValue: Equatable, Sendable {
    struct Member: Equatable, Sendable {
        var key: String
        var value: JSONValue
    }

    case object([Member])
    case array([JSONValue])
    case string(String)
    /// The number as written (`-1.50e3` stays `-1.50e3`).
    case number(String)
    case bool(Bool)
    case null

    /// The member `key` of an object; nil for other values.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Indented with two spaces, one member or element per line; no
    /// trailing newline.
    func rendered(indent: Int = 0) -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + Self.spaces(indent + 1) + JSONWriter.quote(member.key) + ": "
                member.value.write(to: &output, indent: indent + 1)
            }
            output += "\n" + Self.spaces(indent) + "}"
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + Self.spaces(indent + 1)
                element.write(to: &output, indent: indent + 1)
            }
            output += "\n" + Self.spaces(indent) + "]"
        case .string(let text): output += JSONWriter.quote(text)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private static func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }
}
