import IvyModel
import IvyReporting

/// `ivyscan baseline audit`: the entries of a baseline that are expired,
/// unused by the current scan, or missing a reason, in file order
/// (sorted by rule and hash), so CI can fail before the baseline rots.
public struct BaselineAudit: Sendable {
    public var items: [BaselineAuditItem]
    public var entryCount: Int

    public var isClean: Bool { items.isEmpty }

    /// Entries with this problem (an entry may have several).
    public func count(_ problem: BaselineStaleness) -> Int { items.filter { $0.problems.contains(problem) }.count }

    /// - Parameters:
    ///   - report: a scan of the code the baseline covers.
    ///   - today: `YYYY-MM-DD` (UTC); an entry expires after its `expires` day.
    public init(_ file: BaselineFile, report: ScanReport, today: String) {
        var scanned = report
        let used = Baseline.apply(file, to: &scanned)
        var file = file
        file.sort()
        entryCount = file.entries.count
        items = file.entries.compactMap { entry in
            var problems: [BaselineStaleness] = []
            if let expires = entry.expires, expires < today { problems.append(.expired) }
            if !used.contains(entry.key) { problems.append(.unused) }
            if (entry.reason ?? "").allSatisfy(\.isWhitespace) { problems.append(.missingReason) }
            return problems.isEmpty ? nil : BaselineAuditItem(entry: entry, problems: problems)
        }
    }

    /// `--format json`: every stale entry with its problems, then counts,
    /// for dashboards and bots that open clean-up tickets.
    public func json() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("ivyscan-baseline-audit"))
        json.field("version", .int(1))
        json.field("entries", .int(entryCount))
        json.field("clean", .bool(isClean))
        json.beginObject("counts")
        for kind in BaselineStaleness.allCases {
            json.field(kind.rawValue, .int(count(kind)))
        }
        json.endObject()
        json.beginArray("stale")
        for item in items {
            json.beginObject()
            json.field("rule_id", .string(item.entry.ruleID))
            json.field("hash", .string(item.entry.hash))
            json.field("match", item.entry.match.map { .string($0) } ?? .null)
            json.field("reason", item.entry.reason.map { .string($0) } ?? .null)
            json.field("owner", item.entry.owner.map { .string($0) } ?? .null)
            json.field("expires", item.entry.expires.map { .string($0) } ?? .null)
            json.beginArray("problems")
            for problem in item.problems { json.field(nil, .string(problem.rawValue)) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// One line per stale entry, then a summary line.
    public func text() -> String {
        var out = ""
        for item in items {
            let owner = item.entry.owner.map { "  owner: \($0)" } ?? ""
            let expires = item.entry.expires.map { "  expires: \($0)" } ?? ""
            out += "\(item.entry.ruleID)  \(item.entry.match ?? String(item.entry.hash.prefix(12)))  \(item.problems.map(\.rawValue).joined(separator: ", "))\(owner)\(expires)\n"
        }
        var counts: [String] = []
        for kind in BaselineStaleness.allCases {
            let count = count(kind)
            if count > 0 { counts.append("\(count) \(kind.rawValue)") }
        }
        out += items.isEmpty
            ? "baseline: \(entryCount) entr\(entryCount == 1 ? "y" : "ies"), none stale\n"
            : "baseline: \(items.count) of \(entryCount) entr\(entryCount == 1 ? "y" : "ies") need\(items.count == 1 ? "s" : "") attention (\(counts.joined(separator: ", ")))\n"
        return out
    }
}
