#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvySources

/// Works out which commits a CI job should scan from the CI's environment:
/// GitHub Actions and GitLab CI. Says which range it chose and why.
public enum CIRange {
    public struct Choice: Sendable, Equatable {
        public var base: String?
        public var head: String
        public var reason: String
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notCI
        case unsupported(String)

        public var description: String {
            switch self {
            case .notCI: "no CI environment found (GITHUB_ACTIONS or GITLAB_CI); use `ivyscan git range BASE..HEAD`"
            case .unsupported(let detail): "\(detail); use `ivyscan git range BASE..HEAD`"
            }
        }
    }

    static let zero = String(repeating: "0", count: 40)

    public static func choose(_ environment: [String: String], mergeBase: (String, String) -> String?) throws(Failure) -> Choice {
        if environment["GITHUB_ACTIONS"] == "true" { return try github(environment, mergeBase: mergeBase) }
        if environment["GITLAB_CI"] == "true" { return try gitlab(environment) }
        throw .notCI
    }

    static func github(_ environment: [String: String], mergeBase: (String, String) -> String?) throws(Failure) -> Choice {
        let event = environment["GITHUB_EVENT_NAME"] ?? ""
        var payload = GitHubEvent()
        // A payload that is named but unreadable would silently turn a push
        // into "new branch": say so instead.
        if let path = environment["GITHUB_EVENT_PATH"], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unsupported("cannot read the GitHub event payload at GITHUB_EVENT_PATH (\(path))")
            }
            guard let decoded = try? JSONDecoder().decode(GitHubEvent.self, from: data) else {
                throw .unsupported("the GitHub event payload at GITHUB_EVENT_PATH (\(path)) is not the JSON GitHub writes")
            }
            payload = decoded
        }
        let defaultBranch = payload.repository?.default_branch ?? "main"
        let head = payload.after ?? environment["GITHUB_SHA"]
        switch event {
        case "pull_request", "pull_request_target":
            guard let base = payload.pull_request?.base?.sha, let head = payload.pull_request?.head?.sha
            else { throw .unsupported("GitHub \(event) event without pull_request.base.sha/head.sha") }
            let start = mergeBase(base, head) ?? base
            return Choice(base: start, head: head, reason: "GitHub pull request: merge base of \(short(base)) and \(short(head)) to head")
        case "push":
            guard let after = payload.after ?? environment["GITHUB_SHA"] else {
                throw .unsupported("GitHub push event without 'after'")
            }
            let before = payload.before ?? zero
            let ref = payload.ref ?? environment["GITHUB_REF"] ?? ""
            if (before == zero || before.isEmpty) && ref == "refs/heads/\(defaultBranch)" {
                return Choice(base: nil, head: after, reason: "GitHub first push of the default branch: its whole history")
            }
            if before == zero || before.isEmpty {
                return Choice(base: "refs/remotes/origin/\(defaultBranch)", head: after,
                              reason: "GitHub push of a new branch: commits not on origin/\(defaultBranch)")
            }
            return Choice(base: before, head: after, reason: "GitHub push: before..after")
        case "merge_group":
            guard let base = payload.merge_group?.base_sha, let groupHead = payload.merge_group?.head_sha
            else { throw .unsupported("GitHub merge_group event without merge_group.base_sha/head_sha") }
            return Choice(base: base, head: groupHead, reason: "GitHub merge queue: base to head of the group")
        case "schedule", "workflow_dispatch":
            // No change to compare: a periodic or manual audit of everything reachable.
            guard let head, !head.isEmpty else { throw .unsupported("GitHub \(event) event without GITHUB_SHA") }
            return Choice(base: nil, head: head, reason: "GitHub \(event): the whole history of \(environment["GITHUB_REF_NAME"] ?? "the checked-out commit")")
        default:
            throw .unsupported("GitHub event '\(event)' has no commit range")
        }
    }

    static func gitlab(_ environment: [String: String]) throws(Failure) -> Choice {
        guard let head = environment["CI_COMMIT_SHA"], !head.isEmpty else { throw .unsupported("CI_COMMIT_SHA is not set") }
        let defaultBranch = environment["CI_DEFAULT_BRANCH"] ?? "main"
        if environment["CI_PIPELINE_SOURCE"] == "merge_request_event",
           let base = environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"], !base.isEmpty {
            return Choice(base: base, head: head, reason: "GitLab merge request: diff base to head")
        }
        // Scheduled, manual, API and triggered pipelines change nothing: audit the whole history.
        if let source = environment["CI_PIPELINE_SOURCE"], ["schedule", "web", "api", "trigger", "pipeline"].contains(source) {
            return Choice(base: nil, head: head, reason: "GitLab \(source) pipeline: the whole history of \(environment["CI_COMMIT_REF_NAME"] ?? "the checked-out commit")")
        }
        let before = environment["CI_COMMIT_BEFORE_SHA"] ?? zero
        if (before == zero || before.isEmpty) && environment["CI_COMMIT_BRANCH"] == defaultBranch {
            return Choice(base: nil, head: head, reason: "GitLab pipeline on the default branch with no previous commit: its whole history")
        }
        if before == zero || before.isEmpty {
            return Choice(base: "refs/remotes/origin/\(defaultBranch)", head: head,
                          reason: "GitLab pipeline for a new branch: commits not on origin/\(defaultBranch)")
        }
        return Choice(base: before, head: head, reason: "GitLab push: before..after")
    }

    static func short(_ id: String) -> String { String(id.prefix(8)) }

    /// The fields of a GitHub Actions event payload that pick the range.
    struct GitHubEvent: Decodable {
        struct Ref: Decodable { var sha: String? }
        struct PullRequest: Decodable { var base: Ref?; var head: Ref? }
        struct Repository: Decodable { var default_branch: String? }
        struct MergeGroup: Decodable { var base_sha: String?; var head_sha: String? }
        var before: String?
        var after: String?
        var ref: String?
        var merge_group: MergeGroup?
        var pull_request: PullRequest?
        var repository: Repository?
    }
}
