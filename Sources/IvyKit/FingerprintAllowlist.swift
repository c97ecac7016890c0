import IvyConfig
import IvyModel

/// Drops findings whose fingerprint `[[allowlist.fingerprints]]` accepts.
/// Applied to the finished report, after hygiene checks, so an allowed test
/// key neither shows up nor lends violations to anything else.
public enum FingerprintAllowlist {
    public static func fingerprints(_ config: ResolvedConfig) -> Set<String> {
        Set(config.allowFingerprints.map(\.fingerprint))
    }

    public static func apply(_ fingerprints: Set<String>, to report: inout ScanReport) {
        guard !fingerprints.isEmpty else { return }
        report.findings.removeAll { fingerprints.contains($0.fingerprint.hex) }
    }
}
