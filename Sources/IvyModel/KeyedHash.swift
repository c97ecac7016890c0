#if canImport(CommonCrypto)
import CommonCrypto
#elseif canImport(COpenSSL)
import COpenSSL
#endif

/// HMAC-SHA256 of a rule id and a secret under a salt. Baselines store this
/// instead of the plain fingerprint so a committed baseline cannot be used
/// to confirm a guessed key without also knowing the file's salt.
public enum KeyedHash {
    /// Lowercase hex of HMAC-SHA256(key: salt, message: ruleID NUL secret).
    public static func hex(salt: [UInt8], ruleID: String, secret: some Collection<UInt8>) -> String {
        var message = Array(ruleID.utf8)
        message.append(0)
        message.append(contentsOf: secret)
        return Fingerprint.hexString(hmacSHA256(key: salt, message: message))
    }

    /// HMAC-SHA256 from the platform's crypto library (libcrypto on Linux).
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { input in
                digest.withUnsafeMutableBufferPointer { output in
                    #if canImport(CommonCrypto)
                    CCHmac(CCHmacAlgorithm(kCCHmacAlgSHA256), keyBytes.baseAddress, keyBytes.count,
                           input.baseAddress, input.count, output.baseAddress)
                    #else
                    var length: UInt32 = 32
                    _ = HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                             input.baseAddress, input.count, output.baseAddress, &length)
                    #endif
                }
            }
        }
        return digest
    }
}
