import IvyConfig
import IvyKit
import IvyModel

/// `ivyscan rules`: the active rule set (defaults plus the project config).
enum RulesCommand {
    static let name = "rules"
    static let summary = "List the rules: id, severity, description"
    static let options: [OptionSpec] = [
        OptionSpec("config", short: "c", value: "FILE", help: "Use this config instead of the discovered .ivyscan.toml"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]
    static let help = """
        USAGE: ivyscan rules [--config FILE]

        \(summary). Includes rules added by the project's .ivyscan.toml and omits
        the ones it disables. See `ivyscan explain RULE` for details.

        OPTIONS:
        \(HelpText.optionList(options))
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        do {
            let parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'", command: name) }
            let config = try ConfigLoader.load(explicitPath: parsed.value("config"), roots: ["."], environment: environment)
            let idWidth = (config.rules.map(\.id.count) + config.checks.map(\.id.count)).max() ?? 2
            var out = ""
            for rule in config.rules {
                var severity = rule.severity.rawValue
                if let raised = rule.contextSeverity { severity += "/\(raised.rawValue)" }
                out += rule.id.padding(idWidth) + "  " + severity.padding(15) + "  " + rule.description + "\n"
            }
            for check in config.checks {
                out += check.id.padding(idWidth) + "  " + check.severity.rawValue.padding(15) + "  " + check.description + "\n"
            }
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
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
