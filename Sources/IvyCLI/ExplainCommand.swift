import IvyConfig
import IvyKit
import IvyModel

/// `ivyscan explain RULE`: what a rule catches, why it matters, how to fix.
enum ExplainCommand {
    static let name = "explain"
    static let summary = "Explain what a rule catches, why it matters and how to fix it"
    static let options: [OptionSpec] = [
        OptionSpec("config", short: "c", value: "FILE", help: "Use this config instead of the discovered .ivyscan.toml"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]
    static let help = """
        USAGE: ivyscan explain RULE

        \(summary). `ivyscan rules` lists the rule ids.

        OPTIONS:
        \(HelpText.optionList(options))
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        do {
            let parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            guard parsed.positionals.count == 1 else { throw UsageError("expected exactly one rule id", command: name) }
            let config = try ConfigLoader.load(explicitPath: parsed.value("config"), roots: ["."], environment: environment)
            let id = parsed.positionals[0]
            if let check = config.checks.first(where: { $0.id == id }) {
                var out = "\(check.id): \(check.description)\nseverity: \(check.severity.rawValue)\n"
                if !check.explanation.isEmpty { out += "\n" + check.explanation.trimmingTrailingNewlines() + "\n" }
                out += "\nfix: \(check.remediation)\n"
                out += "parameters (replace them under [checks.\(check.id)] in .ivyscan.toml):\n"
                for name in check.parameters.keys.sorted() {
                    // TOML basic strings, so the lines can be pasted into .ivyscan.toml as they are.
                    let values = check.list(name).map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
                    out += "  \(name) = [\(values.joined(separator: ", "))]\n"
                }
                console.out(out)
                return 0
            }
            guard let rule = config.rules.first(where: { $0.id == id }) else {
                let known = (config.rules.map(\.id) + config.checks.map(\.id)).joined(separator: ", ")
                throw UsageError("unknown rule '\(id)'; known rules: \(known)", command: name)
            }
            var severity = rule.severity.rawValue
            if let raised = rule.contextSeverity {
                severity += " (\(raised.rawValue) when the file mentions \(rule.contextKeywords.joined(separator: ", ")))"
            }
            var out = "\(rule.id): \(rule.description)\nseverity: \(severity)\n"
            if !rule.explanation.isEmpty { out += "\n" + rule.explanation.trimmingTrailingNewlines() + "\n" }
            out += "\nfix: \(rule.remediation)\n"
            out += "suppress one line: add a comment containing ivyscan:allow on it\n"
            console.out(out)
            return 0
        } catch let error as UsageError {
            return CLI.fail(error, console: console)
        } catch {
            console.error("ivyscan: config error: \(error)\n")
            return ExitCode.usage.rawValue
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        while result.hasPrefix("\n") { result.removeFirst() }
        return result
    }
}
