import IvyBasics

/// Recognises ivyscan's own reports by their first bytes. A SARIF report
/// quotes every rule's documentation, code examples included, so scanning
/// yesterday's `ivyscan.sarif` would flag "print(os.environ['IVYMAIL_API_KEY'])"
/// from the help text. In these files only secret rules apply: a report made
/// with `--show-secrets` still holds real keys and is still reported.
enum ReportSignature {
    /// How far into a file the markers must appear (they are in the header).
    static let window = 1024

    /// Every marker of one format must be present.
    static let formats: [[[UInt8]]] = [
        [#""schema": "ivyscan-report""#],                              // JSON
        [#""$schema""#, "sarif", #""name": "ivyscan""#],                // SARIF
        [#""analyzer""#, #""id": "ivyscan""#, "secret-detection"],      // GitLab
        ["<testsuites", #"package="ivyscan""#],                         // JUnit
    ].map { $0.map { Array($0.utf8) } }

    static func isIvyscanReport(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = UnsafeBufferPointer(rebasing: bytes.prefix(window))
        return formats.contains { markers in markers.allSatisfy { ByteSearch.contains(head, $0) } }
    }
}
