import Foundation

/// Locations the tests need: the package root, ../shared, the built binary.
public enum PackagePaths {
    /// The repository root (this file is Tests/TestSupport/PackagePaths.swift).
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// ../shared next to the repository, present in CI and here.
    public static var shared: String? {
        let path = (root as NSString).deletingLastPathComponent + "/shared"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The ivyscan executable built alongside the test bundle
    /// (`IVYSCAN_BIN` overrides, e.g. to test a release build).
    public static var binary: String {
        if let override = ProcessInfo.processInfo.environment["IVYSCAN_BIN"] { return override }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ivyscan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root + "/.build/debug/ivyscan"
    }
}
