import IvyModel
import TOML

/// A rules/*.toml file: `[[rules]]` (regex rules) and `[[checks]]` (hygiene checks).
public enum RuleFile {
    public static func parse(_ bytes: [UInt8], file: String, validate: Bool = true) throws(ConfigError) -> [Rule] {
        try parseAll(bytes, file: file, validate: validate).rules
    }

    public static func parseAll(_ bytes: [UInt8], file: String, validate: Bool = true) throws(ConfigError) -> (rules: [Rule], checks: [Check]) {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(bytes)
        } catch {
            throw ConfigError(file: file, line: error.position.line, column: error.position.column, message: error.message)
        }
        var reader = TableReader(document, file: file, context: "")
        let rules = try RuleDecoder.decodeRules(try reader.tables("rules") ?? [], file: file, validate: validate)
        var checks: [Check] = []
        for table in try reader.tables("checks") ?? [] { checks.append(try RuleDecoder.decodeCheck(table, file: file)) }
        try reader.rejectUnknownKeys(known: "[[rules]], [[checks]]")
        return (rules, checks)
    }
}
