/// A final HTTP response as the transport saw it (redirects are never followed,
/// so a 3xx arrives here as is).
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Lower-cased names; the last value wins.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
