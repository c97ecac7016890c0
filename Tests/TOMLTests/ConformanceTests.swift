import Foundation
import Testing
import TOML

/// Runs the shared toml-test corpus. It lives outside the repository
/// (`<repo>/../shared/testdata/toml-test`), so the suite is skipped, not failed,
/// when a checkout does not have it.
@Suite(
    "toml-test conformance",
    .enabled(if: TOMLTestSuite.directory != nil,
             "toml-test corpus not found at <repo>/../shared/testdata/toml-test (set TOML_TEST_SUITE to point at it)")
)
struct ConformanceTests {
    @Test func validDocumentsDecodeToTheExpectedJSON() throws {
        let files = TOMLTestSuite.tomlFiles(in: "valid")
        #expect(!files.isEmpty, "no valid/*.toml files found")
        var failures: [String] = []
        for file in files {
            let bytes = try TOMLTestSuite.read("valid", file)
            let jsonData = try TOMLTestSuite.read("valid", String(file.dropLast(5)) + ".json")
            let json = try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed])
            guard let expected = TaggedJSON(json: json) else {
                failures.append("valid/\(file): unreadable expected JSON")
                continue
            }
            let table: TOMLTable
            do {
                table = try TOMLParser.parse(bytes)
            } catch {
                failures.append("valid/\(file): rejected with \(error)")
                continue
            }
            if let diff = TaggedJSON.difference(expected: expected, actual: TaggedJSON(.table(table))) {
                failures.append("valid/\(file): \(diff)")
            }
        }
        print("toml-test valid: \(files.count - failures.count) of \(files.count) passed")
        #expect(failures.isEmpty, "\(failures.count) of \(files.count) valid files failed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func invalidDocumentsAreRejected() throws {
        let files = TOMLTestSuite.tomlFiles(in: "invalid")
        #expect(!files.isEmpty, "no invalid/*.toml files found")
        let verbose = ProcessInfo.processInfo.environment["TOML_TEST_VERBOSE"] != nil
        var accepted: [String] = []
        for file in files {
            let bytes = try TOMLTestSuite.read("invalid", file)
            do {
                _ = try TOMLParser.parse(bytes)
                accepted.append("invalid/\(file)")
            } catch {
                if verbose { print("invalid/\(file): \(error)") }
            }
        }
        print("toml-test invalid: \(files.count - accepted.count) of \(files.count) rejected")
        #expect(accepted.isEmpty, "\(accepted.count) of \(files.count) invalid files were accepted:\n\(accepted.joined(separator: "\n"))")
    }

    /// Cutting and corrupting real documents must never crash or hang the parser.
    @Test func truncatedAndCorruptedDocumentsNeverCrash() throws {
        var generator = SplitMix64(seed: 0x70_6D_6C)
        for file in TOMLTestSuite.tomlFiles(in: "valid") {
            let bytes = Array(try TOMLTestSuite.read("valid", file))
            let step = max(1, bytes.count / 64)
            for cut in stride(from: 0, through: bytes.count, by: step) {
                _ = try? TOMLParser.parse(bytes[..<cut])
            }
            guard !bytes.isEmpty else { continue }
            let replacements: [UInt8] = Array("[]{}\"'=.,#\n\r\\ 0aZ:-+_".utf8) + [0x00, 0x80, 0xFF]
            for _ in 0..<40 {
                var mutated = bytes
                let position = Int(generator.next() % UInt64(bytes.count))
                mutated[position] = replacements[Int(generator.next() % UInt64(replacements.count))]
                _ = try? TOMLParser.parse(mutated)
            }
        }
    }
}

/// Small deterministic generator so fuzz failures are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
