#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyModel

/// Default rules merged with a project config: what a scan actually runs.
public struct ResolvedConfig: Sendable {
    public var rules: [Rule]
    /// gitignore-style patterns relative to `allowPathsBase`.
    public var allowPaths: [String]
    /// Absolute directory that `allowPaths` are relative to (the config's folder).
    public var allowPathsBase: String?
    public var allowValues: [String]
    /// Path of the project config in use, if any.
    public var configFile: String?

    public static func resolve(defaults: [Rule], project: ProjectConfig?) throws(ConfigError) -> ResolvedConfig {
        guard let project else {
            return ResolvedConfig(rules: defaults, allowPaths: [], allowPathsBase: nil, allowValues: [], configFile: nil)
        }
        var rules = project.useDefault ? defaults : []
        let known = Set(rules.map(\.id))
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
        return ResolvedConfig(
            rules: rules, allowPaths: project.allowPaths, allowPathsBase: base,
            allowValues: project.allowValues, configFile: project.file)
    }
}
