#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyModel
import TOML

/// A project's `.ivyscan.toml`: extends the default rules, never silently
/// replaces them (`[extend] useDefault = false` is the explicit opt-out).
///
/// ```toml
/// [extend]
/// useDefault = true
/// disabledRules = ["hardcoded-x-api-key"]
///
/// [severity]
/// hardcoded-x-api-key = "high"
///
/// [allowlist]
/// paths = ["Tests/Fixtures/**"]          # gitignore-style, relative to this file
/// regexes = ['''^ivym_sk_test_''']       # matched against the secret
///
/// [[allowlist.fingerprints]]             # a known test key, by its report fingerprint
/// fingerprint = "64 hex digits"
/// reason = "published sandbox key"
///
/// [[rules]]                              # extra rules, same schema as rules/*.toml
/// ```
public struct ProjectConfig: Sendable, Equatable {
    public static let fileName = ".ivyscan.toml"

    public var file: String
    public var useDefault = true
    public var disabledRules: [String] = []
    public var severities: [String: Severity] = [:]
    public var allowPaths: [String] = []
    public var allowValues: [String] = []
    public var allowFingerprints: [AllowedFingerprint] = []
    public var rules: [Rule] = []
    /// `[checks.<id>]`: severity and parameter lists replacing the defaults.
    public var checkOverrides: [String: CheckOverride] = [:]

    public struct CheckOverride: Sendable, Equatable {
        public var severity: Severity?
        public var parameters: [String: [String]] = [:]
    }

    public init(file: String) { self.file = file }

    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigError) -> ProjectConfig {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(bytes)
        } catch {
            throw ConfigError(file: file, line: error.position.line, column: error.position.column, message: error.message)
        }
        var config = ProjectConfig(file: file)
        var reader = TableReader(document, file: file, context: "")
        _ = try reader.integer("version")
        if let extend = try reader.table("extend") {
            var inner = TableReader(extend, file: file, context: "extend")
            config.useDefault = try inner.bool("useDefault") ?? true
            config.disabledRules = try inner.strings("disabledRules") ?? []
            try inner.rejectUnknownKeys(known: "useDefault, disabledRules")
        }
        if let severities = try reader.table("severity") {
            var inner = TableReader(severities, file: file, context: "severity")
            for key in severities.keys {
                config.severities[key] = try inner.severity(key)
            }
        }
        if let allowlist = try reader.table("allowlist") {
            var inner = TableReader(allowlist, file: file, context: "allowlist")
            _ = try inner.string("description")
            config.allowPaths = try inner.strings("paths") ?? []
            config.allowValues = try inner.strings("regexes") ?? []
            for table in try inner.tables("fingerprints") ?? [] {
                var entry = TableReader(table, file: file, context: "allowlist.fingerprints")
                let fingerprint = try entry.requiredString("fingerprint").lowercased()
                guard fingerprint.utf8.count == 64, fingerprint.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
                    throw entry.error("fingerprint", "allowlist.fingerprints.fingerprint must be 64 hex digits (the report's `fingerprint`)")
                }
                let reason = try entry.requiredString("reason")
                guard !reason.allSatisfy(\.isWhitespace) else {
                    throw entry.error("reason", "allowlist.fingerprints.reason must say why this secret is allowed")
                }
                try entry.rejectUnknownKeys(known: "fingerprint, reason")
                config.allowFingerprints.append(AllowedFingerprint(fingerprint: fingerprint, reason: reason))
            }
            try inner.rejectUnknownKeys(known: "description, paths, regexes, [[allowlist.fingerprints]]")
        }
        config.rules = try RuleDecoder.decodeRules(try reader.tables("rules") ?? [], file: file)
        if let checks = try reader.table("checks") {
            var outer = TableReader(checks, file: file, context: "checks")
            for id in checks.keys {
                guard let table = try outer.table(id) else { continue }
                var inner = TableReader(table, file: file, context: "checks.\(id)")
                var override = CheckOverride(severity: try inner.severity("severity"))
                for key in table.keys where key != "severity" {
                    override.parameters[key] = try inner.strings(key)
                }
                config.checkOverrides[id] = override
            }
        }
        try reader.rejectUnknownKeys(known: "version, [extend], [severity], [allowlist], [checks.ID], [[rules]]")
        return config
    }

    public static func load(path: String) throws(ConfigError) -> ProjectConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "cannot read config file")
        }
        return try parse(Array(data), file: path)
    }

    /// Walks up from `directory` to the filesystem root, like git and
    /// swift-format do, and returns the first `.ivyscan.toml`.
    public static func discover(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if FileSystem.kind(of: candidate) == .file { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
