import IvyModel

/// Records a scan's findings into a baseline and applies a baseline to a
/// later scan. Matching is by rule and keyed hash of the secret only, so the
/// same secret anywhere is accepted and any other secret is reported.
public enum Baseline {
    /// A baseline holding exactly the unsuppressed findings of `report`.
    /// Entries already in `existing` keep their reason, owner and expiry, and
    /// its salt is reused, so re-recording an unchanged tree is byte-identical.
    public static func record(_ report: ScanReport, into existing: BaselineFile?) -> (BaselineFile, BaselineChange) {
        var file = BaselineFile(salt: existing?.salt ?? BaselineFile.randomSalt())
        let previous = Dictionary((existing?.entries ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        for finding in report.findings where !finding.suppressed {
            var entry = BaselineEntry(ruleID: finding.ruleID, hash: file.hash(ruleID: finding.ruleID, secret: finding.secret),
                                      match: displayed(finding))
            guard seen.insert(entry.key).inserted else { continue }
            if let old = previous[entry.key] {
                entry.reason = old.reason
                entry.owner = old.owner
                entry.expires = old.expires
            }
            file.entries.append(entry)
        }
        file.sort()
        let kept = file.entries.filter { previous[$0.key] != nil }.count
        return (file, BaselineChange(added: file.entries.count - kept, removed: previous.count - kept, kept: kept))
    }

    /// Marks every finding of `report` whose secret the baseline holds as
    /// `baselined`; returns the keys of the entries that matched.
    @discardableResult
    public static func apply(_ file: BaselineFile, to report: inout ScanReport) -> Set<String> {
        let keys = Set(file.entries.map(\.key))
        var used = Set<String>()
        let salt = file.saltBytes
        for index in report.findings.indices {
            let finding = report.findings[index]
            let key = finding.ruleID + "\u{0}" + KeyedHash.hex(salt: salt, ruleID: finding.ruleID, secret: finding.secret)
            if keys.contains(key) {
                used.insert(key)
                report.findings[index].baselined = true
            }
        }
        return used
    }

    /// The secret as reports show it by default: redacted unless it is not a secret.
    static func displayed(_ finding: Finding) -> String {
        finding.isSecret ? Redactor.redact(finding.secret, prefixLength: finding.secretPrefixLength) : Redactor.printable(finding.secret)
    }
}
