import Testing
import TOML

/// Parses `text`, returning the error (or nil when parsing unexpectedly succeeds).
private func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ bytes: [UInt8]) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("Error messages and positions")
struct ErrorPositionTests {
    @Test func missingEqualsNamesTheKey() throws {
        let error = try #require(parseError("[[rules]]\nid = \"aws\"\nregex 'x'\n"))
        #expect(error.position == TOMLPosition(line: 3, column: 7))
        #expect(error.message.hasPrefix("expected '=' after key \"regex\""))
        #expect(error.description.hasPrefix("3:7: expected '=' after key \"regex\""))
    }

    @Test func duplicateKeyPointsAtBothDefinitions() throws {
        let error = try #require(parseError("title = \"x\"\n\nid = 1\nname = \"a\"\nid = 2\n"))
        #expect(error == TOMLError(message: "duplicate key \"id\" (first defined at 3:1)", position: TOMLPosition(line: 5, column: 1)))
        #expect(error.description == "5:1: duplicate key \"id\" (first defined at 3:1)")
    }

    @Test func tableDefinedTwice() throws {
        let error = try #require(parseError("[a]\nx = 1\n[a]\n"))
        #expect(error.position == TOMLPosition(line: 3, column: 2))
        #expect(error.message == "table [a] is defined more than once (first defined at 1:1)")
    }

    @Test func dottedKeyCannotReopenHeaderTable() throws {
        let error = try #require(parseError("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n"))
        #expect(error.position == TOMLPosition(line: 4, column: 1))
        #expect(error.message.contains("[a.b]"))
    }

    @Test func inlineTablesAreImmutable() throws {
        let error = try #require(parseError("a = { b = 1 }\na.c = 2\n"))
        #expect(error.position == TOMLPosition(line: 2, column: 1))
        #expect(error.message.contains("inline table \"a\" (defined at 1:1) cannot be extended"))
    }

    @Test func regexInBasicStringReportsTheEscape() throws {
        let error = try #require(parseError("regex = \"\\d+\"\n"))
        #expect(error.position == TOMLPosition(line: 1, column: 10))
        #expect(error.message.hasPrefix("invalid escape sequence '\\d'"))
    }

    @Test func invalidUTF8IsRejectedWithPosition() throws {
        let error = try #require(parseError(Array("a = 1\nb = \"x".utf8) + [0xFF] + Array("y\"\n".utf8)))
        #expect(error.position == TOMLPosition(line: 2, column: 7))
        #expect(error.message.contains("UTF-8"))
    }

    @Test func bareCarriageReturnIsRejected() throws {
        let error = try #require(parseError("a = 1\rb = 2\n"))
        #expect(error.position == TOMLPosition(line: 1, column: 6))
    }

    @Test func controlCharactersAreRejected() throws {
        let error = try #require(parseError("a = \"x\u{7}y\"\n"))
        #expect(error.position == TOMLPosition(line: 1, column: 7))
        #expect(error.message.contains("U+0007"))
    }

    @Test func unterminatedStringMentionsWhereItOpened() throws {
        let error = try #require(parseError("a = 1\nname = \"abc\n"))
        #expect(error.position == TOMLPosition(line: 2, column: 12))
        #expect(error.message.contains("opened at 2:8"))
    }

    @Test func invalidDateIsRejected() throws {
        let error = try #require(parseError("d = 2023-02-29\n"))
        #expect(error.position == TOMLPosition(line: 1, column: 13))
        #expect(error.message.contains("out of range"))
    }

    @Test(arguments: [
        "a = 9223372036854775808",
        "a = -9223372036854775809",
        "a = 0x8000000000000000",
        "a = 0b1_0000000000000000000000000000000000000000000000000000000000000000",
    ])
    func integerOverflowIsRejected(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains("out of range"))
        #expect(error.position == TOMLPosition(line: 1, column: 5))
    }

    @Test func columnsCountBytes() throws {
        // "é" is two bytes, so the stray "y" is at byte column 10 (character column 9).
        let error = try #require(parseError("\"é\" = 1\nx = \"é\" y\n"))
        #expect(error.position == TOMLPosition(line: 2, column: 10))
    }
}

