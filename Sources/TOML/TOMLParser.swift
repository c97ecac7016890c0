/// Entry point: parses a TOML 1.0.0 document into a `TOMLTable` whose keys
/// and tables carry source positions.
///
/// Input is treated as raw bytes; invalid UTF-8, bare carriage returns and
/// control characters are rejected with a positioned error rather than being
/// repaired. A leading UTF-8 byte order mark is skipped.
public enum TOMLParser {
    /// Maximum nesting of tables and arrays; deeper documents are rejected.
    public static var maxNestingDepth: Int { DocumentParser.maxDepth }

    public static func parse(_ bytes: some Collection<UInt8>) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(bytes: Array(bytes))
        return try parser.parseDocument()
    }

    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        try parse(Array(text.utf8))
    }
}
