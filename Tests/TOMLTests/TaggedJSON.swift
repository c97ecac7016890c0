import Foundation
import TOML

/// The toml-test "tagged JSON" form (`{"type": T, "value": V}` for scalars),
/// used to compare parser output with the suite's expected `.json` files.
indirect enum TaggedJSON {
    case table([String: TaggedJSON])
    case array([TaggedJSON])
    case scalar(type: String, value: String)

    init(_ value: TOMLValue) {
        switch value {
        case .string(let text): self = .scalar(type: "string", value: text)
        case .integer(let number): self = .scalar(type: "integer", value: String(number))
        case .float(let number):
            let text = number.isNaN ? "nan" : number.isInfinite ? (number < 0 ? "-inf" : "inf") : "\(number)"
            self = .scalar(type: "float", value: text)
        case .boolean(let flag): self = .scalar(type: "bool", value: flag ? "true" : "false")
        case .offsetDateTime(let text): self = .scalar(type: "datetime", value: text)
        case .localDateTime(let text): self = .scalar(type: "datetime-local", value: text)
        case .localDate(let text): self = .scalar(type: "date-local", value: text)
        case .localTime(let text): self = .scalar(type: "time-local", value: text)
        case .array(let elements): self = .array(elements.map(TaggedJSON.init))
        case .table(let table):
            var entries: [String: TaggedJSON] = [:]
            for key in table.keys {
                if let value = table[key] { entries[key] = TaggedJSON(value) }
            }
            self = .table(entries)
        }
    }

    /// Reads a `JSONSerialization` result; a scalar is an object with exactly
    /// string-valued `type` and `value` keys (a table may have a key named `type`).
    init?(json: Any) {
        if let object = json as? [String: Any] {
            if object.count == 2, let type = object["type"] as? String, let value = object["value"] as? String {
                self = .scalar(type: type, value: value)
                return
            }
            var entries: [String: TaggedJSON] = [:]
            for (key, element) in object {
                guard let converted = TaggedJSON(json: element) else { return nil }
                entries[key] = converted
            }
            self = .table(entries)
        } else if let elements = json as? [Any] {
            var converted: [TaggedJSON] = []
            for element in elements {
                guard let value = TaggedJSON(json: element) else { return nil }
                converted.append(value)
            }
            self = .array(converted)
        } else {
            return nil
        }
    }

    /// Describes the first difference (nil when equal), comparing the way the
    /// upstream runner does: floats numerically, dates after normalization.
    static func difference(expected: TaggedJSON, actual: TaggedJSON, path: String = "") -> String? {
        let at = path.isEmpty ? "<root>" : path
        switch (expected, actual) {
        case (.table(let want), .table(let got)):
            let missing = Set(want.keys).subtracting(got.keys).sorted()
            let extra = Set(got.keys).subtracting(want.keys).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                return "\(at): missing keys \(missing), unexpected keys \(extra)"
            }
            for key in want.keys.sorted() {
                if let diff = difference(expected: want[key]!, actual: got[key]!, path: path.isEmpty ? key : path + "." + key) {
                    return diff
                }
            }
            return nil
        case (.array(let want), .array(let got)):
            guard want.count == got.count else {
                return "\(at): expected \(want.count) array elements, got \(got.count)"
            }
            for (index, pair) in zip(want, got).enumerated() {
                if let diff = difference(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]") { return diff }
            }
            return nil
        case (.scalar(let wantType, let wantValue), .scalar(let gotType, let gotValue)):
            guard wantType == gotType, scalarsMatch(type: wantType, wantValue, gotValue) else {
                return "\(at): expected \(wantType) \(wantValue.debugDescription), got \(gotType) \(gotValue.debugDescription)"
            }
            return nil
        default:
            return "\(at): expected \(expected.kind), got \(actual.kind)"
        }
    }

    private var kind: String {
        switch self {
        case .table: return "table"
        case .array: return "array"
        case .scalar(let type, _): return type
        }
    }

    private static func scalarsMatch(type: String, _ want: String, _ got: String) -> Bool {
        switch type {
        case "float":
            guard let a = parseFloat(want), let b = parseFloat(got) else { return false }
            return (a.isNaN && b.isNaN) || a == b
        case "bool":
            return want.lowercased() == got.lowercased()
        case "datetime", "datetime-local", "date-local", "time-local":
            return normalizeDateTime(want) == normalizeDateTime(got)
        default:
            return want == got
        }
    }

    private static func parseFloat(_ text: String) -> Double? {
        switch text {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text)
        }
    }

    /// Upper-cases separators and pads/truncates fractional seconds to
    /// milliseconds, the precision toml-test compares.
    static func normalizeDateTime(_ text: String) -> String {
        var chars = Array(text.uppercased().replacingOccurrences(of: " ", with: "T"))
        guard let colon = chars.firstIndex(of: ":") else { return String(chars) }
        let secondsEnd = colon + 6
        guard secondsEnd <= chars.count else { return String(chars) }
        var fractionEnd = secondsEnd
        var fraction = ""
        if secondsEnd < chars.count, chars[secondsEnd] == "." {
            fractionEnd = secondsEnd + 1
            while fractionEnd < chars.count, chars[fractionEnd].isNumber { fractionEnd += 1 }
            fraction = String(chars[(secondsEnd + 1)..<fractionEnd])
        }
        let milliseconds = String((fraction + "000").prefix(3))
        chars.replaceSubrange(secondsEnd..<fractionEnd, with: Array("." + milliseconds))
        return String(chars)
    }
}
