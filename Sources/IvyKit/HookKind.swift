#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The git hooks ivyscan can install, named as git names their files.
public enum HookKind: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case prePush = "pre-push"

    /// The script to install: hooks/<name>, embedded at build time, so a
    /// hook copied by hand and one from `install-hooks` are the same file.
    public var script: String {
        let embedded = EmbeddedHooks.files.first { $0.name == rawValue }!
        return String(decoding: Data(base64Encoded: embedded.base64)!, as: UTF8.self)
    }

    /// The line that marks a hook file as ivyscan's, so reinstalling updates it
    /// and uninstalling removes it while anyone else's hook is left alone.
    public static let marker = "# ivyscan-managed-hook"
}
