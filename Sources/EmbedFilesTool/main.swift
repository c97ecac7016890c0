import Foundation

// Usage: EmbedFilesTool OUTPUT.swift ENUM FOLDER FILE...
// Writes each file as base64 so the embedded bytes equal the file exactly
// (string literals would normalise line endings).
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedFilesTool OUTPUT.swift ENUM FOLDER FILE...\n".utf8))
    exit(2)
}
let output = arguments[arguments.startIndex]
let name = arguments[arguments.startIndex + 1]
let folder = arguments[arguments.startIndex + 2]
var source = """
    // Generated at build time by EmbedFilesTool from \(folder)/. Do not edit.
    #if canImport(FoundationEssentials)
    import FoundationEssentials
    #else
    import Foundation
    #endif

    /// The files of \(folder)/, byte for byte.
    enum \(name) {
        static let files: [(name: String, base64: String)] = [

    """
for path in arguments.dropFirst(3) {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedFilesTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    source += "        (name: \"\(url.lastPathComponent)\", base64: \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedFilesTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
