import Foundation
import IvyConfig
import IvyKit
import IvyModel
import Testing
import TestSupport

/// The baseline file and its matching: content-keyed, deterministic, no plaintext.
@Suite struct BaselineTests {
    func scan(_ temp: TempDirectory) throws -> ScanReport {
        let config = try ConfigLoader.load(explicitPath: nil, roots: [temp.path], environment: [:])
        return try DirectoryScan.run(ScanOptions(roots: [temp.path], threads: 1, useGit: false), config: config)
    }

    func record(_ temp: TempDirectory, into existing: BaselineFile? = nil) throws -> BaselineFile {
        Baseline.record(try scan(temp), into: existing).0
    }

    func applied(_ temp: TempDirectory, _ file: BaselineFile) throws -> ScanReport {
        var report = try scan(temp)
        Baseline.apply(file, to: &report)
        return report
    }

    @Test func regeneratingAnUnchangedTreeIsByteIdentical() throws {
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(TestKeys.key())\"\n")
        temp.write("b/c.js", "const k = \"\(TestKeys.key())\";\nfetch(u, {headers: {\"x-api-key\": \"\(TestKeys.value())\"}})\n")
        let first = try record(temp)
        let second = try record(temp, into: try BaselineFile.parse(first.encoded(), path: "b.json"))
        #expect(first.entries.count == 3)
        #expect(second.salt == first.salt, "the salt is kept when the file exists")
        #expect(second.encoded() == first.encoded())
        #expect(try record(temp).salt != first.salt, "a new baseline gets a fresh random salt")
    }

    @Test func entriesAreSortedAndHoldNoPlaintext() throws {
        let temp = TempDirectory()
        let keys = (0..<5).map { _ in TestKeys.key() }
        for (index, key) in keys.enumerated() { temp.write("f\(index).env", "IVYMAIL_API_KEY=\(key)\n") }
        let file = try record(temp)
        let text = String(decoding: file.encoded(), as: UTF8.self)
        let pairs = file.entries.map { ($0.ruleID, $0.hash) }
        #expect(pairs.map { "\($0.0) \($0.1)" } == pairs.map { "\($0.0) \($0.1)" }.sorted())
        for key in keys {
            #expect(!text.contains(key))
            #expect(!text.contains(String(key.dropFirst(8))), "not even the key body")
            let plainHash = Fingerprint.hexString(Fingerprint.sha256(Array(key.utf8)))
            #expect(!text.contains(plainHash), "no unsalted SHA-256 of the secret")
            for finding in try scan(temp).findings {
                #expect(!text.contains(finding.fingerprint.hex), "no report fingerprint (unsalted)")
            }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.encoded())) as? [String: Any])
        #expect(Set(json.keys) == ["schema", "version", "salt", "entries"])
        for entry in try #require(json["entries"] as? [[String: Any]]) {
            #expect(Set(entry.keys).isSubset(of: ["rule_id", "hash", "match", "reason", "owner", "expires"]), "no path, line or commit")
        }
    }

    @Test func hashIsHMACSHA256() {
        // RFC 4231 test case 2.
        let mac = KeyedHash.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Fingerprint.hexString(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func movedAndReformattedCodeStaysBaselined() throws {
        let temp = TempDirectory()
        let key = TestKeys.key()
        temp.write("src/send.py", "import os\nKEY = \"\(key)\"\n")
        let file = try record(temp)
        try FileManager.default.removeItem(atPath: temp.path + "/src/send.py")
        temp.write("lib/moved/mail.py", "\n\n\n# reformatted\nclass Mailer:\n    key = '\(key)'   # moved\n")
        let report = try applied(temp, file)
        #expect(report.findings.count == 1)
        #expect(report.findings.allSatisfy { $0.baselined })
        #expect(report.gating(failOn: .info).isEmpty)
    }

    @Test func aDifferentSecretOnTheSameLineIsNotHidden() throws {
        let temp = TempDirectory()
        temp.write("a.py", "KEY = \"\(TestKeys.key())\"\n")
        let file = try record(temp)
        let other = TestKeys.key()
        temp.write("a.py", "KEY = \"\(other)\"\n")
        let report = try applied(temp, file)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.baselined == false)
        #expect(report.gating(failOn: .medium).count == 1)
    }

    @Test func auditListsExpiredUnusedAndUnexplainedEntries() throws {
        let temp = TempDirectory()
        let (kept, gone, fine) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        temp.write("a.py", "A = \"\(kept)\"\nB = \"\(gone)\"\nC = \"\(fine)\"\n")
        var file = try record(temp)
        for index in file.entries.indices {
            let hash = file.entries[index].hash
            if hash == file.hash(ruleID: "ivymail-api-key", secret: Array(kept.utf8)) {
                file.entries[index].reason = "sandbox key, rotated quarterly"
                file.entries[index].expires = "2020-01-31"
            } else if hash == file.hash(ruleID: "ivymail-api-key", secret: Array(fine.utf8)) {
                file.entries[index].reason = "documented demo key"
                file.entries[index].owner = "mail-team"
                file.entries[index].expires = "2999-12-31"
            }
        }
        temp.write("a.py", "A = \"\(kept)\"\nC = \"\(fine)\"\n")
        let audit = BaselineAudit(file, report: try scan(temp), today: "2026-12-04")
        #expect(audit.entryCount == 3)
        let problems = audit.items.map(\.problems).sorted { $0.count < $1.count }
        #expect(problems == [[.expired], [.unused, .missingReason]])
        #expect(audit.text().contains("2 of 3 entries need attention (1 expired, 1 unused, 1 missing-reason)"))
        #expect(!audit.text().contains(kept) && !audit.text().contains(gone))
        // The day itself is still valid.
        #expect(BaselineAudit(file, report: try scan(temp), today: "2020-01-31").items.map(\.problems).allSatisfy { !$0.contains(.expired) })
    }

    @Test func updateAddsNewDropsUnusedAndKeepsMetadata() throws {
        let temp = TempDirectory()
        let (kept, gone, added) = (TestKeys.key(), TestKeys.key(), TestKeys.key())
        temp.write("a.py", "A = \"\(kept)\"\nB = \"\(gone)\"\n")
        var file = try record(temp)
        let keptHash = file.hash(ruleID: "ivymail-api-key", secret: Array(kept.utf8))
        let index = try #require(file.entries.firstIndex { $0.hash == keptHash })
        file.entries[index].reason = "test fixture"
        file.entries[index].owner = "qa"
        file.entries[index].expires = "2030-06-30"
        temp.write("a.py", "A = \"\(kept)\"\nC = \"\(added)\"\n")
        let (updated, change) = Baseline.record(try scan(temp), into: file)
        #expect(change.added == 1 && change.removed == 1 && change.kept == 1)
        #expect(updated.salt == file.salt)
        #expect(Set(updated.entries.map(\.hash)) == [keptHash, file.hash(ruleID: "ivymail-api-key", secret: Array(added.utf8))])
        let entry = try #require(updated.entries.first { $0.hash == keptHash })
        #expect(entry.reason == "test fixture" && entry.owner == "qa" && entry.expires == "2030-06-30")
        // The metadata survives a round trip through the file.
        #expect(try BaselineFile.parse(updated.encoded(), path: "x").entries == updated.entries)
    }

    @Test func badFilesAreRejected() {
        #expect(throws: BaselineError.self) { try BaselineFile.parse(Array("{}".utf8), path: "x") }
        var file = BaselineFile(entries: [BaselineEntry(ruleID: "r", hash: "00", expires: "31.12.2030")])
        #expect(throws: BaselineError.self) { try BaselineFile.parse(file.encoded(), path: "x") }
        file.entries[0].expires = "2030-12-31"
        #expect(throws: Never.self) { try BaselineFile.parse(file.encoded(), path: "x") }
        file.salt = "zz"
        #expect(throws: BaselineError.self) { try BaselineFile.parse(file.encoded(), path: "x") }
    }
}
