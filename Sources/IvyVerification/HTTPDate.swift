import IvyModel

/// An HTTP-date (RFC 9110 §5.6.7) as Unix seconds, parsed by hand because
/// FoundationEssentials has no DateFormatter. Accepts IMF-fixdate, the only
/// form senders may generate (`Sun, 06 Nov 1994 08:49:37 GMT`), and the two
/// obsolete forms recipients must still accept: rfc850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
/// Anything else is nil, never a guess.
enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// - Parameter now: Unix seconds, to place rfc850's two-digit years: one
    ///   more than 50 years ahead belongs to the century before (RFC 9110).
    static func seconds(_ text: String, now: Double) -> Int? {
        let fields = text.split(separator: " ")
        if fields.count == 6, fields[0].hasSuffix(","), days.contains(String(fields[0].dropLast())), fields[5] == "GMT",
           fields[1].count == 2, fields[3].count == 4 {
            return make(year: number(fields[3]), month: month(fields[2]), day: number(fields[1]), time: fields[4])
        }
        if fields.count == 4, fields[0].hasSuffix(","), longDays.contains(String(fields[0].dropLast())), fields[3] == "GMT" {
            let parts = fields[1].split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 2, parts[2].count == 2, let twoDigits = number(parts[2]) else { return nil }
            let thisYear = CivilDate.date(fromDays: Int((now / 86_400).rounded(.down))).year
            var year = thisYear - thisYear % 100 + twoDigits
            if year > thisYear + 50 { year -= 100 }
            return make(year: year, month: month(parts[1]), day: number(parts[0]), time: fields[2])
        }
        if fields.count == 5, days.contains(String(fields[0])), (1...2).contains(fields[2].count), fields[4].count == 4 {
            return make(year: number(fields[4]), month: month(fields[1]), day: number(fields[2]), time: fields[3])
        }
        return nil
    }

    private static func make(year: Int?, month: Int?, day: Int?, time: Substring) -> Int? {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard let year, let month, let day, clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hour = number(clock[0]), let minute = number(clock[1]), let second = number(clock[2]),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second <= 60  // 60: a leap second
        else { return nil }
        return CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    private static func month(_ name: Substring) -> Int? { months.firstIndex(of: String(name)).map { $0 + 1 } }

    /// ASCII digits only: `Int("+5")` would accept a sign.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
