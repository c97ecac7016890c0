import Foundation
import IvyConfig
import IvyKit
import IvyModel
import Testing
import TestSupport

@Suite struct EmbeddedRulesTests {
    @Test func embeddedCopyEqualsRulesFolder() throws {
        let directory = PackagePaths.root + "/rules"
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }.sorted()
        let embedded = DefaultRules.files
        #expect(embedded.map(\.name) == onDisk)
        for file in embedded {
            let disk = try #require(FileManager.default.contents(atPath: directory + "/" + file.name))
            #expect(Array(disk) == file.bytes, "rules/\(file.name) differs from the embedded copy: rebuild")
        }
    }
}

@Suite struct ProjectConfigTests {
    func parse(_ text: String) throws(ConfigError) -> ProjectConfig {
        try ProjectConfig.parse(Array(text.utf8), file: ".ivyscan.toml")
    }

    @Test func fullConfigParses() throws {
        let config = try parse("""
            version = 1
            [extend]
            disabledRules = ["hardcoded-x-api-key"]
            [severity]
            ivymail-api-key = "high"
            [allowlist]
            description = "fixtures"
            paths = ["Tests/Fixtures/**"]
            regexes = ['''^ivym_sk_test''']
            [[rules]]
            id = "acme-token"
            description = "Acme token"
            regex = '''(?<secret>acme_[a-z0-9]{20})'''
            keywords = ["acme_"]
            """)
        #expect(config.disabledRules == ["hardcoded-x-api-key"])
        #expect(config.severities["ivymail-api-key"] == .high)
        #expect(config.allowPaths == ["Tests/Fixtures/**"])
        #expect(config.rules.map(\.id) == ["acme-token"])
        let resolved = try ResolvedConfig.resolve(defaults: try DefaultRules.load(), project: config)
        let defaults = try DefaultRules.load().map(\.id)
        #expect(resolved.rules.map(\.id).sorted() == (defaults.filter { $0 != "hardcoded-x-api-key" } + ["acme-token"]).sorted())
        #expect(resolved.rules.first { $0.id == "ivymail-api-key" }?.severity == .high)
    }

    @Test func errorsCarryLineAndColumn() {
        #expect(throws: ConfigError(file: ".ivyscan.toml", line: 2, column: 1, message: "unknown key 'severty' (expected version, [extend], [severity], [allowlist], [checks.ID], [[rules]])")) {
            try parse("version = 1\nseverty = 3\n")
        }
        do {
            _ = try parse("[severity]\nivymail-api-key = \"huge\"\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("must be one of"))
        }
        do {
            _ = try parse("[extend\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1)
            #expect(error.column != nil)
        }
    }

    @Test func badRegexIsLocated() {
        do {
            _ = try parse("\n[[rules]]\nid = \"x\"\ndescription = \"d\"\nregex = '''(?<secret>(unclosed'''\nkeywords = [\"x\"]\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 5)
            #expect(error.message.contains("rule 'x'"))
        }
    }

    @Test func configExtendsNeverSilentlyReplaces() throws {
        let defaults = try DefaultRules.load()
        let added = try parse("[[rules]]\nid = \"extra\"\ndescription = \"d\"\nregex = '''(?<secret>zz[0-9]{8})'''\nkeywords = [\"zz\"]\n")
        #expect(try ResolvedConfig.resolve(defaults: defaults, project: added).rules.count == defaults.count + 1)
        let replaced = try parse("[extend]\nuseDefault = false\n[[rules]]\nid = \"extra\"\ndescription = \"d\"\nregex = '''(?<secret>zz[0-9]{8})'''\nkeywords = [\"zz\"]\n")
        #expect(try ResolvedConfig.resolve(defaults: defaults, project: replaced).rules.map(\.id) == ["extra"])
        let clash = try parse("[[rules]]\nid = \"ivymail-api-key\"\ndescription = \"d\"\nregex = '''(?<secret>zz)'''\nkeywords = [\"zz\"]\n")
        #expect(throws: ConfigError.self) { try ResolvedConfig.resolve(defaults: defaults, project: clash) }
        let unknown = try parse("[extend]\ndisabledRules = [\"no-such-rule\"]\n")
        #expect(throws: ConfigError.self) { try ResolvedConfig.resolve(defaults: defaults, project: unknown) }
    }

    @Test func discoveryWalksUp() throws {
        let temp = TempDirectory()
        temp.write(".ivyscan.toml", "version = 1\n")
        temp.mkdir("a/b/c")
        let found = ProjectConfig.discover(from: temp.path + "/a/b/c")
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == URL(fileURLWithPath: temp.path + "/.ivyscan.toml").resolvingSymlinksInPath().path)
    }

    @Test func configLoaderPrefersFlagThenEnvironment() throws {
        let temp = TempDirectory()
        temp.write(".ivyscan.toml", "[extend]\ndisabledRules = [\"hardcoded-x-api-key\"]\n")
        let other = temp.write("other.toml", "[severity]\nhardcoded-x-api-key = \"low\"\n")
        let discovered = try ConfigLoader.load(explicitPath: nil, roots: [temp.path], environment: [:])
        #expect(!discovered.rules.contains { $0.id == "hardcoded-x-api-key" })
        let viaEnv = try ConfigLoader.load(explicitPath: nil, roots: [temp.path], environment: ["IVYSCAN_CONFIG": other])
        #expect(viaEnv.rules.first { $0.id == "hardcoded-x-api-key" }?.severity == .low)
        let viaFlag = try ConfigLoader.load(explicitPath: other, roots: [temp.path], environment: [:])
        #expect(viaFlag.configFile == other)
    }
}
