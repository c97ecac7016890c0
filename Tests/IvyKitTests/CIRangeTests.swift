import Foundation
import IvyKit
import Testing
import TestSupport

/// Which commits `ivyscan git ci` picks for each CI event, from the
/// environment and event payload the CI provides (no repository needed:
/// the merge base is a stand-in).
@Suite struct CIRangeTests {
    static let base = String(repeating: "b", count: 40)
    static let head = String(repeating: "c", count: 40)
    static let zero = String(repeating: "0", count: 40)
    let temp = TempDirectory()

    func github(_ event: String, _ payload: String?, _ extra: [String: String] = [:]) throws(CIRange.Failure) -> CIRange.Choice {
        var environment = ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event, "GITHUB_SHA": Self.head]
        if let payload { environment["GITHUB_EVENT_PATH"] = temp.write("event-\(event).json", payload) }
        for (key, value) in extra { environment[key] = value }
        return try CIRange.choose(environment) { _, _ in "m" + String(repeating: "a", count: 39) }
    }

    func gitlab(_ extra: [String: String]) throws(CIRange.Failure) -> CIRange.Choice {
        var environment = ["GITLAB_CI": "true", "CI_COMMIT_SHA": Self.head, "CI_DEFAULT_BRANCH": "main"]
        for (key, value) in extra { environment[key] = value }
        return try CIRange.choose(environment) { _, _ in nil }
    }

    @Test func githubEvents() throws {
        let pr = try github("pull_request", #"{"pull_request": {"base": {"sha": "\#(Self.base)"}, "head": {"sha": "\#(Self.head)"}}}"#)
        #expect(pr.base?.hasPrefix("m") == true && pr.head == Self.head, "a pull request starts at the merge base")
        let push = try github("push", #"{"before": "\#(Self.base)", "after": "\#(Self.head)", "ref": "refs/heads/feature"}"#)
        #expect(push.base == Self.base && push.head == Self.head)
        let newBranch = try github("push", #"{"before": "\#(Self.zero)", "after": "\#(Self.head)", "ref": "refs/heads/feature", "repository": {"default_branch": "trunk"}}"#)
        #expect(newBranch.base == "refs/remotes/origin/trunk")
        let firstPush = try github("push", #"{"before": "\#(Self.zero)", "after": "\#(Self.head)", "ref": "refs/heads/main", "repository": {"default_branch": "main"}}"#)
        #expect(firstPush.base == nil && firstPush.reason.contains("whole history"), "the default branch's first push has nothing to compare with")
        let queue = try github("merge_group", #"{"merge_group": {"base_sha": "\#(Self.base)", "head_sha": "\#(Self.head)"}}"#)
        #expect(queue.base == Self.base && queue.head == Self.head && queue.reason.contains("merge queue"))
        for event in ["schedule", "workflow_dispatch"] {
            let audit = try github(event, "{}", ["GITHUB_REF_NAME": "main"])
            #expect(audit.base == nil && audit.head == Self.head && audit.reason.contains("whole history of main"))
        }
    }

    @Test func githubPayloadProblemsAreErrorsNotGuesses() {
        #expect(throws: CIRange.Failure.self) { try github("push", nil, ["GITHUB_EVENT_PATH": temp.path + "/absent.json"]) }
        let unreadable = #expect(throws: CIRange.Failure.self) { try github("push", "not json") }
        #expect(unreadable?.description.contains("GITHUB_EVENT_PATH") == true)
        #expect(throws: CIRange.Failure.self) { try github("merge_group", "{}") }
        #expect(throws: CIRange.Failure.self) { try github("release", "{}") }
    }

    @Test func gitlabPipelines() throws {
        let request = try gitlab(["CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_DIFF_BASE_SHA": Self.base])
        #expect(request.base == Self.base)
        let push = try gitlab(["CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BEFORE_SHA": Self.base, "CI_COMMIT_BRANCH": "feature"])
        #expect(push.base == Self.base)
        let newBranch = try gitlab(["CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BEFORE_SHA": Self.zero, "CI_COMMIT_BRANCH": "feature"])
        #expect(newBranch.base == "refs/remotes/origin/main")
        let defaultBranch = try gitlab(["CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BEFORE_SHA": Self.zero, "CI_COMMIT_BRANCH": "main"])
        #expect(defaultBranch.base == nil, "no previous commit on the default branch: the whole history, not an empty range")
        for source in ["schedule", "web", "api", "trigger", "pipeline"] {
            let audit = try gitlab(["CI_PIPELINE_SOURCE": source, "CI_COMMIT_BEFORE_SHA": Self.zero, "CI_COMMIT_REF_NAME": "main"])
            #expect(audit.base == nil && audit.reason.contains("GitLab \(source) pipeline"))
        }
        #expect(throws: CIRange.Failure.self) { try CIRange.choose([:]) { _, _ in nil } }
    }
}
