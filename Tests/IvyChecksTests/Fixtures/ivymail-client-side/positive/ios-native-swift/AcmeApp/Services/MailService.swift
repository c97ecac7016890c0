import Foundation

struct MailService {
    private let apiKey = "%KEY%"

    func sendFeedback(_ text: String) async throws {
        var request = URLRequest(url: URL(string: "https://api.ivymail.io/v1/send")!)
        request.httpMethod = "POST"
        request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
        _ = try await URLSession.shared.data(for: request)
    }
}