@Suite("Key and table positions")
struct PositionTests {
    @Test func keysAndTablesRememberWhereTheyWereDefined() throws {
        let text = """
            title = "ivy"
            [allowlist]
              paths = ["a"]
            [[rules]]
            id = "r1"
              [[rules.examples]]
              text = "x"
            [[rules]]
            id = "r2"
            severity = "high"
            """
        let root = try TOMLParser.parse(text)
        #expect(root.position == TOMLPosition(line: 1, column: 1))
        #expect(root.position(of: "title") == TOMLPosition(line: 1, column: 1))
        #expect(root.position(of: "allowlist") == TOMLPosition(line: 2, column: 2))
        #expect(root.position(of: "missing") == nil)

        let allowlist = try #require(root["allowlist"]?.tableValue)
        #expect(allowlist.position == TOMLPosition(line: 2, column: 1))
        #expect(allowlist.position(of: "paths") == TOMLPosition(line: 3, column: 3))

        let rules = (root["rules"]?.arrayValue ?? []).compactMap(\.tableValue)
        #expect(rules.count == 2)
        #expect(rules[0].position == TOMLPosition(line: 4, column: 1))
        #expect(rules[0].position(of: "id") == TOMLPosition(line: 5, column: 1))
        let example = try #require(rules[0]["examples"]?.arrayValue?.first?.tableValue)
        #expect(example.position == TOMLPosition(line: 6, column: 3))
        #expect(example.position(of: "text") == TOMLPosition(line: 7, column: 3))
        #expect(rules[1].position == TOMLPosition(line: 8, column: 1))
        #expect(rules[1].position(of: "severity") == TOMLPosition(line: 10, column: 1))
        #expect(rules[1]["severity"]?.stringValue == "high")
    }

    @Test func dottedKeysAndInlineTables() throws {
        let root = try TOMLParser.parse("a.b.c = 1\npoint = { x = 1, y = 2 }\n")
        #expect(root.position(of: "a") == TOMLPosition(line: 1, column: 1))
        let a = try #require(root["a"]?.tableValue)
        #expect(a.position(of: "b") == TOMLPosition(line: 1, column: 3))
        let b = try #require(a["b"]?.tableValue)
        #expect(b.position(of: "c") == TOMLPosition(line: 1, column: 5))
        #expect(b["c"]?.integerValue == 1)

        let point = try #require(root["point"]?.tableValue)
        #expect(point.position == TOMLPosition(line: 2, column: 9))
        #expect(point.position(of: "y") == TOMLPosition(line: 2, column: 18))
    }

    @Test func implicitTableTakesThePositionOfItsLaterHeader() throws {
        let root = try TOMLParser.parse("[a.b]\nx = 1\n\n[a]\ny = 2\n")
        let a = try #require(root["a"]?.tableValue)
        #expect(a.position == TOMLPosition(line: 4, column: 1))
        #expect(root.position(of: "a") == TOMLPosition(line: 4, column: 2))
        #expect(a.keys == ["b", "y"])
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let root = try TOMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        #expect(root["a"] == .integer(1))
        #expect(root.position(of: "a") == TOMLPosition(line: 1, column: 1))
    }
}

