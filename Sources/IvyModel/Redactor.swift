/// The one place that turns a secret into what may be printed.
///
/// Keeps the rule's known prefix plus two leading and three trailing bytes of
/// a long enough body (`ivym_sk_Ab…9xQ`); short values show almost nothing.
public enum Redactor {
    /// - Parameter marker: what stands for the hidden part; SARIF uses its
    ///   declared redaction token (`[REDACTED]`) instead of the ellipsis.
    public static func redact(_ secret: some Collection<UInt8>, prefixLength: Int, marker: String = "…") -> String {
        let bytes = Array(secret)
        let prefix = min(prefixLength, bytes.count)
        let body = bytes[prefix...]
        let head: Int
        let tail: Int
        switch body.count {
        case 16...: (head, tail) = (2, 3)
        case 8..<16: (head, tail) = (1, 1)
        default: (head, tail) = (0, 0)
        }
        var out = Array(bytes[..<prefix])
        out.append(contentsOf: body.prefix(head))
        out.append(contentsOf: Array(marker.utf8))
        out.append(contentsOf: body.suffix(tail))
        return printable(out)
    }

    /// Decodes bytes for display: invalid UTF-8 becomes U+FFFD, control
    /// characters become visible escapes so a secret cannot hide terminal codes.
    public static func printable(_ bytes: some Collection<UInt8>) -> String {
        var result = ""
        for scalar in String(decoding: Array(bytes), as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x09: result.append("\t")
            case 0..<0x20, 0x7F, 0x80..<0xA0: result.append("\\u{\(String(scalar.value, radix: 16))}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
