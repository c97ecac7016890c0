/// Sizes and durations for people: 1.2 MB, 0.45s.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        return "\(TimeFormat.oneDecimal(value)) \(units[unit])"
    }
}

enum TimeFormat {
    static func formatSeconds(_ seconds: Double) -> String {
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
