import Foundation
@testable import IvySources
import Testing
import TestSupport

/// UTF-16 text (as Windows tools write it) is transcoded, not skipped as
/// binary; binary files stay binary.
@Suite struct UTF16TextTests {
    func transcoded(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(UTF16Text.transcoded).map { String(decoding: $0, as: UTF8.self) }
    }

    static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            out += littleEndian ? pair : pair.reversed()
        }
        return out
    }

    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func textComesBackAsUTF8(littleEndian: Bool, bom: Bool) {
        let text = "$env:IVYMAIL_API_KEY = \"\(TestKeys.key())\"\r\nWrite-Host 'héllo ✉ 📬'\r\n"
        #expect(transcoded(Self.utf16(text, littleEndian: littleEndian, bom: bom)) == text)
    }

    @Test func unpairedSurrogatesAndOddLengthsAreSafe() {
        #expect(transcoded([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42]) == "\u{FFFD}A")
        #expect(transcoded([0xFF, 0xFE, 0x00, 0xDC]) == "\u{FFFD}")
    }

    @Test func binaryIsNotText() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(transcoded(random) == nil)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        #expect(transcoded(png) == nil)
        #expect(transcoded(Array(repeating: 0, count: 64)) == nil, "all NUL is not text")
    }
}
