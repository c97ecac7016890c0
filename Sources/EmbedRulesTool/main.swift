import Foundation

// Usage: EmbedRulesTool OUTPUT.swift RULE.toml...
// Writes each file as base64 so the embedded bytes equal the file exactly
// (string literals would normalise line endings).
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool OUTPUT.swift RULE.toml...\n".utf8))
    exit(2)
}
var source = """
    // Generated at build time by EmbedRulesTool from rules/*.toml. Do not edit.
    #if canImport(FoundationEssentials)
    import FoundationEssentials
    #else
    import Foundation
    #endif

    /// The default rule files, byte for byte as they are in rules/.
    enum EmbeddedRules {
        static let files: [(name: String, base64: String)] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedRulesTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    source += "        (name: \"\(url.lastPathComponent)\", base64: \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedRulesTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
