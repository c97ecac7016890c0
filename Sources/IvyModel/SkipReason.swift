/// Why a file was not scanned; counted in the summary and listed in JSON.
public enum SkipReason: String, Sendable, CaseIterable, Codable, Comparable {
    case binary
    case tooLarge = "too-large"
    case notRegularFile = "not-regular-file"
    case symlink
    case submodule

    public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool { lhs.rawValue < rhs.rawValue }

    public var summary: String {
        switch self {
        case .binary: "binary"
        case .tooLarge: "over --max-file-size"
        case .notRegularFile: "FIFO, socket or device"
        case .symlink: "symlink (not followed)"
        case .submodule: "git submodule"
        }
    }
}
