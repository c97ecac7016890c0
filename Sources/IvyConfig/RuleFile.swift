import IvyModel
import TOML

/// A rules/*.toml file: only `[[rules]]` tables.
public enum RuleFile {
    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigError) -> [Rule] {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(bytes)
        } catch {
            throw ConfigError(file: file, line: error.position.line, column: error.position.column, message: error.message)
        }
        var reader = TableReader(document, file: file, context: "")
        let rules = try RuleDecoder.decodeRules(try reader.tables("rules") ?? [], file: file)
        try reader.rejectUnknownKeys(known: "[[rules]]")
        return rules
    }
}
