/// One decoded TOML value.
///
/// Date and time kinds keep their source text (normalized to an upper-case `T`
/// separator and `Z`) instead of a `Date`, because local dates and times have no
/// time zone and converting would invent one. Equality is structural, so like
/// `Double`, `.float(.nan)` is not equal to itself.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// e.g. `1979-05-27T07:32:00.999-07:00`
    case offsetDateTime(String)
    /// e.g. `1979-05-27T07:32:00`
    case localDateTime(String)
    /// e.g. `1979-05-27`
    case localDate(String)
    /// e.g. `07:32:00.5`
    case localTime(String)
    case array([TOMLValue])
    case table(TOMLTable)
}

extension TOMLValue {
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var floatValue: Double? {
        if case .float(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var tableValue: TOMLTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The source text of any of the four date/time kinds.
    public var dateTimeText: String? {
        switch self {
        case .offsetDateTime(let text), .localDateTime(let text), .localDate(let text), .localTime(let text):
            return text
        default:
            return nil
        }
    }

    /// A human name for the kind of value, for messages such as "expected a string, found an integer".
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .offsetDateTime: return "offset date-time"
        case .localDateTime: return "local date-time"
        case .localDate: return "local date"
        case .localTime: return "local time"
        case .array: return "array"
        case .table: return "table"
        }
    }
}
