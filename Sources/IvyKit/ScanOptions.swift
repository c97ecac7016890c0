import IvyBasics
import IvyModel

/// Everything a directory scan needs, copied from the command line.
public struct ScanOptions: Sendable {
    public var roots: [String]
    public var threads: Int
    public var maxFileSize: Int
    public var respectIgnore: Bool
    public var useGit: Bool
    public var trace: Bool
    /// `--config FILE`; nil means discover `.ivyscan.toml` from the first root.
    public var configPath: String?
    /// Bumped per file, for a progress line; nil when nobody watches.
    public var progress: ScanProgress?

    public init(roots: [String] = ["."], threads: Int = ScanOptions.defaultThreads, maxFileSize: Int = 10 << 20,
                respectIgnore: Bool = true, useGit: Bool = true, trace: Bool = false, configPath: String? = nil) {
        self.roots = roots
        self.threads = threads
        self.maxFileSize = maxFileSize
        self.respectIgnore = respectIgnore
        self.useGit = useGit
        self.trace = trace
        self.configPath = configPath
    }

    /// One worker per core.
    public static var defaultThreads: Int { ProcessInfoCores.count }
}
