import IvyModel
import TOML

/// A rules/*.toml file: only `[[rules]]` tables.
public enum RuleFile {
    public static func parse(_ bytes: [UInt8], file: String, validate: Bool = true) throws(ConfigError) -> [Rule] {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(bytes)
        } catch {
            throw ConfigError(file: file, line: error.position.line, column: error.position.column, message: error.message)
        }
        var reader = TableReader(document, file: file, context: "")
        let rules = try RuleDecoder.decodeRules(try reader.tables("rules") ?? [], file: file, validate: validate)
        try reader.rejectUnknownKeys(known: "[[rules]]")
        return rules
    }
}
