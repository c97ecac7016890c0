import Foundation

/// Commit dates as ISO 8601 UTC (`2026-12-04T15:57:54Z`), the same everywhere.
enum DateText {
    static func iso8601(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func day(_ seconds: Int) -> String { String(iso8601(seconds).prefix(10)) }
}
