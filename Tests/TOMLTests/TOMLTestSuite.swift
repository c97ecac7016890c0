import Foundation

/// Locates the shared toml-test corpus (`<repo>/../shared/testdata/toml-test`)
/// by walking up from this source file, so the tests need no configuration.
/// `TOML_TEST_SUITE=/path/to/toml-test` overrides the search (for scratch checkouts).
enum TOMLTestSuite {
    static let directory: String? = locate()

    private static func locate(filePath: String = #filePath) -> String? {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["TOML_TEST_SUITE"],
           fileManager.fileExists(atPath: override + "/valid") {
            return override
        }
        var directory = (filePath as NSString).deletingLastPathComponent
        while !directory.isEmpty {
            let candidate = directory + (directory.hasSuffix("/") ? "" : "/") + "shared/testdata/toml-test"
            if fileManager.fileExists(atPath: candidate + "/valid") {
                return candidate
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        return nil
    }

    /// All `.toml` files under `valid` or `invalid`, as paths relative to that folder, sorted.
    static func tomlFiles(in subfolder: String) -> [String] {
        guard let root = directory,
              let enumerator = FileManager.default.enumerator(atPath: root + "/" + subfolder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".toml") { files.append(relative) }
        }
        return files.sorted()
    }

    static func read(_ subfolder: String, _ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: (directory ?? "") + "/" + subfolder + "/" + relative))
    }
}