@Suite("Values")
struct ValueTests {
    @Test func multiLineLiteralStringsKeepRegexBackslashes() throws {
        let text = #"""
            [[rules]]
            id = "generic-api-key"
            regex = '''(?i)x-api-key\s*:\s*(?<secret>[^"']+)'''
            path = '''
            ^C:\Users\.*\.env$
            '''
            quoted = '''it's''''
            single = 'C:\temp\new'
            """#
        let root = try TOMLParser.parse(text)
        let rule = try #require(root["rules"]?.arrayValue?.first?.tableValue)
        #expect(rule["regex"]?.stringValue == #"(?i)x-api-key\s*:\s*(?<secret>[^"']+)"#)
        #expect(rule["path"]?.stringValue == "^C:\\Users\\.*\\.env$\n")
        #expect(rule["quoted"]?.stringValue == "it's'")
        #expect(rule["single"]?.stringValue == #"C:\temp\new"#)
    }

    @Test func multiLineBasicStrings() throws {
        let text = "a = \"\"\"\nThe quick \\\n    brown \\u00e9\\U0001F600\"\"\"\nb = \"\"\"\"\"x\"\"\"\"\"\n"
        let root = try TOMLParser.parse(text)
        #expect(root["a"]?.stringValue == "The quick brown é😀")
        #expect(root["b"]?.stringValue == "\"\"x\"\"")
    }

    @Test func crlfLineEndingsAreAcceptedAndNormalizedInStrings() throws {
        let root = try TOMLParser.parse("a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n# done\r\n")
        #expect(root["a"] == .integer(1))
        #expect(root["b"] == .string("x\ny"))
    }

    @Test func nestedArraysOfTables() throws {
        let text = """
            [[rules]]
            id = "a"
            [[rules.examples]]
            text = "1"
            [[rules.examples]]
            text = "2"

            [[rules]]
            id = "b"
            [[rules.examples]]
            text = "3"
            """
        let root = try TOMLParser.parse(text)
        let rules = (root["rules"]?.arrayValue ?? []).compactMap(\.tableValue)
        #expect(rules.map { $0["id"]?.stringValue } == ["a", "b"])
        let texts = rules.map { rule in
            (rule["examples"]?.arrayValue ?? []).compactMap { $0.tableValue?["text"]?.stringValue }
        }
        #expect(texts == [["1", "2"], ["3"]])
    }

    @Test func scalars() throws {
        let text = """
            int = -9223372036854775808
            hex = 0xDEAD_beef
            oct = 0o755
            bin = 0b1010
            flt = 6.626e-34
            inf = -inf
            nan = nan
            yes = true
            odt = 1979-05-27 07:32:00z
            ldt = 1979-05-27t07:32:00.999
            ld = 2024-02-29
            lt = 00:32:00.5
            mixed = [1, "two", [3.0], { four = 4 }]
            """
        let root = try TOMLParser.parse(text)
        #expect(root["int"] == .integer(.min))
        #expect(root["hex"] == .integer(0xDEAD_BEEF))
        #expect(root["oct"] == .integer(0o755))
        #expect(root["bin"] == .integer(10))
        #expect(root["flt"]?.floatValue == 6.626e-34)
        #expect(root["inf"]?.floatValue == -.infinity)
        #expect(root["nan"]?.floatValue?.isNaN == true)
        #expect(root["yes"]?.boolValue == true)
        #expect(root["odt"] == .offsetDateTime("1979-05-27T07:32:00Z"))
        #expect(root["ldt"] == .localDateTime("1979-05-27T07:32:00.999"))
        #expect(root["ld"] == .localDate("2024-02-29"))
        #expect(root["lt"] == .localTime("00:32:00.5"))
        #expect(root["mixed"] == .array([.integer(1), .string("two"), .array([.float(3)]), .table(TOMLTable(["four": .integer(4)]))]))
        #expect(root["lt"]?.dateTimeText == "00:32:00.5")
        #expect(root["mixed"]?.typeName == "array")
    }

    @Test func tablesCompareByContentAndKeepKeyOrder() throws {
        let first = try TOMLParser.parse("b = 2\na = 1\n")
        let second = try TOMLParser.parse("a = 1\n\n\nb = 2")
        #expect(first.keys == ["b", "a"])
        #expect(first == second)
        #expect(try TOMLParser.parse("") == TOMLTable())
        #expect(try TOMLParser.parse(Array("x = 1".utf8)) == TOMLParser.parse("x = 1"))
    }
}

@Suite("Resource limits")
struct DepthLimitTests {
    @Test func deeplyNestedArraysAreRejected() throws {
        let error = try #require(parseError("a = " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)))
        #expect(error.message.contains("nested too deeply"))
        #expect(parseError("a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == nil)
    }

    @Test func deeplyNestedInlineTablesAreRejected() throws {
        let text = "a = " + String(repeating: "{ b = ", count: 200) + "1" + String(repeating: " }", count: 200)
        let error = try #require(parseError(text))
        #expect(error.message.contains("nested too deeply"))
    }

    @Test func longDottedKeysAndHeadersAreRejected() throws {
        let path = Array(repeating: "k", count: 300).joined(separator: ".")
        #expect(parseError(path + " = 1") != nil)
        #expect(parseError("[" + path + "]") != nil)
        #expect(parseError("[[" + path + "]]") != nil)
        let ok = Array(repeating: "k", count: 100).joined(separator: ".")
        #expect(parseError(ok + " = 1") == nil)
    }

    @Test func hugeNestingFailsWithoutOverflowingTheStack() throws {
        let error = try #require(parseError("a = " + String(repeating: "[", count: 100_000)))
        #expect(error.message.contains("nested too deeply"))
        #expect(parseError("a = " + String(repeating: "[{x=", count: 50_000)) != nil)
    }
}

@Suite("Tagged JSON harness")
struct TaggedJSONTests {
    @Test func comparesLikeTheUpstreamRunner() {
        #expect(TaggedJSON.difference(expected: .scalar(type: "integer", value: "1"), actual: .scalar(type: "integer", value: "2")) != nil)
        #expect(TaggedJSON.difference(expected: .scalar(type: "float", value: "1.0"), actual: .scalar(type: "float", value: "1")) == nil)
        #expect(TaggedJSON.difference(expected: .scalar(type: "float", value: "nan"), actual: .scalar(type: "float", value: "-nan")) == nil)
        #expect(TaggedJSON.difference(
            expected: .scalar(type: "datetime", value: "1987-07-05T17:45:56.600Z"),
            actual: .scalar(type: "datetime", value: "1987-07-05t17:45:56.6z")) == nil)
        #expect(TaggedJSON.difference(expected: .table(["a": .array([])]), actual: .table([:])) != nil)
    }
}
