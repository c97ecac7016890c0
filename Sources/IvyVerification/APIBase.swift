/// Where verification requests go. Only `--api-base` or `IVYSCAN_API_BASE`
/// can set it, never a file in the scanned repository: a committed config
/// must not be able to send the keys it holds to its own server.
public struct APIBase: Sendable, Hashable {
    public static let defaultURL = "https://api.ivymail.io"
    public static let environmentVariable = "IVYSCAN_API_BASE"

    /// Scheme, host, optional port and path prefix, without a trailing slash.
    public let url: String
    public let host: String
    public let isHTTPS: Bool

    /// True for 127.0.0.1, ::1 and localhost: the only hosts plain http may reach.
    public var isLoopback: Bool { Self.loopbackHosts.contains(host.lowercased()) }
    static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// Accepts `https://host[:port][/path]`, and `http://` only for a loopback
    /// host (tests). No credentials, query, fragment, spaces or control characters.
    public init(parsing text: String) throws(APIBaseError) {
        var rest = Substring(text)
        if rest.hasPrefix("https://") {
            isHTTPS = true
            rest = rest.dropFirst(8)
        } else if rest.hasPrefix("http://") {
            isHTTPS = false
            rest = rest.dropFirst(7)
        } else {
            throw APIBaseError("API base '\(text)' must start with https://")
        }
        guard rest.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              !rest.contains("@"), !rest.contains("?"), !rest.contains("#"), !rest.contains("\\")
        else { throw APIBaseError("API base '\(text)' must be a plain URL: no credentials, query, fragment or spaces") }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        var host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw APIBaseError("API base '\(text)' has an unclosed [IPv6] host") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || (after.hasPrefix(":") && after.dropFirst().allSatisfy(\.isNumber) && after.count > 1) else {
                throw APIBaseError("API base '\(text)' has a bad port")
            }
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            if parts.count == 2 {
                guard !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) else { throw APIBaseError("API base '\(text)' has a bad port") }
            }
        }
        guard !host.isEmpty else { throw APIBaseError("API base '\(text)' has no host") }
        self.host = String(host)
        var trimmedPath = path
        while trimmedPath.hasSuffix("/") { trimmedPath = trimmedPath.dropLast() }
        url = (isHTTPS ? "https://" : "http://") + authority + trimmedPath
        if !isHTTPS && !isLoopback {
            throw APIBaseError("API base '\(text)' uses http:// for a host that is not loopback (127.0.0.1, ::1, localhost); keys only travel over https")
        }
    }

    /// The flag wins over the environment; the default is IvyMail's API.
    public static func resolve(flag: String?, environment: [String: String]) throws(APIBaseError) -> APIBase {
        if let flag { return try APIBase(parsing: flag) }
        if let value = environment[environmentVariable], !value.isEmpty { return try APIBase(parsing: value) }
        return try APIBase(parsing: defaultURL)
    }
}
