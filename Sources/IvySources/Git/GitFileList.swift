#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Asks git which files a work tree holds (tracked plus untracked, minus
/// ignored): exact by definition and faster than matching .gitignore files.
enum GitFileList {
    /// Relative paths as raw bytes, or nil when `directory` is not inside a
    /// git work tree or git is unavailable (the caller walks instead).
    static func list(in directory: String) -> [[UInt8]]? {
        guard let output = try? GitCommand(directory: directory).run(
            ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        else { return nil }
        var paths: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        for entry in output.split(separator: 0, omittingEmptySubsequences: true) {
            // A conflicted file is listed once per stage; keep one.
            let path = Array(entry)
            if seen.insert(path).inserted { paths.append(path) }
        }
        return paths
    }
}
