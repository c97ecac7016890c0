#if canImport(CommonCrypto)
import CommonCrypto
#elseif canImport(COpenSSL)
import COpenSSL
#endif

/// Identity of a secret independent of where it sits: SHA-256 over the rule id
/// and the secret value, so the same key in ten files is one secret.
public struct Fingerprint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Lowercase hex of the SHA-256 digest.
    public let hex: String

    public init(ruleID: String, secret: some Collection<UInt8>) {
        var input = Array(ruleID.utf8)
        input.append(0)
        input.append(contentsOf: secret)
        hex = Fingerprint.hexString(Fingerprint.sha256(input))
    }

    public init(hex: String) { self.hex = hex }

    public var description: String { hex }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.hex < rhs.hex }

    /// SHA-256 from the platform's crypto library (libcrypto on Linux).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                #if canImport(CommonCrypto)
                _ = CC_SHA256(input.baseAddress, CC_LONG(input.count), output.baseAddress)
                #else
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
                #endif
            }
        }
        return digest
    }

    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
