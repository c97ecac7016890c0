/// Hand-picked ignore files that exercise each gitignore(5) rule and the
/// wildmatch corners, plus a fixed tree with names that hit them.
enum TrickyCases {
    /// Files of the fixed tree (directories follow from them).
    static let tree: [String] = [
        "foo", "foo.txt", "Foo.TXT", "bar/foo", "bar/foo.txt", "bar/baz/foo", "bar/baz/qux.log",
        "x/foo/inner", "x/foobar/baz", "x/foo.d/y",
        "a/b", "a/x/b", "a/x/y/b", "a/bc", "a/b.c", "a/bcd/e",
        "abc/def/ghi", "abc/x", "doc/frotz/f", "a/doc/frotz/f",
        "build/out.o", "build/sub/keep.txt", "src/build/gen.c", "src/main.c", "src/lib/util.c", "src/lib/main.c",
        "node_modules/pkg/index.js", "sub/node_modules/x.js", "sub/deep/node_modules/y.js",
        "logs/debug.log", "logs/important.log", "logs/keep/important.log",
        "trail ", "sp ace", "#hash", "!bang", "[ab]", "star*", "starry", "q?", "qx", "back\\slash",
        ".hidden", ".config/x", "Makefile", "README.md", "x/y/z/w.txt", "tab\there", "v\u{0B}t", "c]d", "e-f",
        "1digit", "é.txt", "ab", "b",
    ]

    /// Directories that stay empty, to compare directory verdicts too.
    static let emptyDirectories: [String] = ["empty", "bar/emptydir", "logs/old"]

    /// Each case becomes its own subtree `cN/` with these lines as its .gitignore.
    static let cases: [[String]] = [
        // Basename vs anchored vs middle slash.
        ["foo"], ["/foo"], ["foo/"], ["/foo/"], ["x/foo"], ["x/foo/"], ["doc/frotz/"], ["frotz/"], ["doc/frotz"],
        ["bar/foo"], ["baz/foo"], ["/bar/baz"], ["*/foo"], ["*/*/foo"], ["x/*/baz"],
        // Suffixes and prefixes.
        ["*.txt"], ["*.TXT"], ["/*.txt"], ["*.c", "!src/main.c"], ["*.c", "!main.c"], ["foo*"], ["x/foo*"], ["*oo"],
        // Negation and parent exclusion.
        ["*.log", "!important.log"], ["logs/", "!logs/important.log"], ["logs/*", "!logs/important.log"],
        ["/logs/*", "!/logs/keep/"], ["logs", "!logs/keep"], ["build", "!build/sub/keep.txt"],
        ["build/*", "!build/sub/"], ["build/**", "!build/sub/"], ["build/**", "!build/sub/", "!build/sub/**"],
        ["*", "!*/"], ["*", "!*/", "!*.c"], ["/*", "!/src"], ["src/", "!src/main.c"], ["!foo", "foo"],
        ["foo", "!foo"], ["*/", "!bar/"], ["*", "!.gitignore"],
        // "**" forms, including git's literal-prefix quirk ("x/foo**" crosses slashes).
        ["**/foo"], ["**/baz/foo"], ["a/**/b"], ["abc/**"], ["abc/**/"], ["**"], ["**/"], ["*"], ["*/"],
        ["/**/foo"], ["doc/**/f"], ["**/frotz/**"], ["x/foo**"], ["x/foo**", "!x/foobar"], ["bar/b**/foo"],
        ["a/b**"], ["a**"], ["**b"], ["***"], ["a/***/b"], ["**/node_modules"], ["**/node_modules/"],
        ["node_modules/"], ["x/**/w.txt"], ["x/**/z/"], ["**/x"], ["a/**"], ["a/**/"], ["**/*.c"],
        ["src/**/*.c"], ["*/**"], ["a/b/**"], ["**foo"], ["foo/**"],
        // Single-character wildcards and bracket classes.
        ["?oo"], ["f?o/"], ["?"], ["??"], ["é.???"], ["é.????"], ["[ab]"], ["\\[ab]"], ["[!a]"], ["[^ab]*"],
        ["[a-c]*.c"], ["[[:alpha:]]*"], ["[[:digit:]]*"], ["[[:upper:]]*"], ["[[:punct:]]*"],
        ["tab[[:space:]]here"], ["tab[[:blank:]]here"], ["v[[:space:]]t"], ["v[[:cntrl:]]t"],
        ["[[:nosuch:]]*"], ["[]]"], ["c[]]d"], ["[]a]*"], ["[!]]*"], ["a[b"], ["[a-]*"], ["e[--/]f"], ["e[!-]f"],
        ["[[:alpha:]-z]*"], ["[a-b-c]"], ["c[\\]]d"], ["[\\a-\\c]*"], ["[[:x]*"], ["q[?]"], ["x/foo[.]d/"],
        ["[[:lower:][:digit:]]*"], ["[z-a]*"], ["a[/]b"], ["a?b"],
        // Escapes, spaces, comments.
        ["trail "], ["trail\\ "], ["trail\\ \\ "], ["sp ace"], ["sp\\ ace"], ["sp?ace"], ["\\#hash"], ["#hash"],
        [" #hash"], ["\\!bang"], ["!bang"], ["star\\*"], ["star*"], ["q\\?"], ["back\\\\slash"], ["\\f\\o\\o"],
        ["foo\\"], ["f\\*"], ["foo//"], ["/"], ["!"], ["  "], ["\\ "], ["#"], ["!/foo"], ["!*.txt", "*.txt"],
        [".*"], ["*.md", "!README*"], ["Makefile/"], ["foo.txt/"], ["\\"], ["foo\t"],
    ]

    /// Raw file contents for line-splitting rules (CR, BOM, NUL, missing final newline).
    static let rawCases: [[UInt8]] = [
        Array("foo\r\n*.log\r\n".utf8),
        [0xEF, 0xBB, 0xBF] + Array("foo\n".utf8),
        Array("\r\n\r\nfoo.txt\r".utf8),
        Array("foo\0bar\n*.md".utf8),
        Array("#comment\r\n\\#hash\r\n!bang\r\n".utf8),
        Array("trail \r\n".utf8),
        Array("trail\\ \r\n".utf8),
    ]

    /// One scenario holding every case in its own subtree, plus one that
    /// puts a union of cases at the root and in info/exclude and core.excludesFile.
    static func scenarios() -> [Scenario] {
        var batched = Scenario(name: "tricky")
        let allCases = cases.map { Array(($0.joined(separator: "\n") + "\n").utf8) } + rawCases
        for (index, contents) in allCases.enumerated() {
            let directory = "c\(index)"
            batched.files += tree.map { directory + "/" + $0 }
            batched.extraDirectories += emptyDirectories.map { directory + "/" + $0 }
            batched.ignoreFiles[directory] = contents
        }

        var rooted = Scenario(name: "tricky-root")
        rooted.files = tree
        rooted.extraDirectories = emptyDirectories
        rooted.ignoreFiles[""] = Array("*.log\n!important.log\nx/foo**\n!x/foobar\n/a/**/b\n[[:upper:]]*\n".utf8)
        rooted.ignoreFiles["bar"] = Array("baz/\n!foo.txt\n".utf8)
        rooted.ignoreFiles["src"] = Array("*.c\n!lib/\n".utf8)
        rooted.ignoreFiles["x/foo"] = Array("*\n".utf8)
        rooted.infoExclude = Array("README.md\n!*.log\nsp\\ ace\nlogs/keep/\n".utf8)
        rooted.excludesFile = Array("*.md\nstar*\n!starry\nMakefile\n".utf8)
        return [batched, rooted]
    }
}
