/// Durations for people: 0.45s, 12.3s.
public enum TimeFormat {
    public static func formatSeconds(_ seconds: Double) -> String {
        seconds < 10 ? "\(twoDecimals(seconds))s" : "\(oneDecimal(seconds))s"
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
