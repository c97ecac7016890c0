import GitIgnore
import Testing

/// git's wildmatch semantics, one feature at a time, with expected values
/// spelled out (many taken from the behaviour git's t3070 documents).
struct WildmatchTests {
    /// (pattern, text, expected) in WM_PATHNAME mode, the mode patterns with a slash use.
    private func expectPathname(_ cases: [(String, String, Bool)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (pattern, text, expected) in cases {
            #expect(
                Wildmatch.matches(pattern: pattern, text: text, pathname: true) == expected,
                "pattern \(pattern) vs \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func literals() {
        expectPathname([
            ("foo", "foo", true), ("foo", "bar", false), ("", "", true), ("foo", "", false), ("", "foo", false),
            ("foo", "foobar", false), ("foobar", "foo", false), ("]", "]", true),
        ])
    }

    @Test func questionMarkMatchesOneByteButNotSlash() {
        expectPathname([
            ("???", "foo", true), ("??", "foo", false), ("foo?bar", "foo/bar", false), ("foo?bar", "foo-bar", true),
            ("?", "é", false), ("??", "é", true),  // bytes, not characters
        ])
        #expect(Wildmatch.matches(pattern: "foo?bar", text: "foo/bar", pathname: false))
    }

    @Test func singleStarStaysInOneDirectory() {
        expectPathname([
            ("*", "foo", true), ("f*", "foo", true), ("*f", "foo", false), ("*foo*", "foo", true),
            ("*ob*a*r*", "foobar", true), ("*ab", "aaaaaaabababab", true), ("foo*bar", "foo/baz/bar", false),
            ("*/foo", "bar/foo", true), ("*/foo", "bar/baz/foo", false), ("*", "a/b", false), ("a/*", "a/b", true),
            ("a/*", "a/b/c", false), ("*", "", true),
        ])
        #expect(Wildmatch.matches(pattern: "foo*bar", text: "foo/baz/bar", pathname: false))
    }

    @Test func doubleStarBetweenSlashesMatchesZeroOrMoreDirectories() {
        expectPathname([
            ("foo/**/bar", "foo/bar", true), ("foo/**/bar", "foo/baz/bar", true), ("foo/**/bar", "foo/b/a/z/bar", true),
            ("foo/**/**/bar", "foo/bar", true), ("foo/**/**/bar", "foo/b/a/z/bar", true),
            ("**/foo", "foo", true), ("**/foo", "XXX/foo", true), ("**/foo", "bar/baz/foo", true),
            ("**/bar*", "foo/bar/baz", false), ("**/bar/*", "deep/foo/bar/baz", true),
            ("**/bar/*", "deep/foo/bar/baz/", false), ("**/bar/**", "deep/foo/bar/baz/", true),
            ("**/bar/*", "deep/foo/bar", false), ("**/bar/**", "deep/foo/bar/", true),
            ("*/bar/**", "foo/bar/baz/x", true), ("*/bar/**", "deep/foo/bar/baz/x", false),
            ("**/bar/*/*", "deep/foo/bar/baz/x", true), ("a/**", "a", false), ("a/**", "a/", true),
            ("a/**", "a/b/c", true), ("**", "a/b/c", true),
        ])
    }

    @Test func otherDoubleStarsActLikeSingleStars() {
        expectPathname([
            ("foo**bar", "foobazbar", true), ("foo**bar", "foo/baz/bar", false), ("a**b", "a/b", false),
            ("**b", "x/b", false), ("a**", "a/b", false), ("a***", "abc", true),
        ])
    }

    @Test func escapes() {
        expectPathname([
            ("foo\\*", "foo*", true), ("foo\\*", "foox", false), ("foo\\*bar", "foobar", false),
            ("f\\\\oo", "f\\oo", true), ("\\f\\o\\o", "foo", true), ("foo\\", "foo\\", false), ("foo\\", "foo", false),
            ("\\[ab]", "[ab]", true), ("\\[ab]", "a", false), ("a\\ b", "a b", true),
        ])
    }

    @Test func bracketClasses() {
        expectPathname([
            ("*[al]?", "ball", true), ("[ten]", "ten", false), ("**[!te]", "ten", true), ("**[!ten]", "ten", false),
            ("t[a-g]n", "ten", true), ("t[!a-g]n", "ten", false), ("t[!a-g]n", "ton", true), ("t[^a-g]n", "ton", true),
            ("a[]]b", "a]b", true), ("a[]-]b", "a-b", true), ("a[]-]b", "a]b", true), ("a[]-]b", "aab", false),
            ("a[]a-]b", "aab", true), ("[!]]", "a", true), ("[!]]", "]", false), ("[a-]", "-", true),
            ("[a-b-c]", "-", true), ("[a-b-c]", "c", true), ("[z-a]", "m", false), ("[\\]]", "]", true),
            ("[\\a-\\c]", "b", true), ("foo[/]bar", "foo/bar", false), ("[!a]", "/", false),
            ("f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo-bar", true),
            ("f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo/bar", false),
        ])
        #expect(Wildmatch.matches(pattern: "foo[/]bar", text: "foo/bar", pathname: false))
    }

    @Test func malformedClassesNeverMatch() {
        expectPathname([
            ("[ab", "[ab", false), ("[ab", "a", false), ("a[", "a[", false), ("[\\", "\\", false),
            ("[[:alpha:]", "a", false), ("[[:nosuch:]]", "a", false),
            ("[[:digit:][:upper:][:spaci:]]", "1", false),
        ])
    }

    @Test func posixClasses() {
        expectPathname([
            ("[[:alpha:]][[:digit:]][[:upper:]]", "a1B", true), ("[[:digit:][:upper:][:space:]]", "a", false),
            ("[[:digit:][:upper:][:space:]]", "A", true), ("[[:digit:][:upper:][:space:]]", "1", true),
            ("[[:digit:][:upper:][:space:]]", " ", true), ("[[:digit:][:punct:][:space:]]", ".", true),
            ("[[:xdigit:]]", "5", true), ("[[:xdigit:]]", "f", true), ("[[:xdigit:]]", "g", false),
            ("[a-c[:digit:]x-z]", "5", true), ("[a-c[:digit:]x-z]", "b", true), ("[a-c[:digit:]x-z]", "y", true),
            ("[a-c[:digit:]x-z]", "q", false), ("[[:lower:]]", "a", true), ("[[:lower:]]", "A", false),
            ("[[:alnum:]]", "_", false), ("[[:punct:]]", "_", true), ("[[:blank:]]", "\t", true),
            ("[[:blank:]]", "\n", false), ("[[:graph:]]", " ", false), ("[[:print:]]", " ", true),
            ("[[:alpha:]]", "é", false),  // ASCII only
            // git's own isspace: tab, LF, CR and space, but not VT or FF.
            ("[[:space:]]", "\u{0B}", false), ("[[:space:]]", "\u{0C}", false), ("[[:space:]]", "\r", true),
            ("[[:cntrl:]]", "\u{0B}", true),
            // "[:" without ":]" is just two members.
            ("[[:x]", "x", true), ("[[:x]", ":", true), ("[[:x]", "[", true), ("[[:x]", "y", false),
        ])
    }

    @Test func basenameModeIgnoresSlashRules() {
        #expect(Wildmatch.matches(pattern: "*", text: "a/b", pathname: false))
        #expect(Wildmatch.matches(pattern: "a?b", text: "a/b", pathname: false))
        #expect(Wildmatch.matches(pattern: "a[/]b", text: "a/b", pathname: false))
    }
}
