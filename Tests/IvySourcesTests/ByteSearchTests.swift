import IvyBasics
import Testing

/// The one byte-string search the matching, report and check code share.
@Suite struct ByteSearchTests {
    func contains(_ haystack: String, _ needle: String) -> Bool {
        ByteSearch.contains(Array(haystack.utf8), Array(needle.utf8))
    }

    @Test func findsAndMisses() {
        #expect(contains("ivym_sk_abc", "ivym"))
        #expect(contains("xx\"expo\"", "\"expo\""), "at the very end")
        #expect(contains("aaab", "aab"), "after a false start on the same first byte")
        #expect(!contains("aaab", "aac"))
        #expect(!contains("ab", "abc"), "needle longer than haystack")
        #expect(!contains("", "a"))
        #expect(contains("abc", ""))
    }

    @Test func agreesWithANaiveSearchOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let naive = haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            #expect(ByteSearch.contains(haystack, needle) == naive, "\(haystack) \(needle)")
        }
    }
}
