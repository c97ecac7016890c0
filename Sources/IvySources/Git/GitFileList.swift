#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Asks git which files a work tree holds (tracked plus untracked, minus
/// ignored): exact by definition and faster than matching .gitignore files.
enum GitFileList {
    /// Relative paths as raw bytes with whether git tracks each, or nil when
    /// `directory` is not inside a git work tree or git is unavailable (the
    /// caller walks instead).
    static func list(in directory: String) -> [(path: [UInt8], tracked: Bool)]? {
        // -t tags each entry: "? " untracked, any other letter tracked.
        guard let output = try? GitCommand(directory: directory).run(
            ["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard"])
        else { return nil }
        var paths: [(path: [UInt8], tracked: Bool)] = []
        var seen = Set<[UInt8]>()
        for entry in output.split(separator: 0, omittingEmptySubsequences: true) where entry.count > 2 {
            // A conflicted file is listed once per stage; keep one.
            let path = Array(entry.dropFirst(2))
            if seen.insert(path).inserted { paths.append((path, entry.first != UInt8(ascii: "?"))) }
        }
        return paths
    }
}
