#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyBasics
import IvyChecks
import IvyConfig
import IvyMatching
import IvyModel
import IvySources

/// The pipeline for git: list the blobs a mode cares about, scan each unique
/// blob once, then attribute findings to commits and paths.
public enum GitScan {
    public static func run(_ options: GitScanOptions, config: ResolvedConfig,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws(GitScanError) -> ScanReport {
        let start = Monotonic.now()
        let detector: Detector
        do { detector = try Detector(rules: config.rules, allowValues: config.allowValues) } catch { throw .rules(error) }
        let checks = HygieneChecks(rules: config.rules, checks: config.checks)
        let scanner = BlobScanner(detector: detector, checks: checks, trace: options.trace)
        scanner.progress = options.progress
        scanner.leakedCheck = config.checks.first { $0.id == "ivymail-leaked-key" }
        let allowlisted = DirectoryScan.allowlist(config)

        var report: ScanReport
        do {
            if case .staged = options.target {
                // The pre-commit path: no repository probe (diff fails clearly
                // outside a repository), cat-file started alongside diff.
                let git = GitCommand(directory: options.directory, environment: environment)
                let reader = BlobReader(git: git, maxSize: options.maxFileSize)
                reader.warmUp()
                var topLevel: String?
                let workTree = WorkTreeIgnores.topLevel(from: options.directory)
                scanner.workTree = workTree
                let ignores = options.respectIgnore ? workTree.map(WorkTreeIgnores.init) : nil
                let isAllowlisted: (String) -> Bool = { path in
                    if ignores?.isIgnored(path) == true { return true }
                    guard let allowlisted else { return false }
                    if topLevel == nil { topLevel = (try? git.text(["rev-parse", "--show-toplevel"])) ?? options.directory }
                    return allowlisted(topLevel! + "/" + path)
                }
                report = try staged(git, scanner, reader, isAllowlisted)
                return finish(report, scanner, options, start)
            }
            let repository = try GitRepository(at: options.directory, environment: environment)
            let reader = BlobReader(git: repository.git, maxSize: options.maxFileSize)
            scanner.workTree = repository.topLevel
            let ignores = options.respectIgnore ? WorkTreeIgnores(root: repository.topLevel) : nil
            let isAllowlisted: (String) -> Bool = { path in ignores?.isIgnored(path) == true || allowlisted?(repository.topLevel + "/" + path) ?? false }
            switch options.target {
            case .staged:
                preconditionFailure("handled above")
            case .range(let base, let head, let reason):
                report = try range(repository, scanner, reader, isAllowlisted, base: base, head: head, reason: reason)
            case .history(let revisions):
                report = try history(repository, scanner, reader, isAllowlisted, revisions: revisions)
            case .prePush(let updates):
                report = try prePush(repository, scanner, reader, isAllowlisted, updates: updates)
            }
        } catch let error as GitScanError {
            throw error
        } catch let error as GitError {
            throw .from(error)
        } catch {
            throw .usage("\(error)")
        }
        return finish(report, scanner, options, start)
    }

    /// Fills in what every mode reports the same way: coverage, counts, gaps.
    static func finish(_ report: ScanReport, _ scanner: BlobScanner, _ options: GitScanOptions, _ start: Double) -> ScanReport {
        var report = report
        report.existingGates = options.failOnExisting
        report.limitExceeded = scanner.limitExceeded
        if var coverage = report.coverage {
            coverage.blobs = scanner.blobs
            coverage.bytes = scanner.bytes
            if !scanner.missing.isEmpty {
                coverage.gaps.append("\(scanner.missing.count) blob(s) are not in this clone (shallow or partial clone); fetch them with `git fetch --unshallow` or `git fetch --refetch`")
            }
            report.coverage = coverage
        }
        report.filesScanned = scanner.blobs
        report.bytesScanned = scanner.bytes
        scanner.checks.crossCheck(&report.findings)
        if options.allowShallow, var coverage = report.coverage, !coverage.gaps.isEmpty {
            coverage.gaps = coverage.gaps.map { "(allowed by --allow-shallow) " + $0 }
            report.allowedGaps = coverage.gaps
            coverage.gaps = []
            report.coverage = coverage
        }
        report.sort()
        report.duration = Monotonic.now() - start
        FingerprintAllowlist.apply(options.allowedFingerprints, to: &report)
        return report
    }

    // MARK: staged

    static func staged(_ git: GitCommand, _ scanner: BlobScanner, _ reader: BlobReader,
                       _ isAllowlisted: (String) -> Bool) throws -> ScanReport {
        var report = ScanReport()
        let entries = try StagedChanges.list(git).filter { entry in
            guard entry.isRegularFile else {
                report.skipped.append(SkippedFile(path: display(entry.path), reason: entry.newMode == "160000" ? .submodule : .symlink))
                return false
            }
            return !isAllowlisted(display(entry.path))
        }
        try scanner.scan(entries.flatMap { [$0.newBlob] + $0.presentOldBlobs }, reader: reader)
        for entry in entries {
            let path = display(entry.path)
            let before = entry.presentOldBlobs.reduce(into: Set<Fingerprint>()) { $0.formUnion(scanner.fingerprints(of: $1)) }
            for var finding in scanner.findings[entry.newBlob] ?? [] {
                finding.origin = Origin(path: path)
                scanner.classify(&finding, path: path)
                if before.contains(finding.fingerprint) {
                    finding.status = .existing
                    finding.message = "this key is already committed: rotate it (\(finding.message))"
                } else {
                    finding.status = .new
                }
                report.findings.append(finding)
            }
            collect(scanner, entry.newBlob, path: path, into: &report)
        }
        try addCommittedCopies(of: &report, staged: Set(entries.map { display($0.path) }), git, scanner, reader)
        report.coverage = GitCoverage(scope: "staged changes (\(entries.count) file\(entries.count == 1 ? "" : "s"))")
        return report
    }

    /// Cross-file rules (dev/prod reuse) need the rest of the repository: for
    /// keys being committed, find the committed files in HEAD that hold the
    /// same key and report them as `existing`. Costs nothing when the staged
    /// change is clean. The keys reach git on stdin, never on a command line
    /// (where other local users could read them).
    static func addCommittedCopies(of report: inout ScanReport, staged: Set<String>, _ git: GitCommand,
                                   _ scanner: BlobScanner, _ reader: BlobReader) throws {
        let secrets = Set(report.findings.filter(\.isSecret).map(\.secret))
        guard !secrets.isEmpty else { return }
        let patterns = secrets.map { Array($0) }.joined(separator: [0x0A]) + [0x0A]
        // Exit 1 means "no match"; a missing HEAD (first commit) fails too: nothing committed.
        guard let output = try? git.run(["grep", "-z", "-l", "-F", "-I", "--no-color", "-f", "-", "HEAD", "--"], input: Array(patterns)) else { return }
        let paths = output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .compactMap { $0.hasPrefix("HEAD:") ? String($0.dropFirst(5)) : nil }
            .filter { !staged.contains($0) }
        guard !paths.isEmpty else { return }
        let ids = paths.map { "HEAD:" + $0 }
        try scanner.scan(ids, reader: reader)
        for (id, path) in zip(ids, paths) {
            for var finding in scanner.findings[id] ?? [] where secrets.contains(finding.secret) {
                finding.origin = Origin(path: path)
                scanner.classify(&finding, path: path)
                finding.status = .existing
                finding.message = "the key being committed is already committed here: rotate it (\(finding.message))"
                report.findings.append(finding)
            }
        }
    }

    // MARK: ranges and pushes

    static func range(_ repository: GitRepository, _ scanner: BlobScanner, _ reader: BlobReader,
                      _ isAllowlisted: (String) -> Bool, base: String?, head: String, reason: String) throws -> ScanReport {
        var gaps: [String] = []
        let headID = try repository.commit(head)
        var selection = [headID]
        var scope = "history of \(short(headID))"
        if let base {
            let baseID: String? = (try? repository.commit(base))
            if let baseID {
                if baseID == headID {
                    gaps.append("the range \(base)..\(head) is empty (both name \(short(headID))): nothing was scanned; check the CI checkout (fetch-depth: 0) or the range")
                }
                selection += ["--not", baseID]
                scope = "range \(short(baseID))..\(short(headID))"
            } else if GitRepository.isObjectID(base) && (repository.isShallow || !repository.hasCommit(base)) {
                gaps.append("base commit \(short(base)) is not in this clone, so commits before \(short(headID)) back to the clone's depth were scanned instead; fetch full history (`fetch-depth: 0` in actions/checkout, `git fetch --unshallow`)")
                scope = "range \(short(base))..\(short(headID)) (base missing)"
            } else {
                throw GitScanError.usage(GitError(kind: .badRevision(base), arguments: ["rev-parse"], stderr: "").description)
            }
        } else if repository.isShallow {
            gaps.append("this is a shallow clone, so only the history it holds was scanned, not the whole history of \(short(headID)); fetch it all (`fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab, `git fetch --unshallow`)")
        }
        let commits = try repository.commits(selection)
        var report = try scanCommits(repository, scanner, reader, isAllowlisted, commits: commits, gaps: &gaps)
        report.coverage = GitCoverage(scope: "\(scope) (\(commits.count) commit\(commits.count == 1 ? "" : "s")\(reason.isEmpty ? "" : ", " + reason))",
                                      commits: commits.count, gaps: gaps)
        return report
    }

    static func prePush(_ repository: GitRepository, _ scanner: BlobScanner, _ reader: BlobReader,
                        _ isAllowlisted: (String) -> Bool, updates: [PushUpdate]) throws -> ScanReport {
        var commits: [String] = []
        var seen = Set<String>()
        var described: [String] = []
        var gaps: [String] = []
        for update in updates {
            guard GitRepository.isObjectID(update.localID), GitRepository.isObjectID(update.remoteID) else {
                throw GitScanError.usage("malformed pre-push input line: \(update.localRef) \(update.localID) \(update.remoteRef) \(update.remoteID)")
            }
            // Deleting a remote branch pushes no content.
            if update.localID.allSatisfy({ $0 == "0" }) { continue }
            let selection: [String]
            if !update.remoteID.allSatisfy({ $0 == "0" }) && repository.hasCommit(update.remoteID) {
                selection = [update.localID, "--not", update.remoteID]
                described.append("\(update.remoteRef): \(short(update.remoteID))..\(short(update.localID))")
            } else {
                // New branch, or a force push over a commit we never fetched:
                // everything not already on any remote-tracking branch.
                selection = [update.localID, "--not", "--remotes"]
                described.append("\(update.remoteRef): \(short(update.localID)) not on any remote")
            }
            for commit in try repository.commits(selection) where seen.insert(commit).inserted {
                commits.append(commit)
            }
        }
        var report = try scanCommits(repository, scanner, reader, isAllowlisted, commits: commits, gaps: &gaps)
        let scope = described.isEmpty ? "push (nothing to scan)" : "push of \(described.joined(separator: ", "))"
        report.coverage = GitCoverage(scope: "\(scope) (\(commits.count) commit\(commits.count == 1 ? "" : "s"))", commits: commits.count, gaps: gaps)
        return report
    }

    /// Each commit's added content: findings in a changed file's new blob
    /// that are absent from every parent's version of it. One finding per
    /// secret and path, at the first commit (parents come first).
    static func scanCommits(_ repository: GitRepository, _ scanner: BlobScanner, _ reader: BlobReader,
                            _ isAllowlisted: (String) -> Bool, commits: [String], gaps: inout [String]) throws -> ScanReport {
        var report = ScanReport()
        let boundary = repository.shallowBoundary()
        let cut = commits.filter { boundary.contains($0) }
        if !cut.isEmpty {
            gaps.append("shallow clone: \(cut.count) commit(s) (\(cut.prefix(3).map(short).joined(separator: ", "))) have parents missing from this clone, so keys they inherited could not be told apart from keys they added; fetch full history (`fetch-depth: 0`, `git fetch --unshallow`)")
        }
        var changes: [(CommitInfo, RawDiffEntry)] = []
        _ = try CommitChanges.diffTree(repository.git, commits: commits) { commit, entry in
            guard entry.isRegularFile, !entry.isDeletion, !isAllowlisted(display(entry.path)) else { return }
            changes.append((commit, entry))
        }
        try scanner.scan(changes.flatMap { [$0.1.newBlob] + $0.1.presentOldBlobs }, reader: reader)
        var reported = Set<String>()
        for (commit, entry) in changes {
            let path = display(entry.path)
            let before = entry.presentOldBlobs.reduce(into: Set<Fingerprint>()) { $0.formUnion(scanner.fingerprints(of: $1)) }
            // A shallow boundary commit looks like a root commit: everything
            // in it seems added. Its keys are real but their origin unknown.
            let cutOff = boundary.contains(commit.id)
            for var finding in scanner.findings[entry.newBlob] ?? [] where !before.contains(finding.fingerprint) {
                guard reported.insert(finding.fingerprint.hex + "\0" + path).inserted else { continue }
                finding.origin = Origin(path: path, commit: commit.id, author: commit.author, date: commit.date)
                scanner.classify(&finding, path: path)
                if cutOff {
                    finding.status = .existing
                    finding.message = "present at the shallow clone's boundary, added by an unknown earlier commit: rotate it (\(finding.message))"
                } else {
                    finding.status = .new
                }
                report.findings.append(finding)
            }
            collect(scanner, entry.newBlob, path: path, into: &report)
            // Keys this commit removed (in every parent's version, not in the
            // new one) were committed before: removing them does not un-leak them.
            let after = scanner.fingerprints(of: entry.newBlob)
            for oldBlob in entry.presentOldBlobs.prefix(1) {
                for var finding in scanner.findings[oldBlob] ?? [] where !after.contains(finding.fingerprint) {
                    guard reported.insert(finding.fingerprint.hex + "\0" + path).inserted else { continue }
                    finding.origin = Origin(path: path, commit: commit.id, author: commit.author, date: commit.date)
                    finding.status = .existing
                    finding.message = "removed in this commit, but it was committed before: rotate it (\(finding.message))"
                    if let leaked = scanner.leakedCheck { finding.add(leaked.violation("removed in \(short(commit.id)), still in history")) }
                    report.findings.append(finding)
                }
            }
        }
        return report
    }

    // MARK: history

    static func history(_ repository: GitRepository, _ scanner: BlobScanner, _ reader: BlobReader,
                        _ isAllowlisted: (String) -> Bool, revisions: [String]) throws -> ScanReport {
        var gaps: [String] = []
        var selection: [String]
        if revisions.isEmpty || revisions == ["--all"] {
            selection = ["--all"]
        } else {
            selection = try revisions.map { try repository.commit($0) }
        }
        if repository.head == nil && selection == ["--all"] {
            var report = ScanReport()
            report.coverage = GitCoverage(scope: "history (no commits yet)")
            return report
        }
        if repository.isShallow {
            gaps.append("shallow clone: commits before the clone's depth were not scanned; fetch full history (`fetch-depth: 0`, `git fetch --unshallow`)")
        }
        var commitInfos: [CommitInfo] = []
        var commitIndex: [String: Int] = [:]
        // blob id -> (commit index, path) of every commit that introduced or changed it.
        var occurrences: [String: [(Int, String)]] = [:]
        let commitCount = try CommitChanges.log(repository.git, revisions: selection) { commit, entry in
            guard entry.isRegularFile, !entry.isDeletion else { return }
            let path = display(entry.path)
            guard !isAllowlisted(path) else { return }
            let index: Int
            if let known = commitIndex[commit.id] {
                index = known
            } else {
                index = commitInfos.count
                commitInfos.append(commit)
                commitIndex[commit.id] = index
            }
            occurrences[entry.newBlob, default: []].append((index, path))
        }
        try scanner.scan(occurrences.keys.sorted(), reader: reader)
        let headBlobs = try repository.headBlobs()

        struct Spread {
            var finding: Finding
            var first: (Int, String)
            var commits = Set<Int>()
            var paths = Set<String>()
            var inHead = false
        }
        var secrets: [Fingerprint: Spread] = [:]
        for (blob, places) in occurrences {
            guard let findings = scanner.findings[blob], !findings.isEmpty else { continue }
            let earliest = places.min { $0.0 < $1.0 }!
            var seenInBlob = Set<Fingerprint>()
            for finding in findings where seenInBlob.insert(finding.fingerprint).inserted {
                var spread = secrets[finding.fingerprint] ?? Spread(finding: finding, first: earliest)
                if earliest.0 < spread.first.0 {
                    spread.finding = finding
                    spread.first = earliest
                }
                for (commit, path) in places {
                    spread.commits.insert(commit)
                    spread.paths.insert(path)
                }
                if headBlobs.contains(blob) { spread.inHead = true }
                secrets[finding.fingerprint] = spread
            }
        }
        // Cross-file checks see every path a secret ever had, not only the
        // first: one stand-in finding per (secret, path), checked together.
        var places: [Finding] = []
        var placed = Set<String>()
        for (blob, occurrences) in occurrences {
            for finding in scanner.findings[blob] ?? [] {
                for (_, path) in occurrences where placed.insert(finding.fingerprint.hex + "\0" + path).inserted {
                    var place = finding
                    place.origin = Origin(path: path)
                    place.violations = []
                    places.append(place)
                }
            }
        }
        scanner.checks.crossCheck(&places)
        var shared: [Fingerprint: [Violation]] = [:]
        for place in places where !place.violations.isEmpty {
            shared[place.fingerprint, default: []] += place.violations
        }

        var report = ScanReport()
        for spread in secrets.values {
            var finding = spread.finding
            for violation in shared[finding.fingerprint] ?? [] { finding.add(violation) }
            let commit = commitInfos[spread.first.0]
            finding.origin = Origin(path: spread.first.1, commit: commit.id, author: commit.author, date: commit.date)
            scanner.classify(&finding, path: spread.first.1)
            finding.status = .history
            finding.history = SecretHistory(commits: spread.commits.count, paths: spread.paths.count, inHead: spread.inHead)
            finding.message = spread.inHead
                ? "\(finding.message) (committed, still in HEAD)"
                : "leaked in history: rotate it (\(finding.message), gone from HEAD)"
            finding.remediation = "Removing it from the files does not remove it from git history: rotate it (create a new key, update the integration, delete the old key). See `ivyscan explain \(finding.ruleID)`."
            if let leaked = scanner.leakedCheck {
                finding.add(leaked.violation(spread.inHead ? "committed in \(short(commit.id)) and still in HEAD" : "committed in \(short(commit.id)), gone from HEAD"))
            }
            report.findings.append(finding)
        }
        let scope = selection == ["--all"] ? "history of all refs" : "history of \(revisions.joined(separator: " "))"
        report.coverage = GitCoverage(scope: "\(scope) (\(commitCount) commit\(commitCount == 1 ? "" : "s"))", commits: commitCount, gaps: gaps)
        return report
    }

    // MARK: helpers

    /// Copies a blob's skip reason and trace events under the path it was seen at.
    static func collect(_ scanner: BlobScanner, _ blob: String, path: String, into report: inout ScanReport) {
        if let reason = scanner.skipped[blob] { report.skipped.append(SkippedFile(path: path, reason: reason)) }
        for var event in scanner.traces[blob] ?? [] {
            event.path = path
            report.trace.append(event)
        }
    }

    static func display(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    static func short(_ id: String) -> String { String(id.prefix(8)) }
}
