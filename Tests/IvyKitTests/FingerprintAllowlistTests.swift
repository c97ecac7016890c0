import Foundation
import IvyConfig
import IvyKit
import IvyModel
import Testing
import TestSupport

/// `[[allowlist.fingerprints]]`: parsing is strict, filtering is exact.
@Suite struct FingerprintAllowlistTests {
    func parse(_ text: String) throws(ConfigError) -> ProjectConfig {
        try ProjectConfig.parse(Array(text.utf8), file: ".ivyscan.toml")
    }

    @Test func parsesFingerprintsWithReasons() throws {
        let hex = String(repeating: "ab", count: 32)
        let config = try parse("""
            version = 1
            [allowlist]
            paths = ["fixtures/"]
            [[allowlist.fingerprints]]
            fingerprint = "\(hex.uppercased())"
            reason = "sandbox key"
            """)
        #expect(config.allowFingerprints == [AllowedFingerprint(fingerprint: hex, reason: "sandbox key")])
        #expect(try ResolvedConfig.resolve(defaults: [], project: config).allowFingerprints.map(\.fingerprint) == [hex])
    }

    @Test func rejectsBadEntries() {
        let hex = String(repeating: "0", count: 64)
        for body in [
            "fingerprint = \"\(hex)\"",                              // no reason
            "fingerprint = \"\(hex)\"\nreason = \"  \"",            // blank reason
            "fingerprint = \"abc\"\nreason = \"x\"",                 // not 64 hex digits
            "fingerprint = \"\(hex)\"\nreason = \"x\"\nexpires = 1", // unknown key
        ] {
            #expect(throws: ConfigError.self, "\(body)") { try parse("[[allowlist.fingerprints]]\n" + body) }
        }
    }

    @Test func dropsOnlyTheAllowedSecret() throws {
        let temp = TempDirectory()
        let (allowed, other) = (TestKeys.key(), TestKeys.key())
        temp.write("a.py", "A = \"\(allowed)\"\nB = \"\(other)\"\n")
        let fingerprint = Fingerprint(ruleID: "ivymail-api-key", secret: Array(allowed.utf8)).hex
        temp.write(".ivyscan.toml", "[[allowlist.fingerprints]]\nfingerprint = \"\(fingerprint)\"\nreason = \"docs key\"\n")
        let config = try ConfigLoader.load(explicitPath: nil, roots: [temp.path], environment: [:])
        let report = try DirectoryScan.run(ScanOptions(roots: [temp.path], threads: 1, useGit: false), config: config)
        #expect(report.findings.map(\.location.line) == [2])
    }
}
