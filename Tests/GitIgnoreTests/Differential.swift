import Foundation
import GitIgnore

/// Runs one scenario through real git and through IgnoreStack and lists
/// every disagreement, with enough context to reproduce it by hand.
enum Differential {
    struct Report {
        /// Path verdicts compared (check-ignore, ls-files and walker checks each count).
        var comparisons = 0
        /// Distinct paths of the scenario.
        var paths = 0
        /// Paths git reported as ignored, and as decided by a `!` pattern: shows the scenarios bite.
        var ignoredByGit = 0
        var includedByNegation = 0
        var mismatches: [String] = []

        var summary: String {
            "\(paths) paths, \(comparisons) verdicts compared with git "
                + "(git: \(ignoredByGit) ignored, \(includedByNegation) re-included by !)"
        }

        mutating func add(_ other: Report) {
            comparisons += other.comparisons
            paths += other.paths
            ignoredByGit += other.ignoredByGit
            includedByNegation += other.includedByNegation
            mismatches += other.mismatches
        }
    }

    static func run(_ scenario: Scenario) throws -> Report {
        let repo = try GitRepo()
        for directory in scenario.directories { try repo.makeDirectory(directory) }
        for file in scenario.files { try repo.createFile(file, []) }
        for (directory, contents) in scenario.ignoreFiles {
            try repo.createFile(Scenario.ignorePath(directory), contents)
        }
        if let infoExclude = scenario.infoExclude {
            try repo.makeDirectory(".git/info")
            try repo.createFile(".git/info/exclude", infoExclude)
        }
        if let excludes = scenario.excludesFile {
            try Data(excludes).write(to: repo.excludesFile)
        }
        let useExcludesFile = scenario.excludesFile != nil

        let files = scenario.allFiles.sorted()
        let directories = scenario.directories
        let listed = try repo.listedOthers(useExcludesFile: useExcludesFile)
        let reported = try repo.checkIgnore(files + directories, useExcludesFile: useExcludesFile)

        // Our side: one stack per directory, built the way a walker would.
        var lowest: [IgnoreFile] = []
        if let excludes = scenario.excludesFile {
            lowest.append(IgnoreFile(contents: excludes, base: "", source: repo.excludesFile.path))
        }
        if let info = scenario.infoExclude {
            lowest.append(IgnoreFile(contents: info, base: "", source: ".git/info/exclude"))
        }
        let rootFile = IgnoreFile(contents: scenario.ignoreFiles[""] ?? [], base: "", source: ".gitignore")
        var stacks: [String: IgnoreStack] = ["": IgnoreStack(files: [rootFile], excludes: lowest)]
        for directory in directories.sorted(by: { depth($0) < depth($1) }) {
            let parent = stacks[Scenario.parent(directory)]!
            let own = scenario.ignoreFiles[directory].map {
                [IgnoreFile(contents: $0, base: directory, source: Scenario.ignorePath(directory))]
            } ?? []
            stacks[directory] = parent.pushing(own)
        }

        var report = Report()
        report.paths = files.count + directories.count
        func fail(_ text: String, _ path: String) {
            report.mismatches.append("[\(scenario.name)] " + text + "\n" + scenario.ignoreFilesDescription(affecting: path))
        }

        for (path, isDirectory) in files.map({ ($0, false) }) + directories.map({ ($0, true) }) {
            let stack = stacks[Scenario.parent(path)]!
            let ours = stack.isIgnored(path, isDirectory: isDirectory)
            let ourPattern = stack.decidingPattern(path, isDirectory: isDirectory)
            let ourText = ourPattern.map { "\($0.file.source):\($0.pattern.lineNumber):\($0.pattern.source)" } ?? "-"
            let git = reported[path]
            let gitText = git.map { $0.pattern.isEmpty ? "-" : "\($0.source):\($0.line):\($0.pattern)" } ?? "(missing)"
            let gitIgnored = git.map { !$0.pattern.isEmpty && !$0.pattern.hasPrefix("!") } ?? false
            let kind = isDirectory ? "dir " : "file"

            report.comparisons += 1
            if gitIgnored { report.ignoredByGit += 1 }
            if git?.pattern.hasPrefix("!") == true { report.includedByNegation += 1 }
            if ours != gitIgnored {
                fail("check-ignore \(kind) \(quote(path)): git ignored=\(gitIgnored) [\(gitText)], ours=\(ours) [\(ourText)]", path)
            } else if gitText != ourText {
                fail("deciding pattern \(kind) \(quote(path)): git [\(gitText)], ours [\(ourText)]", path)
            }
            if !isDirectory {
                report.comparisons += 1
                let gitListed = listed.contains(path)
                if gitListed == ours {
                    fail("ls-files \(quote(path)): git listed=\(gitListed), ours ignored=\(ours) [\(ourText); git check-ignore: \(gitText)]", path)
                }
            }
        }

        // The walker's way: never descend into an ignored directory, check entries only.
        let walked = walk(files: files, directories: directories, stacks: stacks)
        report.comparisons += files.count
        for path in walked.subtracting(listed).sorted() { fail("walker listed \(quote(path)) but git did not", path) }
        for path in listed.subtracting(walked).sorted() { fail("git listed \(quote(path)) but walker did not", path) }

        return report
    }

    private static func walk(files: [String], directories: [String], stacks: [String: IgnoreStack]) -> Set<String> {
        var children: [String: [(String, Bool)]] = [:]
        for file in files { children[Scenario.parent(file), default: []].append((file, false)) }
        for directory in directories { children[Scenario.parent(directory), default: []].append((directory, true)) }
        var listed = Set<String>()
        var pending = [""]
        while let directory = pending.popLast() {
            let stack = stacks[directory]!
            for (path, isDirectory) in children[directory] ?? [] {
                let bytes = Array(path.utf8)
                if stack.match(bytes, isDirectory: isDirectory) == .ignored { continue }
                if isDirectory { pending.append(path) } else { listed.insert(path) }
            }
        }
        return listed
    }

    private static func depth(_ path: String) -> Int { path.split(separator: "/").count }

    /// Shows spaces, tabs and backslashes unambiguously.
    static func quote(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\t": return "\\t"
            case "\r": return "\\r"
            case "\u{0B}": return "\\v"
            default: return String(scalar)
            }
        }.joined() + "\""
    }
}
