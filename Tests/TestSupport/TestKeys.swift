/// Secrets for tests, generated at run time so the repository never holds a
/// key-shaped literal (the project scans itself in CI and must stay clean).
public enum TestKeys {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A random IvyMail-shaped key: `ivym_sk_` and `length` random characters.
    public static func key(length: Int = 40) -> String {
        "ivym_sk_" + value(length: length)
    }

    /// A random opaque secret, e.g. for a non-IvyMail x-api-key value.
    public static func value(length: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// A deterministic key for golden files (same seed, same key).
    public static func seededKey(seed: UInt64, length: Int = 40) -> String {
        var generator = SeededGenerator(seed: seed)
        return "ivym_sk_" + String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// Replaces the `%KEY%` / `%VALUE%` markers used by rule examples.
    public static func expand(_ template: String) -> (text: String, secrets: [String]) {
        var text = template
        var secrets: [String] = []
        while let range = text.range(of: "%KEY%") {
            let secret = key()
            secrets.append(secret)
            text.replaceSubrange(range, with: secret)
        }
        while let range = text.range(of: "%VALUE%") {
            let secret = value()
            secrets.append(secret)
            text.replaceSubrange(range, with: secret)
        }
        return (text, secrets)
    }
}

/// SplitMix64: tiny, deterministic, good enough for fixtures.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
