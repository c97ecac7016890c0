import TestSupport
/// Seeded random trees and ignore files. Patterns are assembled from the
/// same name pool as the tree so that they actually hit.
struct RandomScenarios {
    /// SplitMix64 (TestSupport): identical on every platform and Swift version.
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    private mutating func next() -> UInt64 { generator.next() }

    private mutating func int(_ upperBound: Int) -> Int { Int(next() % UInt64(upperBound)) }
    private mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Case-distinct in the lowercase sense so the tree also fits a case-insensitive disk.
    static let names: [String] = [
        "a", "b", "ab", "abc", "foo", "bar", "baz", "build", "src", "lib", "node_modules", "x.txt", "y.log",
        "a.txt", "b.c", "main.c", ".hidden", ".env", "Foobar", "BAR.TXT", "[ab]", "sp ace", "trail ", "#hash",
        "!bang", "star*", "q?", "back\\slash", "dash-1", "1", "z9", "tab\there", "x]y", "ÿ",
    ]

    mutating func scenario(name: String, pathBudget: Int) -> Scenario {
        var scenario = Scenario(name: name)
        var budget = pathBudget
        fill("", depth: 0, budget: &budget, into: &scenario)
        scenario.ignoreFiles[""] = ignoreContents()
        if chance(50) { scenario.infoExclude = ignoreContents(maxLines: 3) }
        if chance(30) { scenario.excludesFile = ignoreContents(maxLines: 3) }
        return scenario
    }

    /// Many one- or two-line ignore files, each over its own copy of a small
    /// tree of glob-heavy names: dense wildmatch coverage per git process.
    mutating func globSoup(name: String, cases: Int) -> Scenario {
        var tree: [String] = []
        var used = Set<String>()
        while tree.count < 24 {
            let entry = randomName()
            guard used.insert(entry.lowercased()).inserted else { continue }
            tree.append(entry)
        }
        for directory in tree.prefix(4) {
            tree += [randomName(), pick(Self.names)].map { directory + "/" + $0 }
        }
        tree = Array(tree.dropFirst(4))
        var scenario = Scenario(name: name)
        for index in 0..<cases {
            let root = "s\(index)"
            scenario.files += tree.map { root + "/" + $0 }
            var lines = [chance(50) ? chaos() : pattern()]
            if chance(30) { lines.append((chance(50) ? "!" : "") + chaos()) }
            scenario.ignoreFiles[root] = Array((lines.joined(separator: "\n") + "\n").utf8)
        }
        return scenario
    }

    private mutating func fill(_ directory: String, depth: Int, budget: inout Int, into scenario: inout Scenario) {
        var used = Set<String>()
        let entries = depth == 0 ? 10 + int(6) : 2 + int(6)
        for _ in 0..<entries where budget > 0 {
            let name = chance(20) ? randomName() : pick(Self.names)
            guard name != ".gitignore", used.insert(name.lowercased()).inserted else { continue }
            let path = directory.isEmpty ? name : directory + "/" + name
            budget -= 1
            if depth < 4 && chance(depth == 0 ? 70 : 45) {
                scenario.extraDirectories.append(path)
                fill(path, depth: depth + 1, budget: &budget, into: &scenario)
                if chance(35) { scenario.ignoreFiles[path] = ignoreContents() }
            } else {
                scenario.files.append(path)
            }
        }
    }

    mutating func ignoreContents(maxLines: Int = 6) -> [UInt8] {
        var lines: [String] = []
        for _ in 0..<(1 + int(maxLines)) {
            switch int(20) {
            case 0: lines.append("# " + pick(Self.names))
            case 1: lines.append("")
            default: lines.append(pattern())
            }
        }
        return Array((lines.joined(separator: "\n") + (chance(80) ? "\n" : "")).utf8)
    }

    mutating func pattern() -> String {
        var components: [String] = []
        let count = chance(55) ? 1 : (chance(65) ? 2 : 3)
        for _ in 0..<count { components.append(component()) }
        if chance(10) { components.insert("**", at: 0) }
        if chance(8) { components.append("**") }
        if chance(5) && components.count >= 2 { components.insert("**", at: 1) }
        var line = components.joined(separator: "/")
        if chance(20) { line = "/" + line }
        if chance(25) { line += "/" }
        if chance(25) { line = "!" + line }
        if chance(4) { line += "  " }
        if chance(3) { line += "\\ " }
        return line
    }

    private mutating func component() -> String {
        let name = pick(Self.names)
        let scalars = Array(name.unicodeScalars)
        func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: slice)
            return out
        }
        switch int(17) {
        case 0...5: return literal(name)
        case 6: return "*"
        case 7: return "**"
        case 8:
            let i = int(scalars.count)
            return literal(text(scalars[..<i])) + "?" + literal(text(scalars[(i + 1)...]))
        case 9, 10: return literal(text(scalars.prefix(1 + int(2)))) + "*"
        case 11, 12: return "*" + literal(text(scalars.suffix(1 + int(4))))
        case 13:
            return pick([
                "[ab]", "[!a]*", "[^ab]", "[a-c]*", "[[:alpha:]]*", "[[:digit:]]", "[[:punct:]]*", "[]a]*", "[.]*",
                "*[[:space:]]*", "[[:upper:]]*", "*[!c]", "[a-z][a-z]", "[!.]*.*", "?*",
            ])
        case 14: return pick(["a**", "**b", "*a*", "b*r", "f*o*", "*.*", "***"])
        case 15: return chaos()
        default:
            let i = int(scalars.count)
            let c = text(scalars[i...i])
            return literal(text(scalars[..<i])) + "[\(c)\(c.uppercased())]" + literal(text(scalars[(i + 1)...]))
        }
    }

    /// Names made of glob-significant bytes, so escapes and classes meet real files.
    private mutating func randomName() -> String {
        let alphabet = ["a", "b", "B", ".", "*", "?", "[", "]", "!", "^", "-", "\\", ":", " ", "#", "\t"]
        while true {
            var out = ""
            for _ in 0..<(1 + int(4)) { out += pick(alphabet) }
            if out != "." && out != ".." { return out }
        }
    }

    /// Short runs of glob syntax soup, for the corners nobody writes on purpose.
    private mutating func chaos() -> String {
        let alphabet = ["a", "b", ".", "*", "*", "?", "[", "]", "!", "^", "-", "\\", ":", "[:alpha:]", "[:space:]", " ", "/"]
        var out = ""
        for _ in 0..<(1 + int(6)) { out += pick(alphabet) }
        return out
    }

    /// Sometimes escapes glob characters, a leading `#` or `!`, and a trailing space.
    private mutating func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if "*?[\\".unicodeScalars.contains(scalar) && chance(70) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        if (out.hasPrefix("#") || out.hasPrefix("!")) && chance(70) { out = "\\" + out }
        if out.hasSuffix(" ") && chance(60) { out = String(out.dropLast()) + "\\ " }
        return out
    }
}
