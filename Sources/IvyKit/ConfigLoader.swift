#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyConfig
import IvyModel

/// Finds and merges configuration: `--config`, then `IVYSCAN_CONFIG`, then
/// `.ivyscan.toml` walking up from the first scan root, over the defaults.
public enum ConfigLoader {
    public static func load(explicitPath: String?, roots: [String], environment: [String: String]) throws(ConfigError) -> ResolvedConfig {
        let defaults = try DefaultRules.loadAll()
        var path = explicitPath ?? environment["IVYSCAN_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if path == nil {
            let start = roots.first ?? "."
            let directory = FileSystem.kind(of: start) == .file ? FileSystem.parent(of: start) : start
            path = ProjectConfig.discover(from: directory.isEmpty ? "." : directory)
        }
        let project = try path.map { (path: String) throws(ConfigError) in try ProjectConfig.load(path: path) }
        return try ResolvedConfig.resolve(defaults: defaults.rules, checks: defaults.checks, project: project)
    }
}
