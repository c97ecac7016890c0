#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IvyBasics
import IvySources

/// HTTP through the `curl` binary, started like git (posix_spawn, fixed
/// environment). A static ivyscan cannot link FoundationNetworking, and curl
/// brings TLS, proxies and the system's CA store for free.
///
/// Secret headers go to curl only on stdin (`-H @-`), never in argv (other
/// local users can read it in /proc) nor in the environment.
public struct CurlTransport: HTTPTransport {
    /// Absolute path of curl, nil when it is not installed.
    public let executable: String?
    public let userAgent: String
    /// Only the proxy variables curl honours itself; everything else is dropped.
    let environment: [String: String]

    static let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "ALL_PROXY", "all_proxy"]
    /// Bodies we read: IvyMail's errors are tiny; a huge answer is not IvyMail.
    static let maxBodyBytes = 256 * 1024

    /// - Parameters:
    ///   - userAgent: sent as `User-Agent`, e.g. `ivyscan/0.1.0`.
    ///   - environment: the caller's environment, for `PATH` and proxy settings.
    public init(userAgent: String, environment: [String: String]) {
        self.userAgent = userAgent
        self.executable = Self.find("curl", path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        self.environment = environment.filter { Self.proxyVariables.contains($0.key) }
    }

    static func find(_ name: String, path: String) -> String? {
        FileSystem.executable(named: name, searchPath: path)
    }

    /// curl's arguments for `request`. Secret headers are replaced by `-H @-`
    /// (read from stdin) or, for a printed command, by `secretArgument`.
    public func arguments(for request: HTTPRequest, secretArgument: ((String) -> String)? = nil) -> [String] {
        let base = try? APIBase(parsing: request.url)
        let loopback = base?.isLoopback ?? false
        // -q first: a user's ~/.curlrc must not add -L, -o or anything else.
        var arguments = ["-q", "--silent", "--show-error", "--proto", loopback ? "=http,https" : "=https",
                         "--max-time", Self.seconds(request.timeout), "--max-filesize", String(Self.maxBodyBytes),
                         "-A", userAgent, "-D", "-", "-X", request.method]
        // A proxy from the environment must not see loopback test traffic.
        if loopback, let host = base?.host { arguments += ["--noproxy", host] }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
        if let secretArgument {
            for name in request.secretHeaders.keys.sorted() { arguments += ["-H", secretArgument(name)] }
        } else if !request.secretHeaders.isEmpty {
            arguments += ["-H", "@-"]
        }
        arguments += ["--data-raw", request.body, "--url", request.url]
        return arguments
    }

    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        return "\(millis / 1000).\(String(millis % 1000).leftPadded(to: 3))"
    }

    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        guard let executable else { return .failure(TransportError("curl not found (install curl to use --verify)")) }
        // A header value with a line break would inject headers: refuse it.
        for (name, value) in request.secretHeaders
        where (name + value).unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(TransportError("the key holds control characters; not sent"))
        }
        let process: Subprocess
        do {
            process = try Subprocess(executable: executable, arguments: arguments(for: request), environment: environment,
                                     stdin: !request.secretHeaders.isEmpty)
        } catch {
            return .failure(TransportError("could not start curl (errno \(error.code))"))
        }
        let headerLines = request.secretHeaders.sorted(by: { $0.key < $1.key }).map { "\($0.key): \($0.value)\n" }.joined()
        process.writeStdinInBackground(Array(headerLines.utf8))
        let output = FileSystem.readAll(fd: process.stdout)
        let (status, stderr) = process.wait()
        guard status == 0 else { return .failure(Self.failure(status: status, stderr: stderr, timeout: request.timeout)) }
        guard let response = Self.parse(output) else { return .failure(TransportError("curl printed no HTTP response")) }
        return .success(response)
    }

    /// curl's exit status as a reason; its own message is kept to one line.
    static func failure(status: Int32, stderr: String, timeout: Double) -> TransportError {
        let message = stderr.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) } ?? ""
        switch status {
        case 5: return TransportError("could not resolve the proxy: \(message)")
        case 6: return TransportError("could not resolve the API host: \(message)")
        case 7: return TransportError("could not connect: \(message)", retryable: true)
        case 28: return TransportError("timed out after \(seconds(timeout)) s")
        case 35, 58, 59, 60, 77, 80, 83, 90, 91: return TransportError("TLS error: \(message)")
        case 52: return TransportError("the server sent an empty reply", retryable: true)
        case 55, 56: return TransportError("the connection broke: \(message)", retryable: true)
        case 63: return TransportError("the answer was larger than \(maxBodyBytes) bytes: not IvyMail")
        default: return TransportError("curl failed (exit \(status)): \(message)")
        }
    }

    /// Splits `-D -` output: header blocks (a proxy's CONNECT answer and 1xx
    /// responses come first), then the final response's body.
    static func parse(_ output: [UInt8]) -> HTTPResponse? {
        var rest = output[...]
        while true {
            guard rest.starts(with: Array("HTTP/".utf8)),
                  let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
            let block = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
            rest = rest[end.upperBound...]
            var lines = block.split(separator: "\r\n", omittingEmptySubsequences: false)
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
            let more = rest.starts(with: Array("HTTP/".utf8))
            if (100..<200).contains(status) || (status == 200 && more && block.lowercased().contains("connection established")) { continue }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingSpaces
            }
            return HTTPResponse(status: status, headers: headers, body: Array(rest))
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
