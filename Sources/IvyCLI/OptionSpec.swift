/// One command-line option: names, whether it takes a value, and its help.
struct OptionSpec: Sendable {
    let long: String
    let short: Character?
    let valueName: String?
    let help: String

    init(_ long: String, short: Character? = nil, value: String? = nil, help: String) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
    }

    var takesValue: Bool { valueName != nil }

    var usage: String {
        var names = short.map { "-\($0), " } ?? "    "
        names += "--\(long)"
        if let valueName { names += " \(valueName)" }
        return names
    }
}
