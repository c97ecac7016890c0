import GitIgnore
import Testing

/// Line parsing and single-pattern matching as gitignore(5) describes them.
struct IgnorePatternTests {
    private func pattern(_ line: String) throws -> IgnorePattern {
        try #require(IgnorePattern(line))
    }

    private func matches(_ line: String, _ path: String, directory: Bool = false) throws -> Bool {
        try pattern(line).matches(path, isDirectory: directory)
    }

    @Test func blankCommentAndEmptyLinesCompileToNothing() {
        for line in ["", "#", "# comment", "   ", "!", "/", "!/", "\0foo"] {
            #expect(IgnorePattern(line) == nil, "\(Differential.quote(line))")
        }
        #expect(IgnorePattern(" #not a comment") != nil)
    }

    @Test func escapedHashAndBangAreLiterals() throws {
        let hash = try pattern("\\#hash")
        #expect(!hash.isNegated)
        #expect(hash.matches("#hash", isDirectory: false))
        let bang = try pattern("\\!bang")
        #expect(!bang.isNegated)
        #expect(bang.matches("!bang", isDirectory: false))
        #expect(!bang.matches("bang", isDirectory: false))
    }

    @Test func leadingBangNegates() throws {
        let negated = try pattern("!*.log")
        #expect(negated.isNegated)
        #expect(negated.matches("a/debug.log", isDirectory: false))
        #expect(negated.source == "!*.log")
    }

    @Test func trailingSpacesAreTrimmedUnlessEscaped() throws {
        #expect(try pattern("foo   ").source == "foo")
        #expect(try matches("foo   ", "foo"))
        #expect(try !matches("foo\\ ", "foo"))
        #expect(try matches("foo\\ ", "foo "))
        #expect(try matches("foo\\  ", "foo "))
        #expect(try matches("foo\\ \\ ", "foo  "))
        #expect(try matches("a b", "a b"))
        #expect(try !matches("foo\t", "foo"))  // only spaces are trimmed
        #expect(try pattern("foo \\").source == "foo \\")  // a final backslash protects nothing
    }

    @Test func trailingSlashMeansDirectoriesOnly() throws {
        let dirOnly = try pattern("build/")
        #expect(dirOnly.isDirectoryOnly)
        #expect(dirOnly.matches("build", isDirectory: true))
        #expect(dirOnly.matches("src/build", isDirectory: true))
        #expect(!dirOnly.matches("build", isDirectory: false))
        #expect(try !pattern("build").isDirectoryOnly)
        #expect(try !matches("foo//", "foo", directory: true))  // only one slash is stripped
    }

    @Test func patternWithoutSlashMatchesBasenameAtAnyDepth() throws {
        #expect(try matches("foo", "foo"))
        #expect(try matches("foo", "a/b/foo"))
        #expect(try !matches("foo", "a/foo/b"))  // the walker reaches "a/foo" first
        #expect(try matches("*.txt", "a/b.txt"))
        #expect(try matches("*.txt", ".txt"))
        #expect(try matches("f?o", "x/foo"))
        #expect(try matches("[a-c]*", "z/bee"))
    }

    @Test func leadingOrMiddleSlashAnchors() throws {
        #expect(try matches("/foo", "foo"))
        #expect(try !matches("/foo", "a/foo"))
        #expect(try matches("doc/frotz", "doc/frotz"))
        #expect(try !matches("doc/frotz", "a/doc/frotz"))
        #expect(try matches("doc/frotz/", "doc/frotz", directory: true))
        #expect(try matches("frotz/", "a/doc/frotz", directory: true))
        #expect(try matches("/*.c", "main.c"))
        #expect(try !matches("/*.c", "src/main.c"))
    }

    @Test func starAndQuestionMarkDoNotCrossSlashes() throws {
        #expect(try matches("a/*", "a/b"))
        #expect(try !matches("a/*", "a/b/c"))
        #expect(try matches("*/foo", "x/foo"))
        #expect(try !matches("*/foo", "x/y/foo"))
        #expect(try !matches("x/a?b", "x/a/b"))
    }

    @Test func doubleStarForms() throws {
        #expect(try matches("**/foo", "foo"))
        #expect(try matches("**/foo", "a/b/foo"))
        #expect(try matches("**/foo/bar", "x/foo/bar"))
        #expect(try !matches("**/foo/bar", "x/foo/y/bar"))
        #expect(try matches("abc/**", "abc/x"))
        #expect(try matches("abc/**", "abc/x/y"))
        #expect(try !matches("abc/**", "abc", directory: true))
        #expect(try matches("a/**/b", "a/b"))
        #expect(try matches("a/**/b", "a/x/y/b"))
        #expect(try !matches("a/**/b", "x/a/b"))
        #expect(try matches("**", "a/b/c"))
        #expect(try matches("a/b**c", "a/bxc"))
        #expect(try !matches("x/a**b", "x/a/b"))
    }

    /// git compares the wildcard-free head literally and restarts wildmatch
    /// after it, so a "**" right after the head counts as slash-bounded.
    @Test func literalHeadQuirkMatchesGit() throws {
        #expect(try matches("a/foo**", "a/foobar/baz"))
        #expect(try matches("a/b**/c", "a/b/c"))
        #expect(try matches("a/b**/c", "a/bx/y/c"))
        // Even the head alone: "**/" may match no directory and "*" the empty rest.
        #expect(try matches("a**/*", "a"))
        #expect(try matches("x/a**/*", "x/a"))
        #expect(try !matches("x/a**/*", "x/b"))
    }

    @Test func bracketClassesAndEscapes() throws {
        #expect(try matches("[ab]", "x/a"))
        #expect(try !matches("[ab]", "[ab]"))
        #expect(try matches("\\[ab]", "[ab]"))
        #expect(try matches("[!a]", "b"))
        #expect(try !matches("[!a]", "a"))
        #expect(try matches("[^a]", "b"))
        #expect(try matches("[]]", "]"))
        #expect(try matches("[[:upper:]]*", "Makefile"))
        #expect(try !matches("[[:upper:]]*", "makefile"))
        #expect(try !matches("[[:nosuch:]]*", "a"))
        #expect(try matches("star\\*", "star*"))
        #expect(try !matches("star\\*", "starry"))
        #expect(try matches("back\\\\slash", "back\\slash"))
        #expect(try !matches("foo\\", "foo"))
    }

    @Test func matchingIsCaseSensitive() throws {
        #expect(try !matches("*.TXT", "a.txt"))
        #expect(try !matches("Foo", "foo"))
        #expect(try matches("Foo", "Foo"))
    }

    @Test func byteAndStringEntryPointsAgree() throws {
        let p = try pattern("src/**/*.c")
        let path = Array("src/a/b/main.c".utf8)
        let viaBytes = path.withUnsafeBufferPointer { p.matches($0, isDirectory: false) }
        #expect(viaBytes)
        #expect(p.matches("src/a/b/main.c", isDirectory: false))
        #expect(IgnorePattern(line: Array("*.o".utf8))?.matches("x.o", isDirectory: false) == true)
    }
}
