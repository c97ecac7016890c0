#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GitIgnore
import IvyBasics
import IvyChecks
import IvyConfig
import IvyMatching
import IvyModel
import IvySources

/// The pipeline for files on disk: walk → match → collect → sorted report.
public enum DirectoryScan {
    public static func run(_ options: ScanOptions, config: ResolvedConfig) throws(RuleError) -> ScanReport {
        let start = Monotonic.now()
        let detector = try Detector(rules: config.rules, allowValues: config.allowValues)
        let checks = HygieneChecks(rules: config.rules, checks: config.checks)
        let collector = Collector(detector: detector, checks: checks, workers: options.threads, trace: options.trace)
        var walkOptions = WalkOptions(
            threads: options.threads, maxFileSize: options.maxFileSize, respectIgnore: options.respectIgnore,
            useGit: options.useGit, isAllowlisted: allowlist(config))
        walkOptions.progress = options.progress
        FileWalker.walk(roots: options.roots, options: walkOptions, visitor: collector)
        var report = collector.report()
        FingerprintAllowlist.apply(FingerprintAllowlist.fingerprints(config), to: &report)
        report.duration = Monotonic.now() - start
        return report
    }

    /// Config path allowlists, as gitignore globs relative to the config's folder.
    static func allowlist(_ config: ResolvedConfig) -> (@Sendable (String) -> Bool)? {
        guard !config.allowPaths.isEmpty, let base = config.allowPathsBase else { return nil }
        // A path is allowlisted when it or a parent directory matches, as git ignores.
        let patterns = IgnoreStack(parent: nil, files: [IgnoreFile(patterns: config.allowPaths, base: "")])
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return { absolute in
            let normalized = URL(fileURLWithPath: absolute).standardizedFileURL.path
            guard normalized.hasPrefix(prefix) else { return false }
            let relative = String(normalized.dropFirst(prefix.count))
            return patterns.isIgnored(relative, isDirectory: false)
        }
    }

}
