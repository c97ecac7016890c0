/// Formats option lists the same way for every command.
enum HelpText {
    static func optionList(_ specs: [OptionSpec]) -> String {
        let width = (specs.map(\.usage.count).max() ?? 0) + 2
        return specs.map { spec in
            "  " + spec.usage + String(repeating: " ", count: width - spec.usage.count) + spec.help
        }.joined(separator: "\n")
    }
}
