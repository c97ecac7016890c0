import Foundation

/// Validates reports against the third-party schemas in ../shared/schemas
/// with external tools (Swift has no JSON-Schema or XSD validator): Python
/// `jsonschema` (installed with pip on first use if missing) and `xmllint`.
/// Tests that need them are skipped, with the reason, when they are absent.
public enum SchemaValidation {
    /// ../shared/schemas, when present.
    public static var schemas: String? { PackagePaths.shared.map { $0 + "/schemas" } }

    /// True when `python3 -c 'import jsonschema'` works, after one quiet
    /// attempt to install it (user site first on Debian's managed Python).
    public static let jsonSchemaAvailable: Bool = {
        guard schemas != nil else { return false }
        if importsJSONSchema() { return true }
        for extra in [["--user", "--break-system-packages"], []] {
            Command.run("/usr/bin/env", ["python3", "-m", "pip", "install", "--quiet"] + extra + ["jsonschema"], timeout: 180)
            if importsJSONSchema() { return true }
        }
        return false
    }()

    public static let xmllintAvailable: Bool = {
        schemas != nil && Command.run("/usr/bin/env", ["xmllint", "--version"]).status == 0
    }()

    private static func importsJSONSchema() -> Bool {
        Command.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0
    }

    /// Schema errors in `document` (empty when valid). `schema` is a file in
    /// ../shared/schemas; the validator class follows the schema's `$schema`.
    public static func jsonErrors(_ document: String, schema: String) -> [String] {
        let temp = TempDirectory("ivyscan-schema")
        let path = temp.write("document.json", document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            for error in validator.iter_errors(document):
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            """
        let result = Command.run("/usr/bin/env", ["python3", "-c", script, schemas! + "/" + schema, path], timeout: 120)
        if result.status != 0 { return ["validator failed: \(result.stderr)"] }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// xmllint's complaints about `document` against an XSD in ../shared/schemas (empty when valid).
    public static func xmlErrors(_ document: String, xsd: String) -> [String] {
        let temp = TempDirectory("ivyscan-schema")
        let path = temp.write("document.xml", document)
        let result = Command.run("/usr/bin/env", ["xmllint", "--noout", "--schema", schemas! + "/" + xsd, path], timeout: 120)
        return result.status == 0 ? [] : result.stderr.split(separator: "\n").map(String.init)
    }
}
