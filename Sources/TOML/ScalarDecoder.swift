/// Decodes bare scalar tokens (booleans, integers, floats, dates and times).
///
/// The parser first cuts out the token; keeping the strict TOML number and
/// date grammars here, away from the document grammar, keeps both readable.
enum ScalarDecoder {
    /// A problem inside the token; `offset` is relative to the token start.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// Whether a byte can belong to a bare scalar token.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        KeyPart.isBareKeyByte(byte) || byte == ascii(".") || byte == ascii("+") || byte == ascii(":")
    }

    /// Whether `token` is exactly `YYYY-MM-DD` in shape, i.e. may continue with ` HH:MM:SS`.
    static func isFullDateShape(_ token: ArraySlice<UInt8>) -> Bool {
        let t = Array(token)
        guard t.count == 10, t[4] == ascii("-"), t[7] == ascii("-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(t[$0]) }
    }

    static func decode(_ token: ArraySlice<UInt8>) throws(Failure) -> TOMLValue {
        let t = Array(token)
        if t == Array("true".utf8) { return .boolean(true) }
        if t == Array("false".utf8) { return .boolean(false) }
        // Dates and times start with digits followed by '-' or ':'; the date
        // grammar then reports precise errors for wrong field widths.
        let leadingDigits = t.prefix(while: isDigit).count
        if leadingDigits > 0, leadingDigits < t.count, t[leadingDigits] == ascii("-") || t[leadingDigits] == ascii(":") {
            let isTimeOnly = t[leadingDigits] == ascii(":")
            if leadingDigits != (isTimeOnly ? 2 : 4) {
                let field = isTimeOnly ? "the hour of a time must have exactly 2 digits" : "the year of a date must have exactly 4 digits"
                throw Failure(message: "\(field) (found \(leadingDigits))", offset: 0)
            }
            return try decodeDateTime(t, isTimeOnly: isTimeOnly)
        }
        return try decodeNumber(t)
    }

    // MARK: - Numbers

    private static func decodeNumber(_ t: [UInt8]) throws(Failure) -> TOMLValue {
        var p = 0
        var negative = false
        var hasSign = false
        if let first = t.first, first == ascii("+") || first == ascii("-") {
            hasSign = true
            negative = first == ascii("-")
            p = 1
        }
        let rest = Array(t[p...])
        if rest == Array("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if rest == Array("nan".utf8) { return .float(negative ? -.nan : .nan) }
        guard p < t.count, isDigit(t[p]) else {
            throw invalidValue(t)
        }

        if rest.count >= 2, rest[0] == ascii("0"), let radix = radixOf(rest[1]) {
            if hasSign {
                throw Failure(message: "a sign is not allowed on hexadecimal, octal or binary integers", offset: 0)
            }
            p += 2
            let digits = try readDigits(t, &p, radix: radix, what: "")
            guard p == t.count else { throw unexpected(t, p, in: "integer") }
            var magnitude: UInt64 = 0
            for digit in digits {
                let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
                let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digitValue(digit)))
                if overflow1 || overflow2 { throw outOfRange() }
                magnitude = sum
            }
            guard magnitude <= UInt64(Int64.max) else { throw outOfRange() }
            return .integer(Int64(magnitude))
        }

        let integerStart = p
        let integerDigits = try readDigits(t, &p, radix: 10, what: "")
        if integerDigits.count > 1, integerDigits[0] == ascii("0") {
            throw Failure(message: "leading zeros are not allowed in decimal numbers", offset: integerStart)
        }
        var isFloat = false
        var text = negative ? "-" : ""
        text += String(decoding: integerDigits, as: UTF8.self)
        if p < t.count, t[p] == ascii(".") {
            p += 1
            let fraction = try readDigits(t, &p, radix: 10, what: " after the decimal point")
            text += "." + String(decoding: fraction, as: UTF8.self)
            isFloat = true
        }
        if p < t.count, t[p] == ascii("e") || t[p] == ascii("E") {
            p += 1
            text += "e"
            if p < t.count, t[p] == ascii("+") || t[p] == ascii("-") {
                text += t[p] == ascii("-") ? "-" : "+"
                p += 1
            }
            let exponent = try readDigits(t, &p, radix: 10, what: " in the exponent")
            text += String(decoding: exponent, as: UTF8.self)
            isFloat = true
        }
        guard p == t.count else { throw unexpected(t, p, in: isFloat ? "float" : "integer") }

        if isFloat {
            guard let value = Double(text), value.isFinite else {
                throw Failure(message: "float \(String(decoding: t, as: UTF8.self)) is out of range for a 64-bit float", offset: 0)
            }
            return .float(value)
        }
        var magnitude: UInt64 = 0
        for digit in integerDigits {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit - ascii("0")))
            if overflow1 || overflow2 { throw outOfRange() }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw outOfRange() }
            return .integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { throw outOfRange() }
        return .integer(Int64(magnitude))
    }

    /// Reads `digit ( '_'? digit )*`, returning the digits without underscores.
    private static func readDigits(_ t: [UInt8], _ p: inout Int, radix: Int, what: String) throws(Failure) -> [UInt8] {
        var digits: [UInt8] = []
        guard p < t.count, isDigit(t[p], radix: radix) else {
            if p < t.count, t[p] == ascii("_") {
                throw Failure(message: "an underscore in a number must be between two digits", offset: p)
            }
            throw Failure(message: "expected \(radixName(radix))\(what)", offset: p)
        }
        while p < t.count {
            if isDigit(t[p], radix: radix) {
                digits.append(t[p])
                p += 1
            } else if t[p] == ascii("_") {
                guard p + 1 < t.count, isDigit(t[p + 1], radix: radix) else {
                    throw Failure(message: "an underscore in a number must be between two digits", offset: p)
                }
                p += 1
            } else {
                break
            }
        }
        return digits
    }

    private static func radixOf(_ byte: UInt8) -> Int? {
        switch byte {
        case ascii("x"): return 16
        case ascii("o"): return 8
        case ascii("b"): return 2
        default: return nil
        }
    }

    private static func radixName(_ radix: Int) -> String {
        switch radix {
        case 16: return "a hexadecimal digit"
        case 8: return "an octal digit"
        case 2: return "a binary digit"
        default: return "a digit"
        }
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch radix {
        case 16: return isDigit(byte) || (ascii("a")...ascii("f")).contains(byte) || (ascii("A")...ascii("F")).contains(byte)
        case 8: return (ascii("0")...ascii("7")).contains(byte)
        case 2: return byte == ascii("0") || byte == ascii("1")
        default: return isDigit(byte)
        }
    }

    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case ascii("a")...ascii("f"): return Int(byte - ascii("a")) + 10
        case ascii("A")...ascii("F"): return Int(byte - ascii("A")) + 10
        default: return Int(byte - ascii("0"))
        }
    }

    private static func outOfRange() -> Failure {
        Failure(message: "integer is out of range for a 64-bit signed integer", offset: 0)
    }

    private static func invalidValue(_ t: [UInt8]) -> Failure {
        let text = String(decoding: t, as: UTF8.self)
        if let first = t.first, isDigit(first) || first == ascii("+") || first == ascii("-") || first == ascii(".") || first == ascii("_") {
            return Failure(message: "invalid number '\(text)'", offset: 0)
        }
        return Failure(message: "invalid value '\(text)' (strings must be quoted)", offset: 0)
    }

    private static func unexpected(_ t: [UInt8], _ p: Int, in kind: String) -> Failure {
        let character = String(decoding: t[p...p], as: UTF8.self)
        return Failure(message: "unexpected '\(character)' in \(kind) '\(String(decoding: t, as: UTF8.self))'", offset: p)
    }

    // MARK: - Dates and times

    private static func decodeDateTime(_ t: [UInt8], isTimeOnly: Bool) throws(Failure) -> TOMLValue {
        var p = 0
        let normalized = String(decoding: t.map(normalizeDateByte), as: UTF8.self)
        if isTimeOnly {
            try readTime(t, &p)
            guard p == t.count else { throw trailing(t, p, after: "time") }
            return .localTime(normalized)
        }
        let year = try readNumber(t, &p, digits: 4, what: "year")
        try expect(t, &p, ascii("-"), what: "'-' between year and month")
        let month = try readNumber(t, &p, digits: 2, what: "month")
        let monthOffset = p - 2
        try expect(t, &p, ascii("-"), what: "'-' between month and day")
        let day = try readNumber(t, &p, digits: 2, what: "day")
        guard (1...12).contains(month) else {
            throw Failure(message: "month \(month) is out of range (01-12)", offset: monthOffset)
        }
        let maxDay = daysIn(month: month, year: year)
        guard (1...maxDay).contains(day) else {
            throw Failure(message: "day \(day) is out of range for \(year)-\(pad(month)) (01-\(maxDay))", offset: p - 2)
        }
        if p == t.count { return .localDate(normalized) }
        guard t[p] == ascii("T") || t[p] == ascii("t") || t[p] == ascii(" ") else {
            throw trailing(t, p, after: "date")
        }
        p += 1
        try readTime(t, &p)
        if p == t.count { return .localDateTime(normalized) }
        if t[p] == ascii("Z") || t[p] == ascii("z") {
            p += 1
        } else if t[p] == ascii("+") || t[p] == ascii("-") {
            p += 1
            let hourOffset = p
            let hour = try readNumber(t, &p, digits: 2, what: "offset hour")
            try expect(t, &p, ascii(":"), what: "':' in the time zone offset")
            let minute = try readNumber(t, &p, digits: 2, what: "offset minute")
            guard hour <= 23 else { throw Failure(message: "time zone offset hour \(hour) is out of range (00-23)", offset: hourOffset) }
            guard minute <= 59 else { throw Failure(message: "time zone offset minute \(minute) is out of range (00-59)", offset: p - 2) }
        } else {
            throw trailing(t, p, after: "date-time")
        }
        guard p == t.count else { throw trailing(t, p, after: "date-time") }
        return .offsetDateTime(normalized)
    }

    private static func readTime(_ t: [UInt8], _ p: inout Int) throws(Failure) {
        let start = p
        let hour = try readNumber(t, &p, digits: 2, what: "hour")
        try expect(t, &p, ascii(":"), what: "':' between hour and minute")
        let minute = try readNumber(t, &p, digits: 2, what: "minute")
        guard p < t.count, t[p] == ascii(":") else {
            throw Failure(message: "seconds are required in TOML 1.0 times (HH:MM:SS)", offset: p)
        }
        p += 1
        let second = try readNumber(t, &p, digits: 2, what: "second")
        guard hour <= 23 else { throw Failure(message: "hour \(hour) is out of range (00-23)", offset: start) }
        guard minute <= 59 else { throw Failure(message: "minute \(minute) is out of range (00-59)", offset: start + 3) }
        guard second <= 60 else { throw Failure(message: "second \(second) is out of range (00-60)", offset: start + 6) }
        if p < t.count, t[p] == ascii(".") {
            p += 1
            guard p < t.count, isDigit(t[p]) else {
                throw Failure(message: "expected digits after the decimal point in the seconds", offset: p)
            }
            while p < t.count, isDigit(t[p]) { p += 1 }
        }
    }

    private static func readNumber(_ t: [UInt8], _ p: inout Int, digits: Int, what: String) throws(Failure) -> Int {
        var value = 0
        for index in 0..<digits {
            guard p + index < t.count, isDigit(t[p + index]) else {
                throw Failure(message: "expected a \(digits)-digit \(what)", offset: min(p + index, t.count))
            }
            value = value * 10 + Int(t[p + index] - ascii("0"))
        }
        p += digits
        return value
    }

    private static func expect(_ t: [UInt8], _ p: inout Int, _ byte: UInt8, what: String) throws(Failure) {
        guard p < t.count, t[p] == byte else {
            throw Failure(message: "expected \(what)", offset: min(p, t.count))
        }
        p += 1
    }

    private static func trailing(_ t: [UInt8], _ p: Int, after kind: String) -> Failure {
        let character = String(decoding: t[p...p], as: UTF8.self)
        return Failure(message: "unexpected '\(character)' after \(kind) in '\(String(decoding: t, as: UTF8.self))'", offset: p)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func normalizeDateByte(_ byte: UInt8) -> UInt8 {
        switch byte {
        case ascii("t"), ascii(" "): return ascii("T")
        case ascii("z"): return ascii("Z")
        default: return byte
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= ascii("0") && byte <= ascii("9") }

    private static func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(ascii: scalar) }
}
