/// Entry point of the command line: picks the subcommand and returns the
/// exit status. A library so tests can call it without a process.
public enum CLI {
    struct Command: Sendable {
        let name: String
        let summary: String
        let help: String
        let run: @Sendable (_ arguments: [String], _ console: Console, _ environment: [String: String]) -> Int32
    }

    static let commands: [Command] = [
        Command(name: ScanCommand.name, summary: ScanCommand.summary, help: ScanCommand.help, run: ScanCommand.run),
        Command(name: GitSubcommand.name, summary: GitSubcommand.summary, help: GitSubcommand.help, run: GitSubcommand.run),
        Command(name: BaselineCommand.name, summary: BaselineCommand.summary, help: BaselineCommand.help, run: BaselineCommand.run),
        Command(name: VerifyCommand.name, summary: VerifyCommand.summary, help: VerifyCommand.help, run: VerifyCommand.run),
        Command(name: RulesCommand.name, summary: RulesCommand.summary, help: RulesCommand.help, run: RulesCommand.run),
        Command(name: ExplainCommand.name, summary: ExplainCommand.summary, help: ExplainCommand.help, run: ExplainCommand.run),
        Command(name: HookInstallCommand.installName, summary: HookInstallCommand.installSummary, help: HookInstallCommand.installHelp,
                run: HookInstallCommand.runInstall),
        Command(name: HookInstallCommand.uninstallName, summary: HookInstallCommand.uninstallSummary, help: HookInstallCommand.uninstallHelp,
                run: HookInstallCommand.runUninstall),
        Command(name: SARIFMergeCommand.name, summary: SARIFMergeCommand.summary, help: SARIFMergeCommand.help, run: SARIFMergeCommand.run),
    ]

    static var help: String {
        let width = commands.map(\.name.count).max()! + 2
        let list = commands.map { "  " + $0.name.padding(width) + $0.summary }.joined(separator: "\n")
        let help = "help [COMMAND]".padding(width), version = "-V, --version".padding(width), helpFlag = "-h, --help".padding(width)
        return """
            ivyscan \(Version.current): find IvyMail API keys and unsafe key handling before they leak.

            USAGE: ivyscan <COMMAND> [OPTIONS]

            COMMANDS:
            \(list)
              \(help)Show help for ivyscan or one command

            OPTIONS:
              \(helpFlag)Show help
              \(version)Show the version

            Run `ivyscan help scan` for scan options and exit statuses.
            """
    }

    public static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        guard let first = arguments.first else {
            console.out(help + "\n")
            return ExitCode.clean.rawValue
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "-h", "--help":
            console.out(help + "\n")
            return ExitCode.clean.rawValue
        case "-V", "--version", "version":
            console.out("ivyscan \(Version.current)\n")
            return ExitCode.clean.rawValue
        case "help":
            guard let topic = rest.first else {
                console.out(help + "\n")
                return ExitCode.clean.rawValue
            }
            guard let command = commands.first(where: { $0.name == topic }) else {
                return fail(UsageError("unknown command '\(topic)'"), console: console)
            }
            console.out(command.help + "\n")
            return ExitCode.clean.rawValue
        default:
            guard let command = commands.first(where: { $0.name == first }) else {
                return fail(UsageError("unknown command '\(first)'"), console: console)
            }
            return command.run(rest, console, environment)
        }
    }

    /// Prints a usage error with where to look next; returns exit status 2.
    static func fail(_ error: UsageError, console: Console) -> Int32 {
        if error.helpRequested, let name = error.command, let command = commands.first(where: { $0.name == name }) {
            console.out(command.help + "\n")
            return ExitCode.clean.rawValue
        }
        let hint = error.command.map { "see 'ivyscan help \($0)'" } ?? "see 'ivyscan --help'"
        console.error("ivyscan: error: \(error.message)\n\(hint)\n")
        return ExitCode.usage.rawValue
    }
}
