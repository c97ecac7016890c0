/// Tokens → values, knowing nothing of what the options mean: `--name value`,
/// `--name=value`, `-j4`, `-j 4`, bundled flags `-qv`, and `--` ending options.
struct ArgumentParser {
    let specs: [OptionSpec]
    let command: String

    struct Parsed {
        var flags: Set<String> = []
        var values: [String: [String]] = [:]
        var positionals: [String] = []

        func value(_ name: String) -> String? { values[name]?.last }
        func has(_ name: String) -> Bool { flags.contains(name) }
    }

    func parse(_ arguments: [String]) throws(UsageError) -> Parsed {
        var parsed = Parsed()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.split(separator: "=", maxSplits: 1)[0])
                guard let spec = specs.first(where: { $0.long == name }) else {
                    throw UsageError("unknown option '--\(name)'\(suggestion(for: name))", command: command)
                }
                if spec.takesValue {
                    if let equals = body.firstIndex(of: "=") {
                        parsed.values[spec.long, default: []].append(String(body[body.index(after: equals)...]))
                    } else {
                        guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value (\(spec.valueName!))", command: command) }
                        parsed.values[spec.long, default: []].append(arguments[index])
                        index += 1
                    }
                } else {
                    guard !body.contains("=") else { throw UsageError("option '--\(name)' takes no value", command: command) }
                    parsed.flags.insert(spec.long)
                }
                continue
            }
            // Short options, possibly bundled: -qv, -j4, -j 4.
            var characters = Substring(argument.dropFirst())
            while let character = characters.first {
                characters = characters.dropFirst()
                guard let spec = specs.first(where: { $0.short == character }) else {
                    throw UsageError("unknown option '-\(character)'", command: command)
                }
                if spec.takesValue {
                    if !characters.isEmpty {
                        parsed.values[spec.long, default: []].append(String(characters))
                    } else {
                        guard index < arguments.count else { throw UsageError("option '-\(character)' needs a value (\(spec.valueName!))", command: command) }
                        parsed.values[spec.long, default: []].append(arguments[index])
                        index += 1
                    }
                    break
                }
                parsed.flags.insert(spec.long)
            }
        }
        if parsed.has("help") { throw UsageError.help(command: command) }
        return parsed
    }

    private func suggestion(for name: String) -> String {
        let close = specs.map(\.long).filter { $0.hasPrefix(String(name.prefix(3))) || name.hasPrefix($0) }
        return close.isEmpty ? "" : " (did you mean '--\(close[0])'?)"
    }
}
