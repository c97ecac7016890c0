#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyModel

/// Default rules merged with a project config: what a scan actually runs.
public struct ResolvedConfig: Sendable {
    public var rules: [Rule]
    /// Hygiene checks in force (defaults, minus disabled, with project overrides).
    public var checks: [Check] = []
    /// gitignore-style patterns relative to `allowPathsBase`.
    public var allowPaths: [String]
    /// Absolute directory that `allowPaths` are relative to (the config's folder).
    public var allowPathsBase: String?
    public var allowValues: [String]
    /// `[[allowlist.fingerprints]]`: known test secrets dropped from every report.
    public var allowFingerprints: [AllowedFingerprint] = []
    /// Path of the project config in use, if any.
    public var configFile: String?

    public static func resolve(defaults: [Rule], checks defaultChecks: [Check] = [], project: ProjectConfig?) throws(ConfigError) -> ResolvedConfig {
        guard let project else {
            return ResolvedConfig(rules: defaults, checks: defaultChecks, allowPaths: [], allowPathsBase: nil, allowValues: [], configFile: nil)
        }
        var checks = project.useDefault ? defaultChecks : []
        for (id, override) in project.checkOverrides {
            guard let index = checks.firstIndex(where: { $0.id == id }) else {
                throw ConfigError(file: project.file, message: "[checks.\(id)] names unknown check '\(id)' (see `ivyscan rules`)")
            }
            if let severity = override.severity { checks[index].severity = severity }
            for (name, values) in override.parameters {
                guard checks[index].parameters[name] != nil else {
                    let known = checks[index].parameters.keys.sorted().joined(separator: ", ")
                    throw ConfigError(file: project.file, message: "[checks.\(id)] has no parameter '\(name)' (known: \(known))")
                }
                checks[index].parameters[name] = values
            }
        }
        checks.removeAll { project.disabledRules.contains($0.id) }
        var rules = project.useDefault ? defaults : []
        let known = Set(rules.map(\.id) + defaultChecks.map(\.id))
        for id in project.disabledRules where !known.contains(id) && !project.rules.contains(where: { $0.id == id }) {
            throw ConfigError(file: project.file, message: "[extend] disabledRules names unknown rule '\(id)' (see `ivyscan rules`)")
        }
        for rule in project.rules {
            if rules.contains(where: { $0.id == rule.id }) {
                throw ConfigError(file: project.file, message: "rule '\(rule.id)' already exists; change its severity under [severity] or disable it under [extend] disabledRules")
            }
            rules.append(rule)
        }
        rules.removeAll { project.disabledRules.contains($0.id) }
        for (id, severity) in project.severities {
            guard let index = rules.firstIndex(where: { $0.id == id }) else {
                throw ConfigError(file: project.file, message: "[severity] names unknown rule '\(id)' (see `ivyscan rules`)")
            }
            // An explicit severity is final: it also replaces context-raised ones.
            rules[index].severity = severity
            rules[index].contextSeverity = nil
        }
        let base = URL(fileURLWithPath: project.file).standardizedFileURL.deletingLastPathComponent().path
        var resolved = ResolvedConfig(
            rules: rules, checks: checks, allowPaths: project.allowPaths, allowPathsBase: base,
            allowValues: project.allowValues, configFile: project.file)
        resolved.allowFingerprints = project.allowFingerprints
        return resolved
    }
}
