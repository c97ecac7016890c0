import GitIgnore

/// Applies `.ivyscanignore` files to a git-provided file list (git already
/// applied .gitignore): each listed `.ivyscanignore` governs its directory.
struct ScanIgnoreFilter {
    private var stacks: [[UInt8]: IgnoreStack] = [:]

    init(root: [UInt8], listed: [[UInt8]]) {
        let name = Array(".ivyscanignore".utf8)
        var files: [[UInt8]: IgnoreFile] = [:]
        for path in listed where path == name || path.ends(with: [0x2F] + name) {
            let directory = Array(path.dropLast(name.count))
            if let contents = FileWalker.readSmallFile(root + path) {
                let base = directory.isEmpty ? "" : String(decoding: directory.dropLast(), as: UTF8.self)
                files[directory] = IgnoreFile(contents: contents, base: base)
            }
        }
        // Chain each directory's file onto the nearest ancestor's stack.
        for directory in files.keys.sorted(by: { $0.count < $1.count }) {
            var parent: IgnoreStack?
            var cursor = directory
            while !cursor.isEmpty {
                cursor.removeLast()
                while let last = cursor.last, last != 0x2F { cursor.removeLast() }
                if let found = stacks[cursor] { parent = found; break }
            }
            stacks[directory] = IgnoreStack(parent: parent, files: [files[directory]!])
        }
    }

    func isIgnored(_ path: [UInt8]) -> Bool {
        guard !stacks.isEmpty else { return false }
        var cursor = path
        while let slash = cursor.lastIndex(of: 0x2F) {
            cursor = Array(cursor[...slash])
            if let stack = stacks[cursor] { return path.withUnsafeBufferPointer { stack.isIgnored($0, isDirectory: false) } }
            cursor.removeLast()
        }
        if let stack = stacks[[]] { return path.withUnsafeBufferPointer { stack.isIgnored($0, isDirectory: false) } }
        return false
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}
