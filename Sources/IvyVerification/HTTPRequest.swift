/// One HTTP request, transport-neutral. Secret headers are kept apart so a
/// transport can route them where no other user can read them (curl: stdin).
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    /// Harmless headers; may appear in argv and in printed commands.
    public var headers: [String: String]
    /// Headers that carry a key: never in argv, environment, logs or errors.
    public var secretHeaders: [String: String]
    public var body: String
    /// Seconds for the whole exchange, connection included.
    public var timeout: Double

    public init(method: String, url: String, headers: [String: String], secretHeaders: [String: String], body: String, timeout: Double) {
        self.method = method
        self.url = url
        self.headers = headers
        self.secretHeaders = secretHeaders
        self.body = body
        self.timeout = timeout
    }
}
