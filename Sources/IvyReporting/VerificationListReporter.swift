import IvyModel

/// `ivyscan verify --format json`: one entry per key checked (the key as
/// shown: redacted unless `--show-secrets`), then counts per status.
public enum VerificationListReporter {
    public static func json(_ entries: [(key: String, verification: Verification)], requests: Int, cached: Int = 0) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginArray("keys")
        for entry in entries {
            writer.beginObject()
            writer.field("key", .string(entry.key))
            writer.field("status", .string(entry.verification.status.rawValue))
            writer.field("reason", .string(entry.verification.reason))
            writer.endObject()
        }
        writer.endArray()
        writer.beginObject("summary")
        for status in VerificationStatus.allCases {
            writer.field(status.rawValue, .int(entries.filter { $0.verification.status == status }.count))
        }
        writer.field("requests", .int(requests))
        // Verdicts answered by --verify-cache, which cost no request.
        writer.field("cached", .int(cached))
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }
}
