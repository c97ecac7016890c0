#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyModel

/// The `.ivyscan-baseline.json` document: a salt and sorted entries, with no
/// timestamps or locations, so regenerating an unchanged baseline writes the
/// same bytes and merges never conflict over churn.
public struct BaselineFile: Sendable, Equatable, Codable {
    public static let defaultPath = ".ivyscan-baseline.json"
    public static let schemaName = "ivyscan-baseline"

    public var schema = BaselineFile.schemaName
    public var version = 1
    /// Hex of 32 random bytes; kept across updates so hashes stay comparable.
    public var salt: String
    public var entries: [BaselineEntry]

    public init(salt: String = BaselineFile.randomSalt(), entries: [BaselineEntry] = []) {
        self.salt = salt
        self.entries = entries
    }

    /// 32 bytes from the system's secure generator, as hex.
    public static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return Fingerprint.hexString((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public var saltBytes: [UInt8] {
        let digits = Array(salt.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            bytes.append(Self.nibble(digits[index]) << 4 | Self.nibble(digits[index + 1]))
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: 0
        }
    }

    /// The keyed hash this baseline uses for a rule and secret.
    public func hash(ruleID: String, secret: some Collection<UInt8>) -> String {
        KeyedHash.hex(salt: saltBytes, ruleID: ruleID, secret: secret)
    }

    /// Sorts entries by rule, then hash: the order never depends on scan order.
    public mutating func sort() {
        entries.sort { ($0.ruleID, $0.hash) < ($1.ruleID, $1.hash) }
    }

    /// Pretty-printed JSON with sorted keys and sorted entries, ending in a newline.
    public func encoded() -> [UInt8] {
        var sorted = self
        sorted.sort()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = try! encoder.encode(sorted)
        return Array(data) + [UInt8(ascii: "\n")]
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(BaselineError) -> BaselineFile {
        let file: BaselineFile
        do {
            file = try JSONDecoder().decode(BaselineFile.self, from: Data(bytes))
        } catch {
            throw BaselineError(path: path, message: "not a valid ivyscan baseline: \(error)")
        }
        guard file.schema == schemaName, file.version == 1 else {
            throw BaselineError(path: path, message: "unsupported baseline schema '\(file.schema)' version \(file.version) (expected \(schemaName) version 1)")
        }
        let salt = Array(file.salt.utf8)
        guard salt.count >= 32, salt.count % 2 == 0,
              salt.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }) else {
            throw BaselineError(path: path, message: "salt must be at least 16 bytes of hex")
        }
        for entry in file.entries {
            if let expires = entry.expires, !BaselineEntry.isValidDate(expires) {
                throw BaselineError(path: path, message: "entry \(entry.ruleID) \(entry.hash.prefix(12)): expires must be YYYY-MM-DD, not '\(expires)'")
            }
        }
        return file
    }

    public static func load(path: String) throws(BaselineError) -> BaselineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, message: "cannot read baseline file")
        }
        return try parse(Array(data), path: path)
    }

    /// The file at `path`, or nil when there is none yet.
    public static func loadIfPresent(path: String) throws(BaselineError) -> BaselineFile? {
        guard FileSystem.kind(of: path) != nil else { return nil }
        return try load(path: path)
    }

    public func write(to path: String) throws(BaselineError) {
        switch FileSystem.create(path) {
        case .success(let fd):
            let ok = FileSystem.writeAll(fd: fd, encoded())
            guard FileSystem.close(fd), ok else { throw BaselineError(path: path, message: "cannot write baseline file") }
        case .failure(let error):
            throw BaselineError(path: path, message: "cannot write baseline file: \(error)")
        }
    }
}
