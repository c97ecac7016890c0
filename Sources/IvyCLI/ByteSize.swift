/// Parses sizes like `10M`, `512KiB`, `2g`, `1000` (binary units: K = 1024).
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let lowered = text.lowercased().trimmingCharactersInSpace()
        let digits = lowered.prefix { $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let unit = lowered.dropFirst(digits.count)
        let shift: Int
        switch unit {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : value
    }
}

extension String {
    func trimmingCharactersInSpace() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
