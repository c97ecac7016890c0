#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyBasics
import IvyReporting

/// `ivyscan sarif-merge [-o FILE] FILE...`: one SARIF log from many, e.g.
/// an organisation's repositories scanned in parallel. Reads the files,
/// lets `SARIFMerge` do the merging, writes the result.
enum SARIFMergeCommand {
    static let name = "sarif-merge"
    static let summary = "Merge SARIF 2.1.0 logs into one (one run per input run)"
    static let options: [OptionSpec] = [
        OptionSpec("output", short: "o", value: "FILE", help: "Write the merged log to FILE (default: standard output)"),
        OptionSpec("help", short: "h", help: "Show this help"),
    ]
    static let help = """
        USAGE: ivyscan sarif-merge [-o FILE] FILE...

        \(summary). The merged log's runs are the runs of every FILE, in
        argument order, each kept as it is. A run without automationDetails.id
        gets "ivyscan/<file name without .sarif>/" (then -2, -3, ... if a name
        repeats), so a viewer can tell repositories apart: name each file after
        its repository. The same files give the same output, byte for byte.

        OPTIONS:
        \(HelpText.optionList(options))

        EXIT STATUS:
          0  merged
          2  usage error, or a FILE that cannot be read, is not JSON or is not SARIF 2.1.0
          3  the merged log could not be written

        EXAMPLE:
          ivyscan sarif-merge -o org.sarif reports/*.sarif
        """

    static func run(_ arguments: [String], console: Console, environment: [String: String]) -> Int32 {
        let parsed: ArgumentParser.Parsed
        do throws(UsageError) {
            parsed = try ArgumentParser(specs: options, command: name).parse(arguments)
            guard !parsed.positionals.isEmpty else { throw UsageError("expected at least one SARIF file to merge", command: name) }
            if (parsed.values["output"]?.count ?? 0) > 1 { throw UsageError("--output given more than once", command: name) }
        } catch {
            return CLI.fail(error, console: console)
        }

        var inputs: [SARIFMerge.Input] = []
        for path in parsed.positionals {
            switch read(path) {
            case .success(let bytes): inputs.append(SARIFMerge.Input(name: path, bytes: bytes))
            case .failure(let message):
                console.error("ivyscan: error: \(path): \(message)\n")
                return ExitCode.usage.rawValue
            }
        }
        let merged: SARIFMerge.Output
        do {
            merged = try SARIFMerge.merge(inputs)
        } catch {
            console.error("ivyscan: error: \(error.description)\n")
            return ExitCode.usage.rawValue
        }
        for note in merged.notes { console.error("ivyscan: note: \(note)\n") }

        // Written only after every input was read, so `-o` may name one of them.
        guard let path = parsed.value("output"), path != "-" else {
            console.out(merged.text)
            return ExitCode.clean.rawValue
        }
        switch FileSystem.create(path) {
        case .failure(let error):
            console.error("ivyscan: error: cannot write \(error.description)\n")
            return ExitCode.incomplete.rawValue
        case .success(let fd):
            let written = FileSystem.writeAll(fd: fd, Array(merged.text.utf8))
            let closed = FileSystem.close(fd)
            guard written && closed else {
                console.error("ivyscan: error: cannot write \(path): \(String(cString: strerror(errno)))\n")
                return ExitCode.incomplete.rawValue
            }
            return ExitCode.clean.rawValue
        }
    }

    /// A regular file's bytes, or why it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        switch FileSystem.kind(of: path) {
        case nil: return .failure(ReadFailure("no such file"))
        case .directory: return .failure(ReadFailure("is a directory, not a SARIF file"))
        case .other, .file: break
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure("cannot open: \(String(cString: strerror(errno)))")) }
        defer { _ = FileSystem.close(fd) }
        return .success(FileSystem.readAll(fd: fd))
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var message: String
        init(_ message: String) { self.message = message }
        var description: String { message }
    }
}
