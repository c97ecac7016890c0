/// How to read the key from the environment in the language of a file,
/// picked by its name, so a blocked commit shows the line to write instead
/// of a generic "use an environment variable".
public enum EnvSnippet: Sendable, Equatable {
    /// Code that reads `IVYMAIL_API_KEY`, e.g. `os.environ["IVYMAIL_API_KEY"]`.
    case code(String)
    /// A `.env` file: it belongs on the machine, not in git.
    case untrack
    /// A committed template such as `.env.example`: keep a placeholder there.
    case placeholder
    /// No known language: name the variable only.
    case generic

    public static let variable = "IVYMAIL_API_KEY"

    /// File extensions (lower case, without the dot) to the code that reads the variable.
    static let byExtension: [String: String] = {
        var table: [String: String] = [:]
        func add(_ extensions: [String], _ code: String) { for name in extensions { table[name] = code } }
        add(["py", "pyw", "pyi", "ipynb"], "os.environ[\"\(variable)\"]")
        add(["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte"], "process.env.\(variable)")
        add(["go"], "os.Getenv(\"\(variable)\")")
        add(["rb", "rake", "gemspec", "erb"], "ENV.fetch(\"\(variable)\")")
        add(["java", "kt", "kts", "scala", "groovy", "gradle"], "System.getenv(\"\(variable)\")")
        add(["cs", "csx", "vb", "fs"], "Environment.GetEnvironmentVariable(\"\(variable)\")")
        add(["rs"], "std::env::var(\"\(variable)\")")
        add(["swift", "m", "mm"], "ProcessInfo.processInfo.environment[\"\(variable)\"]")
        add(["php"], "getenv('\(variable)')")
        add(["sh", "bash", "zsh", "ksh", "dash", "fish", "dockerfile", "md", "markdown", "rst", "txt", "mk", "http", "rest"], "\"$\(variable)\"")
        return table
    }()

    /// Names without a telling extension.
    static let byFileName: [String: String] = [
        "dockerfile": "\"$\(variable)\"", "containerfile": "\"$\(variable)\"", "makefile": "\"$\(variable)\"",
        "gemfile": "ENV.fetch(\"\(variable)\")", "rakefile": "ENV.fetch(\"\(variable)\")",
        "jenkinsfile": "System.getenv(\"\(variable)\")",
    ]

    /// Template suffixes of dotenv files, committed on purpose with placeholders.
    static let templateSuffixes = ["example", "sample", "template", "dist", "defaults"]

    /// The snippet for a repository-relative, `/`-separated path.
    public static func forPath(_ path: String) -> EnvSnippet {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        if name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") {
            return templateSuffixes.contains { name.hasSuffix("." + $0) } ? .placeholder : .untrack
        }
        if let code = byFileName[name] { return .code(code) }
        if name.hasPrefix("dockerfile.") || name.hasPrefix("containerfile.") { return .code("\"$\(variable)\"") }
        if let dot = name.lastIndex(of: "."), let code = byExtension[String(name[name.index(after: dot)...])] {
            return .code(code)
        }
        return .generic
    }

    /// The whole advice for one file, as a sentence.
    public func advice(path: String) -> String {
        switch self {
        case .code(let code): "remove the key and read it from the environment: \(code)"
        case .untrack: "keep \(path) out of git: git rm --cached \(Self.shellQuoted(path)), then add it to .gitignore"
        case .placeholder: "replace the key in \(path) with a placeholder (\(Self.variable)=)"
        case .generic: "remove the key and read it from the \(Self.variable) environment variable"
        }
    }

    /// The short form listed next to a path when several files need different fixes.
    public func entry(path: String) -> String {
        switch self {
        case .code(let code): code
        case .untrack: "git rm --cached \(Self.shellQuoted(path)), then add it to .gitignore"
        case .placeholder: "replace the key with a placeholder (\(Self.variable)=)"
        case .generic: "the \(Self.variable) environment variable"
        }
    }

    /// Quotes a path for copy-paste into sh when it has anything unusual.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            ($0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._/-+@%,:".unicodeScalars.contains($0)
        }
        if plain { return path }
        return "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
