#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyBasics
import IvyModel

/// Verdicts kept between runs (`--verify-cache FILE`), so a CI job that runs
/// again does not probe the same keys again.
///
/// The file never holds a key, nor its plain SHA-256 or fingerprint (either
/// would confirm a guessed key): each entry is an HMAC-SHA256 of the key under
/// a random salt kept in the file, which is written with mode 0600. The hash
/// covers the API base too, so a test server's verdicts never answer for
/// IvyMail. `unknown` is never cached: it says nothing about the key.
///
/// The cache can only warn: an unreadable, corrupt or foreign file is
/// reported once (`loadWarning`) and replaced by an empty cache, and a failed
/// save is a warning too. Not for concurrent writers: the last run to save
/// wins (each save is atomic, so the file is never half-written).
public final class VerificationCache {
    public static let defaultTTL = 86_400.0
    /// Tolerated clock skew between machines sharing a cache, in seconds: an
    /// entry dated further in the future is dropped as untrustworthy.
    static let futureSkew = 300

    public let path: String
    /// Seconds a verdict is reused; older entries are ignored and dropped on save.
    public let ttl: Double
    /// Why the file on disk could not be used; nil when it was read or absent.
    public private(set) var loadWarning: String?
    let clock: @Sendable () -> Double
    private var salt: [UInt8]
    private var saltHex: String
    private var entries: [String: VerificationCacheEntry] = [:]
    private var changed = false

    /// Reads `path` if it exists. Never throws: a bad file sets `loadWarning`
    /// and starts an empty cache that replaces it on `save()`.
    /// - Parameter clock: Unix seconds; tests pass their own to move time.
    public init(path: String, ttl: Double = VerificationCache.defaultTTL, clock: @escaping @Sendable () -> Double = WallClock.now) {
        self.path = path
        self.ttl = ttl
        self.clock = clock
        var file = VerificationCacheFile()
        do {
            if let bytes = try Self.read(path) {
                file = try VerificationCacheFile.parse(bytes, path: path)
            }
        } catch {
            loadWarning = "\(error); starting with an empty cache, which will replace it"
            changed = true
        }
        salt = file.saltBytes
        saltHex = file.salt
        let now = Int(clock())
        for entry in file.entries {
            if isFresh(entry, now: now) { entries[entry.hash] = entry } else { changed = true }
        }
    }

    /// Verdicts currently held (fresh or not).
    public var count: Int { entries.count }

    /// The cached verdict for `key` checked against `base`, if still fresh. Its
    /// reason says it is cached and since when.
    public func verdict(for key: [UInt8], base: APIBase) -> Verification? {
        guard let entry = entries[hash(key, base: base)], isFresh(entry, now: Int(clock())),
              let status = VerificationStatus(rawValue: entry.status) else { return nil }
        return Verification(status, "\(entry.reason) (cached \(CivilDate.iso8601(entry.checkedAt)))")
    }

    /// Keeps a verdict for later runs; `unknown` is ignored.
    public func record(_ verdict: Verification, for key: [UInt8], base: APIBase) {
        guard verdict.status != .unknown else { return }
        let entry = VerificationCacheEntry(hash: hash(key, base: base), status: verdict.status.rawValue,
                                           reason: verdict.reason, checkedAt: Int(clock()))
        entries[entry.hash] = entry
        changed = true
    }

    /// Writes the cache when it changed: to a temporary file in the same
    /// directory (mode 0600), then renamed over `path`, so a reader never
    /// sees half a file. Expired entries are dropped first.
    public func save() throws(VerificationCacheError) {
        let now = Int(clock())
        for (hash, entry) in entries where !isFresh(entry, now: now) {
            entries[hash] = nil
            changed = true
        }
        guard changed else { return }
        let bytes = VerificationCacheFile(salt: saltHex, entries: Array(entries.values)).encoded()
        try Self.writeAtomically(bytes, to: path)
        changed = false
    }

    /// HMAC-SHA256(salt, "verify <base>" NUL key): the salt keeps the file
    /// from confirming a guessed key; the base keeps servers apart.
    func hash(_ key: [UInt8], base: APIBase) -> String {
        KeyedHash.hex(salt: salt, ruleID: "verify \(base.url)", secret: key)
    }

    private func isFresh(_ entry: VerificationCacheEntry, now: Int) -> Bool {
        let age = now - entry.checkedAt
        return age >= -Self.futureSkew && Double(age) < ttl
    }

    /// The file's bytes, or nil when there is no file yet.
    static func read(_ path: String) throws(VerificationCacheError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw VerificationCacheError(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { _ = FileSystem.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw VerificationCacheError(path: path, message: "cannot read: not a regular file")
        }
        return FileSystem.readAll(fd: fd)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(VerificationCacheError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var generator = SystemRandomNumberGenerator()
        let temporary = FileSystem.parent(of: path) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max, using: &generator))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw VerificationCacheError(path: path, message: "cannot write next to it: \(String(cString: strerror(errno)))")
        }
        // 0600 whatever the umask; then the bytes, on disk before the rename.
        let written = fchmod(fd, 0o600) == 0 && FileSystem.writeAll(fd: fd, bytes) && fsync(fd) == 0
        let error = errno
        guard FileSystem.close(fd), written, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(written ? errno : error))
            unlink(temporary)
            throw VerificationCacheError(path: path, message: "cannot write: \(message)")
        }
    }
}
