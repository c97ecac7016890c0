import Foundation
import IvyVerification

/// Answers like IvyMail without a network or curl: each key gets the status
/// scripted for it (401 for keys not listed), with IvyMail's JSON error body,
/// and every request is counted per key.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let statuses: [String: Int]
    private var counts: [String: Int] = [:]

    init(_ statuses: [String: Int]) { self.statuses = statuses }

    var requests: Int { lock.withLock { counts.values.reduce(0, +) } }
    func requests(for key: String) -> Int { lock.withLock { counts[key] ?? 0 } }

    func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        let key = request.secretHeaders[KeyProbe.keyHeader] ?? ""
        lock.withLock { counts[key, default: 0] += 1 }
        let body = Array(#"{"success": false, "error": "scripted"}"#.utf8)
        return .success(HTTPResponse(status: statuses[key] ?? 401, headers: [:], body: body))
    }
}
