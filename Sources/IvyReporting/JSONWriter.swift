import IvyModel

/// A minimal JSON emitter with fixed key order, so output is byte-stable
/// for golden files and diffs (JSONSerialization does not promise order).
public struct JSONWriter {
    public private(set) var output = ""
    private var indent = 0
    private var needsComma: [Bool] = []

    public init() {}

    public enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func field(_ key: String?, _ value: Value) {
        separator()
        if let key { output += Self.quote(key) + ": " }
        switch value {
        case .string(let text): output += Self.quote(text)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        separator()
        if let key { output += Self.quote(key) + ": " }
        output += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { output += "\n" + String(repeating: "  ", count: indent) }
        output += bracket
    }

    private mutating func separator() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { output += "," }
        output += "\n" + String(repeating: "  ", count: indent)
        needsComma[needsComma.count - 1] = true
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONWriter {
    /// A finding's extra violations, shared by the JSON and SARIF reports
    /// (which differ only in how they spell the rule id key).
    mutating func violations(_ violations: [Violation], idKey: String) {
        guard !violations.isEmpty else { return }
        beginArray("violations")
        for violation in violations {
            beginObject()
            field(idKey, .string(violation.ruleID))
            field("severity", .string(violation.severity.rawValue))
            field("message", .string(violation.message))
            field("remediation", .string(violation.remediation))
            endObject()
        }
        endArray()
    }

    /// A `--verify` verdict, shared by the JSON and SARIF reports.
    mutating func verification(_ verification: Verification?) {
        guard let verification else { return }
        beginObject("verification")
        field("status", .string(verification.status.rawValue))
        field("reason", .string(verification.reason))
        endObject()
    }

    /// Where a secret has been in git history, shared by the JSON and SARIF reports.
    mutating func history(_ history: SecretHistory?) {
        guard let history else { return }
        beginObject("history")
        field("commits", .int(history.commits))
        field("paths", .int(history.paths))
        field("in_head", .bool(history.inHead))
        endObject()
    }
}
