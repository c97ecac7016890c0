import GitIgnore
import Testing

/// Precedence between levels and files, parent exclusion, and sharing.
struct IgnoreStackTests {
    private func file(_ base: String, _ lines: String...) -> IgnoreFile {
        IgnoreFile(patterns: lines, base: base)
    }

    @Test func deeperFilesWin() {
        let root = IgnoreStack(parent: nil, files: [file("", "*.log", "!keep.log")])
        let sub = root.pushing([file("sub", "!*.log", "keep.log")])
        #expect(root.isIgnored("a.log", isDirectory: false))
        #expect(!root.isIgnored("keep.log", isDirectory: false))
        #expect(!sub.isIgnored("sub/a.log", isDirectory: false))
        #expect(sub.isIgnored("sub/keep.log", isDirectory: false))
        #expect(sub.match("sub/a.log", isDirectory: false) == .included)
    }

    @Test func laterFilesOfALevelWin() {
        let git = file("", "secret.txt", "*.tmp")
        let ivy = file("", "!secret.txt")
        #expect(!IgnoreStack(parent: nil, files: [git, ivy]).isIgnored("secret.txt", isDirectory: false))
        #expect(IgnoreStack(parent: nil, files: [ivy, git]).isIgnored("secret.txt", isDirectory: false))
        #expect(IgnoreStack(parent: nil, files: [git, ivy]).isIgnored("a.tmp", isDirectory: false))
    }

    @Test func excludesHaveTheLowestPrecedence() {
        let globalExcludes = file("", "*.tmp", "*.bak")
        let infoExclude = file("", "!keep.bak")
        let root = IgnoreStack(files: [file("", "!a.tmp")], excludes: [globalExcludes, infoExclude])
        #expect(root.isIgnored("b.tmp", isDirectory: false))
        #expect(!root.isIgnored("a.tmp", isDirectory: false))
        #expect(root.isIgnored("x.bak", isDirectory: false))
        #expect(!root.isIgnored("keep.bak", isDirectory: false))  // later exclude file wins
        let child = root.pushing([file("sub", "!b.tmp")])
        #expect(child.isIgnored("sub/c.tmp", isDirectory: false))  // inherited
        #expect(!child.isIgnored("sub/b.tmp", isDirectory: false))
    }

    @Test func noReinclusionBelowAnIgnoredDirectory() {
        let root = IgnoreStack(parent: nil, files: [file("", "build/", "!build/keep.txt", "logs/*", "!logs/keep.log")])
        #expect(root.isIgnored("build/keep.txt", isDirectory: false))
        #expect(root.match("build/keep.txt", isDirectory: false) == .included)  // entry alone
        #expect(root.isIgnored("src/build/x", isDirectory: false))
        #expect(!root.isIgnored("logs/keep.log", isDirectory: false))
        #expect(root.isIgnored("logs/other.log", isDirectory: false))
        let pattern = root.decidingPattern("build/keep.txt", isDirectory: false)?.pattern
        #expect(pattern?.source == "build/")
    }

    @Test func directoryOnlyPatternsNeedIsDirectory() {
        let root = IgnoreStack(parent: nil, files: [file("", "out/")])
        #expect(root.isIgnored("out", isDirectory: true))
        #expect(!root.isIgnored("out", isDirectory: false))
        #expect(root.isIgnored("out/file", isDirectory: false))  // "out" is a directory if it has children
    }

    @Test func pushingNothingReusesTheNode() {
        let root = IgnoreStack(parent: nil, files: [file("", "x")])
        #expect(root.pushing([]) === root)
        #expect(root.pushing([IgnoreFile(contents: Array("# only a comment\n".utf8), base: "d")]) === root)
        #expect(root.pushing([file("d", "y")]) !== root)
        #expect(!IgnoreStack.empty.isIgnored("anything", isDirectory: false))
    }

    @Test func entryPointsAgree() {
        let root = IgnoreStack(parent: nil, files: [file("", "*.o", "!keep.o", "tmp/")])
        for (path, isDirectory) in [("a.o", false), ("keep.o", false), ("tmp", true), ("tmp/a", false), ("x", false)] {
            let bytes = Array(path.utf8)
            let expected = root.isIgnored(path, isDirectory: isDirectory)
            #expect(root.isIgnored(bytes, isDirectory: isDirectory) == expected)
            #expect(bytes.withUnsafeBufferPointer { root.isIgnored($0, isDirectory: isDirectory) } == expected)
            #expect(root.match(bytes, isDirectory: isDirectory) == root.match(path, isDirectory: isDirectory))
        }
    }

    /// The walker hands one stack to many threads; this must compile without
    /// warnings under strict concurrency and give the same answers.
    @Test func stacksAreSharedAcrossTasks() async {
        let root = IgnoreStack(parent: nil, files: [file("", "node_modules/", "*.min.js")])
        let sub = root.pushing([file("web", "!vendor.min.js")])
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for i in 0..<64 {
                group.addTask {
                    let path = i.isMultiple(of: 2) ? "web/vendor.min.js" : "web/app.min.js"
                    return sub.isIgnored(path, isDirectory: false) == !i.isMultiple(of: 2)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }

    /// A pruning walk over an in-memory tree, the way the scanner's walker
    /// uses the API (also covers the essentials where git is unavailable).
    @Test func prunedWalkListsTheExpectedFiles() {
        let tree: [String: [(String, Bool)]] = [
            "": [(".gitignore", false), ("build", true), ("src", true), ("debug.log", false), ("README.md", false)],
            "build": [("out.o", false), ("keep.txt", false)],
            "src": [(".gitignore", false), ("main.c", false), ("gen", true), ("notes.log", false)],
            "src/gen": [("x.c", false)],
        ]
        let ignoreFiles: [String: IgnoreFile] = [
            "": file("", "build/", "!build/keep.txt", "*.log"),
            "src": file("src", "gen/", "!*.log"),
        ]
        var listed: [String] = []
        func walk(_ directory: String, _ stack: IgnoreStack) {
            let here = stack.pushing(ignoreFiles[directory].map { [$0] } ?? [])
            for (name, isDirectory) in tree[directory] ?? [] {
                let path = directory.isEmpty ? name : directory + "/" + name
                if here.match(path, isDirectory: isDirectory) == .ignored { continue }
                if isDirectory { walk(path, here) } else { listed.append(path) }
            }
        }
        walk("", IgnoreStack.empty)
        #expect(listed.sorted() == [".gitignore", "README.md", "src/.gitignore", "src/main.c", "src/notes.log"])
    }
}
