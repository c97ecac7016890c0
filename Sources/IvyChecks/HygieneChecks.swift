import IvyModel

/// The hygiene rules that judge where a secret sits and how it is shared,
/// applied after matching: content facts per fragment (`annotate`), path
/// facts per place (`classify`), and sharing across all places (`crossCheck`).
///
/// Checks add `Violation`s to existing findings rather than new findings, so
/// one key that is hardcoded, client-side and shared reads as one secret.
public final class HygieneChecks: Sendable {
    static let clientSideID = "ivymail-client-side"
    static let reuseID = "ivymail-dev-prod-reuse"
    static let envFileID = "ivymail-committed-env-file"

    private let nonSecretRules: Set<String>
    private let clientSide: (check: Check, paths: PathSet, directives: [[UInt8]])?
    private let projects: ProjectMarkers?
    private let reuse: (check: Check, development: PathSet, production: PathSet, sections: Set<String>)?
    private let envFile: (check: Check, paths: PathSet, except: PathSet)?

    public init(rules: [Rule], checks: [Check]) {
        nonSecretRules = Set(rules.filter { !$0.isSecret }.map(\.id))
        if let check = checks.first(where: { $0.id == Self.clientSideID }) {
            clientSide = (check, PathSet(check.list("paths")), check.list("directives").map { Array($0.utf8) })
            projects = ProjectMarkers(check)
        } else {
            clientSide = nil
            projects = nil
        }
        if let check = checks.first(where: { $0.id == Self.reuseID }) {
            let sections = Set((check.list("developmentSections") + check.list("productionSections")).map { $0.lowercased() })
            reuse = (check, PathSet(check.list("developmentPaths")), PathSet(check.list("productionPaths")), sections)
        } else {
            reuse = nil
        }
        if let check = checks.first(where: { $0.id == Self.envFileID }) {
            envFile = (check, PathSet(check.list("paths")), PathSet(check.list("exceptPaths")))
        } else {
            envFile = nil
        }
    }

    /// Reads what the bytes say about each finding of one fragment.
    public func annotate(_ findings: inout [Finding], bytes: UnsafeBufferPointer<UInt8>) {
        guard !findings.isEmpty else { return }
        let directive = clientSide.map { TextFacts.hasClientDirective(bytes, directives: $0.directives) } ?? false
        for index in findings.indices {
            if nonSecretRules.contains(findings[index].ruleID) { findings[index].isSecret = false }
            let offset = findings[index].location.offset
            findings[index].context = FindingContext(
                variable: TextFacts.variable(before: offset, in: bytes),
                section: reuse.flatMap { TextFacts.section(at: offset, in: bytes, names: $0.sections) },
                clientDirective: directive)
        }
    }

    /// Path checks for one place. `tracked` is nil when git does not say
    /// (a directory outside a repository): then the env-file rule stays quiet.
    /// - Parameter fsPath: where the file is on disk, when it is (directory
    ///   scans): lets project markers (`app.json`, `manifest.json`) be read.
    public func classify(_ finding: inout Finding, path: String, tracked: Bool?, fsPath: [UInt8]? = nil) {
        guard finding.isSecret else { return }
        if let clientSide, finding.context.clientDirective || clientSide.paths.contains(path) {
            finding.add(clientSide.check.violation(finding.context.clientDirective ? "the file is marked 'use client'" : path))
        } else if let clientSide, let projects, let fsPath, let project = projects.project(fsPath: fsPath, displayPath: path) {
            finding.add(clientSide.check.violation("\(path) (part of the app \(project.folder)\(project.marker) describes)"))
        }
        if let envFile, tracked == true, envFile.paths.contains(Self.basename(path)), !envFile.except.contains(Self.basename(path)) {
            finding.add(envFile.check.violation(path))
        }
    }

    /// The same secret in a development context and a production one: every
    /// place gets the violation, naming the others.
    public func crossCheck(_ findings: inout [Finding]) {
        guard let reuse else { return }
        var groups: [[UInt8]: [Int]] = [:]
        for index in findings.indices where findings[index].isSecret {
            groups[findings[index].secret, default: []].append(index)
        }
        for indices in groups.values where indices.count > 1 {
            let environments = indices.map { environment(of: findings[$0], reuse) }
            guard environments.contains(.development), environments.contains(.production) else { continue }
            for (position, index) in indices.enumerated() {
                let others = indices.enumerated().filter { $0.offset != position }.map { other in
                    let finding = findings[other.element]
                    let side = environments[other.offset].map { " (\($0.rawValue))" } ?? ""
                    return "\(finding.origin.path):\(finding.location.line)\(side)"
                }
                let side = environments[position]?.rawValue ?? "unknown environment"
                findings[index].add(reuse.check.violation("\(side) here; also at \(others.joined(separator: ", "))"))
            }
        }
    }

    /// Section beats variable name beats path: the most specific evidence wins.
    private func environment(of finding: Finding, _ reuse: (check: Check, development: PathSet, production: PathSet, sections: Set<String>)) -> Environment? {
        if let section = finding.context.section?.lowercased() {
            if reuse.check.list("productionSections").contains(where: { $0.lowercased() == section }) { return .production }
            if reuse.check.list("developmentSections").contains(where: { $0.lowercased() == section }) { return .development }
        }
        if let variable = finding.context.variable?.uppercased() {
            if reuse.check.list("productionNames").contains(where: { Self.hasAffix(variable, $0.uppercased()) }) { return .production }
            if reuse.check.list("developmentNames").contains(where: { Self.hasAffix(variable, $0.uppercased()) }) { return .development }
        }
        if reuse.production.contains(finding.origin.path) { return .production }
        if reuse.development.contains(finding.origin.path) { return .development }
        return nil
    }

    /// `_PROD` matches as a suffix or a middle part (`KEY_PROD`, `KEY_PROD_EU`);
    /// `PROD_` as a prefix.
    static func hasAffix(_ name: String, _ affix: String) -> Bool {
        if affix.hasPrefix("_") { return name.hasSuffix(affix) || name.contains(affix + "_") }
        return name.hasPrefix(affix)
    }

    static func basename(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
