#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyModel

/// The `--verify-cache` document: a schema name, a version, the salt of its
/// keyed hashes and entries sorted by hash. Encoded with sorted keys so the
/// same verdicts always give the same bytes.
struct VerificationCacheFile: Codable, Sendable, Hashable {
    static let schemaName = "ivyscan-verification-cache"
    static let currentVersion = 1

    var schema = VerificationCacheFile.schemaName
    var version = VerificationCacheFile.currentVersion
    /// Hex of 32 random bytes, made when the file is (re)created.
    var salt: String
    var entries: [VerificationCacheEntry]

    init(salt: String = VerificationCacheFile.randomSalt(), entries: [VerificationCacheEntry] = []) {
        self.salt = salt
        self.entries = entries
    }

    /// 32 bytes from the system's secure generator (getrandom / arc4random), as hex.
    static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return Fingerprint.hexString((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    var saltBytes: [UInt8] {
        let digits = Array(salt.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).map { Self.nibble(digits[$0]) << 4 | Self.nibble(digits[$0 + 1]) }
    }

    private static func nibble(_ digit: UInt8) -> UInt8 { digit <= 0x39 ? digit - 0x30 : digit - 0x61 + 10 }

    private static func isHex(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Pretty-printed JSON, keys and entries sorted, ending in a newline.
    func encoded() -> [UInt8] {
        var sorted = self
        sorted.entries.sort { ($0.hash, $0.checkedAt) < ($1.hash, $1.checkedAt) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        return Array(try! encoder.encode(sorted)) + [UInt8(ascii: "\n")]
    }

    /// Only what this version writes is accepted; the message says what is
    /// wrong without quoting the file (which could be anything).
    static func parse(_ bytes: [UInt8], path: String) throws(VerificationCacheError) -> VerificationCacheFile {
        struct Header: Decodable {
            var schema: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes)) else {
            throw VerificationCacheError(path: path, message: "not a JSON object")
        }
        guard header.schema == schemaName else {
            throw VerificationCacheError(path: path, message: "not an ivyscan verification cache (schema is not '\(schemaName)')")
        }
        guard header.version == currentVersion else {
            let found = header.version.map(String.init) ?? "missing"
            throw VerificationCacheError(path: path, message: "version \(found) is not supported (expected \(currentVersion))")
        }
        guard let file = try? JSONDecoder().decode(VerificationCacheFile.self, from: Data(bytes)) else {
            throw VerificationCacheError(path: path, message: "malformed salt or entries")
        }
        guard isHex(file.salt, count: 64) else {
            throw VerificationCacheError(path: path, message: "the salt must be 32 bytes of lowercase hex")
        }
        for (index, entry) in file.entries.enumerated() {
            // A reason is printed as is: refuse control characters and oversized text.
            guard isHex(entry.hash, count: 64), ["active", "inactive", "restricted"].contains(entry.status),
                  entry.reason.unicodeScalars.count <= 500,
                  !entry.reason.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
            else { throw VerificationCacheError(path: path, message: "entry \(index + 1) is malformed") }
        }
        return file
    }
}
