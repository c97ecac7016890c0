import GitIgnore
import Testing

/// Splitting file contents and the last-match-wins rule within one file.
struct IgnoreFileTests {
    @Test func lastMatchingPatternDecides() {
        let file = IgnoreFile(patterns: ["*.log", "!keep.log", "keep.log.d/"], base: "")
        #expect(file.match("debug.log", isDirectory: false) == .ignored)
        #expect(file.match("keep.log", isDirectory: false) == .included)
        #expect(file.match("a/keep.log", isDirectory: false) == .included)
        #expect(file.match("notes.txt", isDirectory: false) == IgnoreMatch.none)
        let reversed = IgnoreFile(patterns: ["!keep.log", "*.log"], base: "")
        #expect(reversed.match("keep.log", isDirectory: false) == .ignored)
    }

    @Test func patternsAreRelativeToTheBaseDirectory() {
        let file = IgnoreFile(patterns: ["foo", "/bar", "x/y"], base: "sub")
        #expect(file.match("sub/foo", isDirectory: false) == .ignored)
        #expect(file.match("sub/deep/foo", isDirectory: false) == .ignored)
        #expect(file.match("foo", isDirectory: false) == IgnoreMatch.none)
        #expect(file.match("subx/foo", isDirectory: false) == IgnoreMatch.none)
        #expect(file.match("sub/bar", isDirectory: false) == .ignored)
        #expect(file.match("sub/deep/bar", isDirectory: false) == IgnoreMatch.none)
        #expect(file.match("sub/x/y", isDirectory: false) == .ignored)
        #expect(file.match("sub/z/x/y", isDirectory: false) == IgnoreMatch.none)
        // A directory's own file says nothing about the directory itself.
        #expect(IgnoreFile(patterns: ["sub"], base: "sub").match("sub", isDirectory: true) == IgnoreMatch.none)
        #expect(IgnoreFile(patterns: ["foo"], base: "sub/").base == "sub")
    }

    @Test func contentsAreSplitLikeGit() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# comment\n\nfoo\r\n  \n!bar  \r\n\\#baz\r\nlast".utf8)
        let file = IgnoreFile(contents: bytes, base: "", source: ".gitignore")
        #expect(file.patterns.map(\.source) == ["foo", "!bar", "\\#baz", "last"])
        #expect(file.patterns.map(\.lineNumber) == [3, 5, 6, 7])
        #expect(file.match("foo", isDirectory: false) == .ignored)
        #expect(file.match("bar", isDirectory: false) == .included)
        #expect(file.match("#baz", isDirectory: false) == .ignored)
        #expect(file.match("last", isDirectory: false) == .ignored)
        #expect(file.source == ".gitignore")
        #expect(IgnoreFile(contents: [], base: "").isEmpty)
    }

    @Test func decidingPatternIsReported() {
        let file = IgnoreFile(patterns: ["*.log", "# c", "!keep.log"], base: "")
        #expect(file.decidingPattern("keep.log", isDirectory: false)?.lineNumber == 3)
        #expect(file.decidingPattern("a.log", isDirectory: false)?.source == "*.log")
        #expect(file.decidingPattern("a.txt", isDirectory: false) == nil)
    }

    @Test func allEntryPointsAgree() {
        let file = IgnoreFile(patterns: ["/build/", "*.o"], base: "")
        for (path, isDirectory) in [("build", true), ("build", false), ("src/x.o", false), ("src/build", true)] {
            let bytes = Array(path.utf8)
            let viaString = file.match(path, isDirectory: isDirectory)
            #expect(file.match(bytes, isDirectory: isDirectory) == viaString)
            #expect(bytes.withUnsafeBufferPointer { file.match($0, isDirectory: isDirectory) } == viaString)
        }
        #expect(file.match("build", isDirectory: true) == .ignored)
        #expect(file.match("src/build", isDirectory: true) == IgnoreMatch.none)
    }
}
