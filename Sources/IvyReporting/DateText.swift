import IvyModel

/// Commit dates as ISO 8601 UTC (`2026-12-04T15:57:54Z`) and the other date
/// forms the report formats require, from `CivilDate` (no date library).
public enum DateText {
    static func iso8601(_ seconds: Int) -> String { CivilDate.iso8601(seconds) }

    /// `2026-12-04T15:57:54`: UTC without a zone suffix, the form GitLab's
    /// report schema and Ant's JUnit schema require.
    static func zoneless(_ seconds: Int) -> String { String(iso8601(seconds).dropLast()) }

    /// Seconds as a decimal with milliseconds (`0.250`), for JUnit `time`.
    static func seconds(_ value: Double) -> String {
        let millis = max(0, Int((value * 1000).rounded()))
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    public static func day(_ seconds: Int) -> String { String(iso8601(seconds).prefix(10)) }
}
