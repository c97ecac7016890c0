import IvyModel

/// The one place that knows how to ask IvyMail whether a key is live.
///
/// IvyMail documents no read-only or introspection endpoint, so the probe is
/// `POST /v1/send` with the body `{}`: no sender, no recipients, no content,
/// which can never be a sendable email. The assumption, from the documented
/// contract, is that IvyMail authenticates before it validates:
///
/// - 401 with `{"success": false, "error": ...}`: the key is invalid or revoked.
/// - 400/422 with `"success": false`: the key authenticated and only the
///   empty body was rejected, so the key is active.
/// - 403 with IvyMail's JSON error: the key exists but is refused here
///   (e.g. restricted to other servers' IPs): restricted, still live.
/// - 200: should never happen with `{}`; reported as unknown with a warning.
/// - Anything else (3xx, other 4xx, 5xx, non-JSON pages, network errors):
///   unknown, with the reason. A proxy page must never read as a verdict.
///
/// Replace this file the day IvyMail documents a key-introspection endpoint.
public enum KeyProbe {
    public static let path = "/v1/send"
    /// Not a sendable email, whatever the key.
    public static let body = "{}"
    public static let keyHeader = "x-api-key"
    static let keyPrefix = "ivym_sk_"

    /// Only IvyMail-shaped keys are ever sent: any other secret (a random
    /// `x-api-key` value for another service) must not go to IvyMail.
    public static func accepts(_ key: [UInt8]) -> Bool {
        guard key.count > keyPrefix.utf8.count, key.count <= 200, key.starts(with: Array(keyPrefix.utf8)) else { return false }
        return key.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 == 0x2D }
    }

    public static func request(key: [UInt8], base: APIBase, timeout: Double) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: base.url + path,
            headers: ["Content-Type": "application/json", "Accept": "application/json"],
            secretHeaders: [keyHeader: String(decoding: key, as: UTF8.self)],
            body: body, timeout: timeout)
    }

    /// - Parameter now: Unix seconds, for a `Retry-After` given as a date.
    public static func interpret(_ result: Result<HTTPResponse, TransportError>, now: Double = WallClock.now()) -> ProbeVerdict {
        let response: HTTPResponse
        switch result {
        case .failure(let error):
            return ProbeVerdict(Verification(.unknown, error.reason), retryable: error.retryable)
        case .success(let value):
            response = value
        }
        let status = response.status
        let body = IvyMailErrorBody.parse(response.body)
        switch status {
        case 200..<300:
            return ProbeVerdict(
                Verification(.unknown, "IvyMail answered \(status) to an empty body; the probe may have sent something"),
                warning: "IvyMail answered HTTP \(status) to the verification probe's empty body; it may have sent something. Check the key's activity in the IvyMail dashboard and report this.")
        case 300..<400:
            return ProbeVerdict(Verification(.unknown, "HTTP \(status) redirect, not followed"))
        case 401:
            guard let body, body.error != nil else { return ProbeVerdict(Verification(.unknown, "HTTP 401 without IvyMail's JSON error body (a proxy?)")) }
            return ProbeVerdict(Verification(.inactive, "IvyMail rejected the key (HTTP 401)"))
        case 403:
            guard body != nil else { return ProbeVerdict(Verification(.unknown, "HTTP 403 without IvyMail's JSON error body (a firewall?)")) }
            return ProbeVerdict(Verification(.restricted, "the key exists but IvyMail refused it from here (HTTP 403): still live"))
        case 400, 422:
            guard body != nil else { return ProbeVerdict(Verification(.unknown, "HTTP \(status) without IvyMail's JSON error body")) }
            return ProbeVerdict(Verification(.active, "IvyMail accepted the key and rejected only the empty body (HTTP \(status))"))
        case 429:
            return ProbeVerdict(Verification(.unknown, "rate limited by IvyMail (HTTP 429)"), retryable: true,
                                retryAfter: retryAfter(response, now: now))
        case 502, 503, 504:
            return ProbeVerdict(Verification(.unknown, "IvyMail unavailable (HTTP \(status))"), retryable: true,
                                retryAfter: retryAfter(response, now: now))
        default:
            return ProbeVerdict(Verification(.unknown, "unexpected HTTP \(status)\(body == nil ? " (not IvyMail's JSON)" : "")"))
        }
    }

    static func retryAfter(_ response: HTTPResponse, now: Double) -> Double? {
        response.headers["retry-after"].flatMap { retryAfterSeconds($0, now: now, serverDate: response.headers["date"]) }
    }

    /// `Retry-After` in seconds from now: delta-seconds, or an HTTP-date, which
    /// is measured from the response's own `Date` when it has one (so a skewed
    /// local clock does not stretch or skip the wait). A date in the past means
    /// retry now (0); anything unparseable is nil, and the backoff applies.
    static func retryAfterSeconds(_ text: String, now: Double, serverDate: String? = nil) -> Double? {
        let value = text.strippingBlanks()
        if let seconds = Double(value), value.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) {
            return seconds.isFinite ? seconds : nil
        }
        guard let date = HTTPDate.seconds(value, now: now) else { return nil }
        let reference = serverDate.flatMap { HTTPDate.seconds($0.strippingBlanks(), now: now) }.map(Double.init) ?? now
        return max(0, Double(date) - reference)
    }
}

extension String {
    func strippingBlanks() -> String { Substring(self).trimmingSpaces }
}
