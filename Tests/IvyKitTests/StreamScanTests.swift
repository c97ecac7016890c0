import Foundation
import IvyConfig
import IvyKit
import IvyMatching
import IvyModel
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ivyscan scan -` reads a stream in overlapping windows. Differential test:
/// with tiny windows, so keys straddle every kind of boundary, the findings
/// must equal those of one scan of the whole text, each exactly once.
@Suite struct StreamScanTests {
    /// Streams `text` through a real pipe, as a shell pipeline would.
    func streamed(_ text: [UInt8], windowSize: Int, config: ResolvedConfig, trace: Bool = false) throws -> ScanReport {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread {
            text.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let count = write(writeEnd, raw.baseAddress! + done, raw.count - done)
                    if count <= 0 { break }
                    done += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        return try StreamScan.run(fd: readEnd, trace: trace, config: config, windowSize: windowSize)
    }

    func whole(_ text: [UInt8], config: ResolvedConfig) throws -> [Finding] {
        let detector = try Detector(rules: config.rules, allowValues: config.allowValues)
        return text.withUnsafeBufferPointer { detector.scan($0, origin: Origin(path: StreamScan.displayName), scratch: MatchScratch()).findings }
    }

    static func key(_ finding: Finding) -> String {
        "\(finding.ruleID) \(finding.location.line):\(finding.location.column)-\(finding.location.endLine):\(finding.location.endColumn) @\(finding.location.offset) \(finding.fingerprint.hex)"
    }

    @Test(arguments: [512, 1024, 4096])
    func windowsSeeWhatOneScanSees(windowSize: Int) throws {
        let config = try ConfigLoader.load(explicitPath: nil, roots: [TempDirectory().path], environment: [:])
        var generator = SystemRandomNumberGenerator()
        var lines: [String] = []
        for index in 0..<600 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: lines.append("KEY_\(index) = \"\(TestKeys.key())\"")
            case 1: lines.append("curl -H 'x-api-key: \(TestKeys.value())' https://api.ivymail.io/v1/send")
            case 2: lines.append(String(repeating: "x", count: Int.random(in: 100...900, using: &generator)) + " \(TestKeys.key())")
            case 3: lines.append("IVYMAIL_API_KEY=\(TestKeys.value())")
            case 4: lines.append("docs: use ivym_sk_your_api_key_here as IVYMAIL_API_KEY=changeme")
            default: lines.append("log line \(index): nothing to see " + String(repeating: "-", count: Int.random(in: 0...120, using: &generator)))
            }
        }
        let text = Array(lines.joined(separator: "\n").utf8)
        let expected = try whole(text, config: config).map(Self.key).sorted()
        let report = try streamed(text, windowSize: windowSize, config: config)
        #expect(expected.count > 50)
        let got = report.findings.map(Self.key).sorted()
        #expect(got == expected, "missing: \(Set(expected).subtracting(got).sorted()), extra: \(Set(got).subtracting(expected).sorted())")
        #expect(report.bytesScanned == text.count && report.filesScanned == 1)
        // --trace: every dropped candidate once, at its place in the stream.
        let detector = try Detector(rules: config.rules, allowValues: config.allowValues)
        let wholeTrace = text.withUnsafeBufferPointer {
            detector.scan($0, origin: Origin(path: StreamScan.displayName), scratch: MatchScratch(), trace: true).trace
        }.map { "\($0.line):\($0.column) \($0.ruleID) \($0.reason)" }.sorted()
        let streamTrace = try streamed(text, windowSize: windowSize, config: config, trace: true).trace
            .map { "\($0.line):\($0.column) \($0.ruleID) \($0.reason)" }.sorted()
        #expect(wholeTrace.count > 20)
        #expect(streamTrace == wholeTrace, "missing: \(Set(wholeTrace).subtracting(streamTrace).sorted().prefix(5)), extra: \(Set(streamTrace).subtracting(wholeTrace).sorted().prefix(5))")
    }

    @Test func binaryInputIsSkippedNotScanned() throws {
        let config = try ConfigLoader.load(explicitPath: nil, roots: [TempDirectory().path], environment: [:])
        let report = try streamed([0x00, 0x01] + Array("KEY = \"\(TestKeys.key())\"\n".utf8), windowSize: 4096, config: config)
        #expect(report.findings.isEmpty && report.skipped.map(\.reason) == [.binary])
    }
}
