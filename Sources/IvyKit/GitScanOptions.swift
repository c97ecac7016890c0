import IvyBasics

/// Everything a git-mode scan needs, copied from the command line.
public struct GitScanOptions: Sendable {
    public var directory: String
    public var target: GitTarget
    public var maxFileSize: Int
    public var trace: Bool
    /// Shallow clones and missing bases are reported but do not make the scan incomplete.
    public var allowShallow: Bool
    /// Findings already in HEAD fail the gate too.
    public var failOnExisting: Bool
    /// Fingerprints from `[[allowlist.fingerprints]]` (`FingerprintAllowlist.fingerprints(config)`).
    public var allowedFingerprints: Set<String> = []
    /// Apply the work tree's `.ivyscanignore` files (`--no-ignore` turns this off).
    public var respectIgnore = true
    /// Bumped per blob read, for a progress line; nil when nobody watches.
    public var progress: ScanProgress?

    public init(directory: String = ".", target: GitTarget, maxFileSize: Int = 10 << 20, trace: Bool = false,
                allowShallow: Bool = false, failOnExisting: Bool = false) {
        self.directory = directory
        self.target = target
        self.maxFileSize = maxFileSize
        self.trace = trace
        self.allowShallow = allowShallow
        self.failOnExisting = failOnExisting
    }
}
