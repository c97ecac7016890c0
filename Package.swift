// swift-tools-version: 6.0
import PackageDescription

// Layers, each importing only the ones before it:
// IvyBasics, IvyModel → IvySources / IvyMatching → IvyConfig → IvyReporting → IvyKit → IvyCLI → ivyscan
// Product modules import FoundationEssentials, never all of Foundation: the
// full Foundation links ICU (38 MB) and slows every start of a git hook.
let package = Package(
    name: "ivyscan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ivyscan", targets: ["ivyscan"]),
        .library(name: "IvyKit", targets: ["IvyKit"]),
    ],
    targets: [
        // C libraries from the system (Debian: libpcre2-dev, libssl-dev).
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),

        .target(name: "IvyBasics", exclude: ["README.md"]),
        .target(name: "TOML", exclude: ["README.md"]),
        .target(name: "GitIgnore", exclude: ["README.md"]),
        .target(
            name: "IvyModel",
            dependencies: [.target(name: "COpenSSL", condition: .when(platforms: [.linux]))],
            exclude: ["README.md"]),
        .target(name: "IvySources", dependencies: ["IvyModel", "IvyBasics", "GitIgnore"], exclude: ["README.md"]),
        .target(name: "IvyMatching", dependencies: ["IvyModel", "IvyBasics", "CPCRE2"], exclude: ["README.md"]),
        .target(
            name: "IvyConfig",
            dependencies: ["IvyModel", "IvyBasics", "IvyMatching", "TOML", "GitIgnore"],
            exclude: ["README.md"],
            plugins: [.plugin(name: "EmbedFiles")]),
        .target(name: "IvyChecks", dependencies: ["IvyModel", "IvyBasics", "IvySources", "GitIgnore"], exclude: ["README.md"]),
        .target(name: "IvyReporting", dependencies: ["IvyModel"], exclude: ["README.md"]),
        .target(name: "IvyVerification", dependencies: ["IvyModel", "IvyBasics", "IvySources"], exclude: ["README.md"]),
        .target(
            name: "IvyKit",
            dependencies: ["IvyModel", "IvyBasics", "IvySources", "IvyMatching", "IvyChecks", "IvyConfig", "IvyReporting", "IvyVerification", "GitIgnore"],
            exclude: ["README.md"],
            plugins: [.plugin(name: "EmbedFiles")]),
        .target(name: "IvyCLI", dependencies: ["IvyKit", "IvyBasics", "IvyVerification"], exclude: ["README.md"]),
        .executableTarget(name: "ivyscan", dependencies: ["IvyCLI"]),

        // Build-time embedding of rules/*.toml into the binary.
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),

        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["fake_ivymail.py", "on_terminal.py"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"]),
        .testTarget(name: "GitIgnoreTests", dependencies: ["GitIgnore", "TestSupport"]),
        .testTarget(name: "IvyModelTests", dependencies: ["IvyModel", "TestSupport"]),
        .testTarget(name: "IvyMatchingTests", dependencies: ["IvyMatching", "IvyConfig", "TestSupport"]),
        .testTarget(name: "IvySourcesTests", dependencies: ["IvySources", "GitIgnore", "TestSupport"]),
        .testTarget(name: "IvyConfigTests", dependencies: ["IvyConfig", "IvyKit", "TestSupport"]),
        .testTarget(name: "IvyChecksTests", dependencies: ["IvyChecks", "IvyKit", "IvyConfig", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IvyReportingTests", dependencies: ["IvyReporting", "IvyKit", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "IvyVerificationTests", dependencies: ["IvyVerification", "TestSupport"]),
        .testTarget(name: "IvyKitTests", dependencies: ["IvyKit", "IvyConfig", "IvyModel", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ivyscan", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
