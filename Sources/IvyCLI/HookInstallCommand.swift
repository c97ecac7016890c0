#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyKit

/// `ivyscan install-hooks` and `ivyscan uninstall-hooks`: flags in, messages
/// out; the file work is `HookInstaller`'s.
enum HookInstallCommand {
    static let installName = "install-hooks"
    static let installSummary = "Install git hooks that run ivyscan before each commit (and push)"
    static let uninstallName = "uninstall-hooks"
    static let uninstallSummary = "Remove the git hooks install-hooks added, restoring any it set aside"

    static let repoOption = OptionSpec("repo", short: "C", value: "DIR", help: "Repository (default: the current directory)")
    static let helpOption = OptionSpec("help", short: "h", help: "Show this help")

    static let installOptions: [OptionSpec] = [
        OptionSpec("pre-push", help: "Also install a pre-push hook (scans the commits being pushed)"),
        OptionSpec("chain", help: "Keep an existing hook and run it after a clean scan"),
        OptionSpec("force", help: "Replace an existing hook (kept aside; uninstall-hooks restores it)"),
        repoOption, helpOption,
    ]
    static let uninstallOptions: [OptionSpec] = [repoOption, helpOption]

    static let installHelp = """
        USAGE: ivyscan install-hooks [--pre-push] [--chain | --force] [--repo DIR]

        Installs git hooks that run ivyscan: pre-commit runs
        `ivyscan git staged --format hook`, pre-push (with --pre-push) runs
        `ivyscan git pre-push --format hook`. They are the scripts in ivyscan's
        hooks/ folder and go where git looks for hooks: core.hooksPath if set,
        else .git/hooks. They find ivyscan in $IVYSCAN, then on PATH, then at
        .build/release/ivyscan.

        A hook that ivyscan did not write is never overwritten silently: install
        stops and names it. --chain moves it to <hook>.ivyscan-chained and runs it
        after ivyscan passes; --force sets it aside as <hook>.ivyscan-replaced.
        Running install-hooks again updates ivyscan's own hooks.

        Skip the hooks once with `git commit --no-verify` / `git push --no-verify`.

        OPTIONS:
        \(HelpText.optionList(installOptions))

        EXIT STATUS:
          0  hooks installed
          2  usage error, not a git repository, or an existing hook is in the way
          3  a hook file could not be written or moved
        """

    static let uninstallHelp = """
        USAGE: ivyscan uninstall-hooks [--repo DIR]

        Removes the hooks install-hooks wrote. Hooks ivyscan did not write are
        left alone; a hook that install-hooks --chain or --force set aside is
        moved back.

        OPTIONS:
        \(HelpText.optionList(uninstallOptions))

        EXIT STATUS:
          0  done (also when nothing was installed)
          2  usage error or not a git repository
          3  a hook file could not be removed or moved
        """

    static func runInstall(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        let parsed: ArgumentParser.Parsed
        let policy: HookConflictPolicy
        do throws(UsageError) {
            parsed = try ArgumentParser(specs: installOptions, command: installName).parse(arguments)
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'", command: installName) }
            guard !(parsed.has("chain") && parsed.has("force")) else {
                throw UsageError("choose one of --chain (keep the existing hook) and --force (set it aside)", command: installName)
            }
            policy = parsed.has("chain") ? .chain : parsed.has("force") ? .replace : .refuse
        } catch {
            return CLI.fail(error, console: console)
        }
        let kinds: [HookKind] = parsed.has("pre-push") ? [.preCommit, .prePush] : [.preCommit]
        let changes: [HookChange]
        do {
            changes = try HookInstaller(repository: parsed.value("repo") ?? ".", environment: environment).install(kinds, policy: policy)
        } catch {
            return report(error, console: console, arguments: arguments)
        }
        console.out(changes.map { "ivyscan: \($0)\n" }.joined())
        if !onPath("ivyscan", environment: environment) && environment["IVYSCAN"] == nil {
            let executable = CommandLine.arguments.first ?? "ivyscan"
            console.error("""
                ivyscan: note: `ivyscan` is not on PATH, so the hook will only find it through IVYSCAN or at
                  .build/release/ivyscan; copy \(executable) onto PATH or export IVYSCAN=\(executable)

                """)
        }
        return ExitCode.clean.rawValue
    }

    static func runUninstall(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        let parsed: ArgumentParser.Parsed
        do throws(UsageError) {
            parsed = try ArgumentParser(specs: uninstallOptions, command: uninstallName).parse(arguments)
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'", command: uninstallName) }
        } catch {
            return CLI.fail(error, console: console)
        }
        let changes: [HookChange]
        do {
            changes = try HookInstaller(repository: parsed.value("repo") ?? ".", environment: environment).uninstall()
        } catch {
            return report(error, console: console, arguments: arguments)
        }
        let done = changes.filter { if case .notInstalled = $0 { false } else { true } }
        console.out(done.isEmpty ? "ivyscan: no ivyscan hooks were installed\n" : done.map { "ivyscan: \($0)\n" }.joined())
        return ExitCode.clean.rawValue
    }

    /// Prints why install or uninstall stopped, with the way out; returns the exit status.
    static func report(_ error: HookInstallError, console: Console, arguments: [String]) -> Int32 {
        console.error("ivyscan: error: \(error.description)\n")
        switch error {
        case .foreignHook:
            let again = (["ivyscan", installName] + arguments.map(quoted)).joined(separator: " ")
            console.error("""
                  keep it and run it after ivyscan's scan:  \(again) --chain
                  set it aside and install ivyscan's:       \(again) --force   (uninstall-hooks restores it)

                """)
            return ExitCode.usage.rawValue
        case .git, .leftover: return ExitCode.usage.rawValue
        case .fileSystem: return ExitCode.incomplete.rawValue
        }
    }

    /// An argument as it would be typed into sh.
    static func quoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,@+".contains($0)) }
        return plain ? argument : "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Whether a command name resolves through PATH, as the hook's `command -v` would.
    static func onPath(_ name: String, environment: [String: String]) -> Bool {
        FileSystem.executable(named: name, searchPath: environment["PATH"] ?? "") != nil
    }
}
