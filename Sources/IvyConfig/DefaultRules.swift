#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyModel
import TOML

/// The rule set compiled into the binary from rules/*.toml.
public enum DefaultRules {
    /// Each embedded file's name and exact bytes (tests compare them with rules/).
    public static var files: [(name: String, bytes: [UInt8])] {
        EmbeddedRules.files.map { ($0.name, Array(Data(base64Encoded: $0.base64) ?? Data())) }
    }

    /// Parses the embedded files; a failure here is a build defect, caught by
    /// tests (which pass `validate: true` to compile every regex).
    public static func load(validate: Bool = false) throws(ConfigError) -> [Rule] {
        try loadAll(validate: validate).rules
    }

    /// Regex rules and hygiene checks of every embedded file.
    public static func loadAll(validate: Bool = false) throws(ConfigError) -> (rules: [Rule], checks: [Check]) {
        var rules: [Rule] = []
        var checks: [Check] = []
        for file in files {
            let parsed = try RuleFile.parseAll(file.bytes, file: "rules/\(file.name)", validate: validate)
            rules += parsed.rules
            checks += parsed.checks
        }
        return (rules, checks)
    }
}
