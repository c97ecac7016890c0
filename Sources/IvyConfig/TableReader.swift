import TOML
import IvyModel

/// Typed, located access to one TOML table; rejects unknown keys so a typo
/// in a config is an error, not a silently ignored setting.
struct TableReader {
    let table: TOMLTable
    let file: String
    let context: String
    private(set) var consumed: Set<String> = []

    init(_ table: TOMLTable, file: String, context: String) {
        self.table = table
        self.file = file
        self.context = context
    }

    func error(_ key: String?, _ message: String) -> ConfigError {
        let position = key.flatMap { table.position(of: $0) } ?? table.position
        return ConfigError(file: file, line: position.line, column: position.column, message: message)
    }

    private func label(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .string(let text) = value else { throw error(key, "\(label(key)) must be a string") }
        return text
    }

    mutating func requiredString(_ key: String) throws(ConfigError) -> String {
        guard let text = try string(key) else { throw error(nil, "\(context.isEmpty ? "table" : context) is missing required key '\(key)'") }
        return text
    }

    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .array(let items) = value else { throw error(key, "\(label(key)) must be an array of strings") }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw error(key, "\(label(key)) must contain only strings") }
            result.append(text)
        }
        return result
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .boolean(let flag) = value else { throw error(key, "\(label(key)) must be true or false") }
        return flag
    }

    mutating func integer(_ key: String) throws(ConfigError) -> Int? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .integer(let number) = value, number >= 0, number <= Int64(Int32.max) else {
            throw error(key, "\(label(key)) must be a non-negative integer")
        }
        return Int(number)
    }

    mutating func number(_ key: String) throws(ConfigError) -> Double? {
        consumed.insert(key)
        switch table[key] {
        case nil: return nil
        case .integer(let number)?: return Double(number)
        case .float(let number)? where number.isFinite: return number
        default: throw error(key, "\(label(key)) must be a number")
        }
    }

    mutating func severity(_ key: String) throws(ConfigError) -> Severity? {
        guard let text = try string(key) else { return nil }
        guard let severity = Severity(parsing: text) else {
            throw error(key, "\(label(key)) must be one of \(Severity.choices), not '\(text)'")
        }
        return severity
    }

    mutating func table(_ key: String) throws(ConfigError) -> TOMLTable? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .table(let inner) = value else { throw error(key, "\(label(key)) must be a table") }
        return inner
    }

    mutating func tables(_ key: String) throws(ConfigError) -> [TOMLTable]? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard case .array(let items) = value else { throw error(key, "\(label(key)) must be an array of tables ([[\(label(key))]])") }
        var result: [TOMLTable] = []
        for item in items {
            guard case .table(let inner) = item else { throw error(key, "\(label(key)) must contain only tables") }
            result.append(inner)
        }
        return result
    }

    /// Call last: any key not read above is a typo or unsupported setting.
    func rejectUnknownKeys(known hint: String) throws(ConfigError) {
        for key in table.keys where !consumed.contains(key) {
            throw error(key, "unknown key '\(label(key))' (expected \(hint))")
        }
    }
}
