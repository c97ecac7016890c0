/// A work tree to build twice: once on disk for git, once in memory for
/// IgnoreStack. Paths are '/'-separated and relative to the repo root.
struct Scenario {
    var name: String
    /// Regular files other than the ignore files.
    var files: [String] = []
    /// Directories to create even if no file lives in them.
    var extraDirectories: [String] = []
    /// Directory ("" for the root) → contents of its .gitignore.
    var ignoreFiles: [String: [UInt8]] = [:]
    /// Contents of .git/info/exclude.
    var infoExclude: [UInt8]?
    /// Contents of the file core.excludesFile points to.
    var excludesFile: [UInt8]?

    static func ignorePath(_ directory: String) -> String {
        directory.isEmpty ? ".gitignore" : directory + "/.gitignore"
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Every file on disk, the ignore files included (git lists them too).
    var allFiles: [String] {
        files + ignoreFiles.keys.map(Scenario.ignorePath)
    }

    /// Every directory except the root, each once.
    var directories: [String] {
        var result = Set(extraDirectories)
        for path in allFiles + extraDirectories {
            var directory = Scenario.parent(path)
            while !directory.isEmpty {
                result.insert(directory)
                directory = Scenario.parent(directory)
            }
        }
        return result.sorted()
    }

    /// The ignore files git consults for `path`, dumped for failure messages.
    func ignoreFilesDescription(affecting path: String) -> String {
        var text = ""
        var directories: [String] = []
        var directory = Scenario.parent(path)
        while true {
            directories.append(directory)
            if directory.isEmpty { break }
            directory = Scenario.parent(directory)
        }
        for directory in directories.reversed() where ignoreFiles[directory] != nil {
            text += "  --- \(Scenario.ignorePath(directory))\n" + indented(ignoreFiles[directory]!)
        }
        if let infoExclude { text += "  --- .git/info/exclude\n" + indented(infoExclude) }
        if let excludesFile { text += "  --- core.excludesFile\n" + indented(excludesFile) }
        return text
    }

    private func indented(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    " + Differential.quote(String($0)) + "\n" }.joined()
    }
}
