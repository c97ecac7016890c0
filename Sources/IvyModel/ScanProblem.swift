/// Something that kept part of the input from being scanned (unreadable file,
/// vanished path). A warning by default; exit 3 under `--strict`.
public struct ScanProblem: Sendable, Hashable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
