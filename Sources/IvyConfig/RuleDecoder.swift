import IvyMatching
import IvyModel
import TOML

/// Reads `[[rules]]` tables (the schema of rules/*.toml, also accepted in
/// `.ivyscan.toml`) into `Rule` values, compiling each regex once to report
/// bad patterns at load time with their location.
enum RuleDecoder {
    static let ruleKeys = """
        id, description, severity, regex, regexes, secretGroup, keywords, secretPrefix, minLength, \
        entropy, placeholderWords, placeholderValues, allowValues, contextKeywords, contextSeverity, \
        message, remediation, explanation, examples, secret
        """

    /// - Parameter validate: compile every regex to report bad ones with
    ///   their location. Skipped for the embedded defaults, which tests
    ///   validate, so a run does not compile patterns it may never use.
    static func decodeRules(_ tables: [TOMLTable], file: String, validate: Bool = true) throws(ConfigError) -> [Rule] {
        var rules: [Rule] = []
        for table in tables {
            rules.append(try decodeRule(table, file: file, validate: validate))
        }
        return rules
    }

    /// `[[checks]]`: fixed fields, and every other key is a parameter list.
    static func decodeCheck(_ table: TOMLTable, file: String) throws(ConfigError) -> Check {
        var reader = TableReader(table, file: file, context: "checks")
        let id = try reader.requiredString("id")
        let description = try reader.requiredString("description")
        var check = Check(
            id: id, description: description, severity: try reader.severity("severity") ?? .high,
            message: try reader.string("message") ?? description,
            remediation: try reader.string("remediation") ?? "",
            explanation: try reader.string("explanation") ?? "")
        for key in table.keys where !reader.consumed.contains(key) {
            guard let values = try reader.strings(key) else { continue }
            check.parameters[key] = values
        }
        return check
    }

    static func decodeRule(_ table: TOMLTable, file: String, validate: Bool = true) throws(ConfigError) -> Rule {
        var reader = TableReader(table, file: file, context: "rules")
        let id = try reader.requiredString("id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw reader.error("id", "rule id '\(id)' may only contain letters, digits, '-', '_' and '.'")
        }
        var patterns: [String] = []
        if let single = try reader.string("regex") { patterns.append(single) }
        if let many = try reader.strings("regexes") { patterns += many }
        guard !patterns.isEmpty else { throw reader.error(nil, "rule '\(id)' needs 'regex' or 'regexes'") }
        let secretGroup = try reader.string("secretGroup") ?? "secret"
        for (index, pattern) in patterns.enumerated() where validate {
            do {
                _ = try PCRE2Regex(pattern, secretGroup: secretGroup)
            } catch {
                let key = table["regex"] != nil && index == 0 ? "regex" : "regexes"
                throw reader.error(key, "rule '\(id)': \(error.description)")
            }
        }
        let keywords = try reader.strings("keywords") ?? []
        guard !keywords.filter({ !$0.isEmpty }).isEmpty else {
            throw reader.error("keywords", "rule '\(id)' needs at least one non-empty keyword (a literal every match contains, used to prefilter)")
        }
        let allowValues = try reader.strings("allowValues") ?? []
        for pattern in allowValues where validate {
            do { _ = try PCRE2Regex(pattern) } catch {
                throw reader.error("allowValues", "rule '\(id)': allowValues: \(error.description)")
            }
        }
        var examples = RuleExamples()
        if let table = try reader.table("examples") {
            var exampleReader = TableReader(table, file: file, context: "rules.examples")
            examples.positive = try exampleReader.strings("positive") ?? []
            examples.negative = try exampleReader.strings("negative") ?? []
            try exampleReader.rejectUnknownKeys(known: "positive, negative")
        }
        let description = try reader.requiredString("description")
        let message = try reader.string("message") ?? description
        let rule = Rule(
            id: id,
            description: description,
            severity: try reader.severity("severity") ?? .medium,
            patterns: patterns,
            secretGroup: secretGroup,
            keywords: keywords,
            secretPrefix: try reader.string("secretPrefix") ?? "",
            minSecretLength: try reader.integer("minLength") ?? 1,
            entropy: try reader.number("entropy"),
            placeholderWords: try reader.strings("placeholderWords") ?? [],
            placeholderValues: try reader.strings("placeholderValues") ?? [],
            allowValues: allowValues,
            contextKeywords: try reader.strings("contextKeywords") ?? [],
            contextSeverity: try reader.severity("contextSeverity"),
            message: message,
            remediation: try reader.string("remediation") ?? "Remove the secret and read it from an environment variable.",
            explanation: try reader.string("explanation") ?? "",
            examples: examples,
            isSecret: try reader.bool("secret") ?? true)
        try reader.rejectUnknownKeys(known: ruleKeys)
        return rule
    }
}
