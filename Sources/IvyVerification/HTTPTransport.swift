/// Sends one request. A protocol so the curl subprocess (the only option in a
/// static binary, where FoundationNetworking cannot link) can be swapped later,
/// and so tests can script responses without a network.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError>
}
