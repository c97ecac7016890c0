import IvyBasics
import IvyModel
import IvySources

/// Some client-side code can only be told by its project: a browser
/// extension's `background.js` next to a `manifest.json` with
/// "manifest_version", or a plain `.ts` module of an Expo app (`app.json`
/// with "expo"). A folder holding such a marker makes `projectPaths` below
/// it client-side, except `projectExceptPaths` (Expo API routes, server
/// folders). Markers are read only in the folders between a file and the
/// scan root, once per folder.
final class ProjectMarkers: @unchecked Sendable {
    struct Marker {
        let file: [UInt8]
        let name: String
        let text: [UInt8]
    }

    let markers: [Marker]
    let paths: PathSet
    let except: PathSet
    private let lock = Lock()
    private var folders: [[UInt8]: String?] = [:]

    /// From the check's `projectMarkers` ("FILE: TEXT"), or nil when there are none.
    init?(_ check: Check) {
        markers = check.list("projectMarkers").compactMap { entry in
            guard let colon = entry.firstIndex(of: ":") else { return nil }
            let file = Self.trimmed(entry[..<colon])
            let text = Self.trimmed(entry[entry.index(after: colon)...])
            guard !file.isEmpty, !file.contains("/"), !text.isEmpty else { return nil }
            return Marker(file: Array(file.utf8), name: file, text: Array(text.utf8))
        }
        guard !markers.isEmpty else { return nil }
        paths = PathSet(check.list("projectPaths"))
        except = PathSet(check.list("projectExceptPaths"))
    }

    /// The nearest marked folder above a file (its display path, with a
    /// trailing `/`, "" for the root) and the marker that marked it, when
    /// the file's path within that folder is a client-side project path.
    func project(fsPath: [UInt8], displayPath: String) -> (folder: String, marker: String)? {
        let display = Array(displayPath.utf8)
        guard fsPath.count >= display.count, fsPath.suffix(display.count).elementsEqual(display) else { return nil }
        // Folder ends, nearest first, then the root.
        let ends = display.indices.filter { display[$0] == 0x2F }.map { $0 + 1 }.reversed() + [0]
        for end in ends {
            let relative = display[end...]
            let folder = Array(fsPath.prefix(fsPath.count - relative.count))
            guard let marker = marker(in: folder) else { continue }
            let inside = String(decoding: relative, as: UTF8.self)
            guard paths.contains(inside), !except.contains(inside) else { return nil }
            return (String(decoding: display[..<end], as: UTF8.self), marker)
        }
        return nil
    }

    private func marker(in folder: [UInt8]) -> String? {
        if let cached = lock.withLock({ folders[folder] }) { return cached }
        var found: String?
        for marker in markers {
            if let contents = FileWalker.readSmallFile(folder + marker.file), ByteSearch.contains(contents, marker.text) {
                found = marker.name
                break
            }
        }
        lock.withLock { folders[folder] = .some(found) }
        return found
    }

    static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
