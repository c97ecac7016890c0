import Foundation
@testable import IvyReporting
import Testing
import TestSupport

/// `SARIFMerge` and the JSON reader under it, on hand-written logs.
@Suite struct SARIFMergeTests {
    static func log(_ runs: String, version: String = "\"2.1.0\"", extra: String = "") -> [UInt8] {
        Array("{\"version\": \(version), \(extra)\"runs\": [\(runs)]}".utf8)
    }

    static func run(_ tool: String, details: String? = nil, results: String = "[]") -> String {
        let automation = details.map { ", \"automationDetails\": \($0)" } ?? ""
        return "{\"tool\": {\"driver\": {\"name\": \"\(tool)\"}}\(automation), \"results\": \(results)}"
    }

    static func merge(_ inputs: [(String, [UInt8])]) throws -> SARIFMerge.Output {
        try SARIFMerge.merge(inputs.map { SARIFMerge.Input(name: $0.0, bytes: $0.1) })
    }

    static func runs(_ text: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["runs"] as? [[String: Any]])
    }

    static func ids(_ text: String) throws -> [String?] {
        try runs(text).map { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
    }

    static func toolNames(_ text: String) throws -> [String?] {
        try runs(text).map { (($0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["name"] as? String }
    }

    @Test func runsFollowTheInputOrderAndKeepTheirContent() throws {
        let results = "[{\"ruleId\": \"r\", \"message\": {\"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"}, \"rank\": -1.50e3, \"properties\": {\"z\": 1, \"a\": [true, false, null]}}]"
        let output = try Self.merge([
            ("reports/zeta.sarif", Self.log(Self.run("zeta-tool", results: results))),
            ("reports/alpha.sarif", Self.log(Self.run("alpha-one") + ", " + Self.run("alpha-two"))),
        ])
        #expect(try Self.toolNames(output.text) == ["zeta-tool", "alpha-one", "alpha-two"])
        #expect(try Self.ids(output.text) == ["ivyscan/zeta/", "ivyscan/alpha/", "ivyscan/alpha-2/"])
        // Member order and number text survive; only the tag is added, right after `tool`.
        #expect(output.text.contains("\"rank\": -1.50e3"))
        #expect(output.text.contains("\"properties\": {\n            \"z\": 1,\n            \"a\": ["))
        #expect(output.text.contains("\"tool\": {\n        \"driver\": {\n          \"name\": \"zeta-tool\"\n        }\n      },\n      \"automationDetails\": {\n        \"id\": \"ivyscan/zeta/\"\n      },\n      \"results\""))
        let message = try #require(((Self.runs(output.text)[0]["results"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["text"] as? String)
        #expect(message == "café 😀 \"q\"")
        #expect(output.text.hasPrefix("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": ["))
        #expect(output.text.hasSuffix("}\n"))
        #expect(output.notes.isEmpty)
    }

    @Test func automationDetailsAreAddedOnlyWhenMissing() throws {
        let output = try Self.merge([
            ("a/web.sarif", Self.log(Self.run("kept", details: "{\"id\": \"nightly/web/\", \"guid\": \"g\"}"))),
            ("b/web.sarif.json", Self.log(Self.run("guid-only", details: "{\"guid\": \"h\"}"))),
            ("c/web.json", Self.log(Self.run("bare"))),
            ("d/ivyscan/web/", Self.log(Self.run("empty-id", details: "{\"id\": \"\"}"))),
            ("nightly.sarif", Self.log(Self.run("other"))),
        ])
        #expect(try Self.ids(output.text) == ["nightly/web/", "ivyscan/web/", "ivyscan/web-2/", "ivyscan/web-3/", "ivyscan/nightly/"])
        let runs = try Self.runs(output.text)
        #expect(runs[0]["automationDetails"] as? [String: String] == ["id": "nightly/web/", "guid": "g"], "an existing id is left alone")
        #expect(runs[1]["automationDetails"] as? [String: String] == ["id": "ivyscan/web/", "guid": "h"], "the id joins the existing object")
        // A derived id never takes one an input set itself, even a later input.
        let clash = try Self.merge([
            ("web.sarif", Self.log(Self.run("first"))),
            ("x.sarif", Self.log(Self.run("second", details: "{\"id\": \"ivyscan/web/\"}"))),
        ])
        #expect(try Self.ids(clash.text) == ["ivyscan/web-2/", "ivyscan/web/"])
    }

    @Test func logLevelMembersAreConcatenatedOrDroppedWithANote() throws {
        let output = try Self.merge([
            ("one.sarif", Self.log(Self.run("a"), extra: "\"$schema\": \"x\", \"inlineExternalProperties\": [{\"guid\": \"1\"}], \"properties\": {\"k\": 1}, ")),
            ("two.sarif", Self.log(Self.run("b"), extra: "\"inlineExternalProperties\": [{\"guid\": \"2\"}], ")),
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
        #expect((object["inlineExternalProperties"] as? [[String: String]])?.map { $0["guid"] } == ["1", "2"])
        #expect(object["properties"] == nil)
        #expect(object["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(output.notes == ["one.sarif: dropped the log-level \"properties\" (it cannot be merged; runs are kept whole)"])
    }

    @Test(arguments: [
        ("{\"version\": \"2.1.0\", \"runs\": [,]}", "invalid JSON at line 1, column 31: expected a value, found ','"),
        ("{\"version\": \"2.1.0\",\n \"runs\": []} x", "invalid JSON at line 2, column 14: unexpected text after the JSON value"),
        ("{\"version\": \"2.1.0\", \"runs\": [], \"runs\": []}", "duplicate key \"runs\""),
        ("{\"version\": \"2.1.0\", \"runs\": [\"\\ud800\"]}", "lone surrogate"),
        ("{\"version\": \"2.1.0\", \"runs\": [01]}", "expected ',' or ']'"),
        ("{\"version\": \"2.1.0\", \"runs\": [\"tab\there\"]}", "control character"),
        ("", "the file is empty"),
        ("[]", "the top level is not a JSON object"),
        ("{\"runs\": []}", "no \"version\""),
        ("{\"version\": \"2.0.0\", \"runs\": []}", "SARIF version \"2.0.0\" is not supported"),
        ("{\"version\": 2.1, \"runs\": []}", "SARIF version 2.1 is not supported"),
        ("{\"version\": \"2.1.0\"}", "\"runs\" is missing or not an array"),
        ("{\"version\": \"2.1.0\", \"runs\": [1]}", "runs[0] is not an object"),
        ("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}, \"automationDetails\": \"x\"}]}", "runs[0].automationDetails is not an object"),
    ])
    func badInputNamesTheFile(text: String, message: String) {
        do {
            _ = try Self.merge([("good.sarif", Self.log(Self.run("ok"))), ("repos/bad.sarif", Array(text.utf8))])
            Issue.record("merged a bad file: \(text)")
        } catch let failure as SARIFMerge.Failure {
            #expect(failure.name == "repos/bad.sarif")
            #expect(failure.message.contains(message), "\(failure.message)")
            #expect(failure.description.hasPrefix("repos/bad.sarif: "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func notUTF8IsRejectedAtTheBadByte() throws {
        var bytes = Array("{\"version\": \"2.1.0\", \"runs\": [\"caf".utf8)
        bytes += [0xE9] + Array("\"]}".utf8)
        #expect(throws: SARIFMerge.Failure(name: "latin1.sarif", message: "invalid JSON at line 1, column 35: the file is not UTF-8")) {
            try Self.merge([("latin1.sarif", bytes)])
        }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let output = try Self.merge([("bom.sarif", [0xEF, 0xBB, 0xBF] + Self.log(Self.run("bom")))])
        #expect(try Self.toolNames(output.text) == ["bom"])
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let inputs: [(String, [UInt8])] = [
            ("b.sarif", Self.log(Self.run("b", results: "[{\"message\": {\"text\": \"x\"}, \"properties\": {\"m\": 1, \"c\": 2, \"x\": 3}}]"))),
            ("a.sarif", Self.log(Self.run("a"))),
        ]
        let first = try Self.merge(inputs).text
        #expect(try Self.merge(inputs).text == first)
        // Writing the merged log back through the merge changes nothing but
        // what it adds: it is a fixed point.
        #expect(try Self.merge([("merged.sarif", Array(first.utf8))]).text == first)
    }

    @Test func parserRoundTripsEveryKindOfValue() throws {
        let text = "{\"a\":[1,-0,0.5,2E+10,1e-2],\"b\":{\"\":\"\"},\"c\":[],\"d\":{},\"e\":\"\\/\\b\\f\\n\\r\\t\\u0001\",\"f\":[true,false,null]}"
        let value = try JSONParser.parse(Array(text.utf8))
        let rendered = value.rendered()
        #expect(try JSONParser.parse(Array(rendered.utf8)) == value)
        #expect(rendered.contains("\"a\": [\n    1,\n    -0,\n    0.5,\n    2E+10,\n    1e-2\n  ]"))
        #expect(rendered.contains("\"c\": [],\n  \"d\": {},"))
        #expect(value["e"] == .string("/\u{08}\u{0C}\n\r\t\u{01}"))
        #expect(rendered.contains("\"e\": \"/\\u0008\\u000c\\n\\r\\t\\u0001\""))
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}
