#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The keys in a previous JSON report (`ivyscan verify --report FILE`). A
/// report holds full keys only when made with `--show-secrets`; redacted
/// ones cannot be checked and are only counted.
struct ReportKeys: Decodable {
    struct Entry: Decodable {
        var secret: String?
    }

    var findings: [Entry]

    /// The full keys, and how many findings had only a redacted one.
    static func parse(_ bytes: [UInt8]) -> (keys: [[UInt8]], redacted: Int)? {
        guard let report = try? JSONDecoder().decode(ReportKeys.self, from: Data(bytes)) else { return nil }
        let keys = report.findings.compactMap { $0.secret.map { Array($0.utf8) } }
        return (keys, report.findings.count - keys.count)
    }
}
