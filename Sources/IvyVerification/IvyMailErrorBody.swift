#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// IvyMail's documented error shape, `{"success": false, "error": "..."}`.
/// Requiring it is what keeps a proxy's or firewall's page from reading as
/// an IvyMail verdict.
struct IvyMailErrorBody: Decodable {
    var success: Bool?
    var error: String?
    var message: String?

    /// The body when it is a JSON object with `"success": false`, else nil.
    static func parse(_ bytes: [UInt8]) -> IvyMailErrorBody? {
        guard let body = try? JSONDecoder().decode(IvyMailErrorBody.self, from: Data(bytes)), body.success == false else { return nil }
        return body
    }
}
