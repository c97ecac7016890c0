/// Merges SARIF 2.1.0 logs into one (`ivyscan sarif-merge`), e.g. the logs
/// of an organisation's repositories scanned in parallel.
///
/// The merged log's `runs` are every input's runs in input order, each kept
/// as it was (member order and number text included), with one addition: a
/// run without `automationDetails.id` gets `ivyscan/<file name>/` (the name
/// without `.sarif`/`.json`), so a viewer can tell the repositories apart;
/// a name used twice gets `-2`, `-3`, … Input-level `inlineExternalProperties`
/// are concatenated; other log-level members (a `properties` bag) cannot be
/// merged and are dropped with a note. The output holds nothing that
/// depends on time or hashing: the same inputs give the same bytes.
public enum SARIFMerge {
    /// One log to merge: `name` (its path) names it in errors and derives
    /// the ids of its runs.
    public struct Input: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public struct Output: Sendable, Equatable {
        /// The merged log, ending in a newline.
        public var text: String
        /// What was dropped, one line each (for stderr).
        public var notes: [String]
    }

    /// Why an input cannot be merged; `name` is the input's.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var message: String
        public var description: String { "\(name): \(message)" }
    }

    static let version = "2.1.0"
    static let passedThrough: Set<String> = ["$schema", "version", "runs", "inlineExternalProperties"]

    public static func merge(_ inputs: [Input]) throws(Failure) -> Output {
        var logs: [(input: Input, runs: [[JSONValue.Member]], external: [JSONValue])] = []
        var notes: [String] = []
        for input in inputs {
            let log: JSONValue
            do {
                log = try JSONParser.parse(input.bytes)
            } catch {
                throw Failure(name: input.name, message: error.description)
            }
            guard case .object(let members) = log else { throw Failure(name: input.name, message: "not a SARIF log: the top level is not a JSON object") }
            guard let version = log["version"] else { throw Failure(name: input.name, message: "not a SARIF log: no \"version\"") }
            guard version.stringValue == Self.version else {
                throw Failure(name: input.name, message: "SARIF version \(version.rendered()) is not supported; only \(Self.version) can be merged")
            }
            guard case .array(let runValues) = log["runs"] ?? .null else {
                throw Failure(name: input.name, message: "not a SARIF log: \"runs\" is missing or not an array")
            }
            var runs: [[JSONValue.Member]] = []
            for (index, run) in runValues.enumerated() {
                guard case .object(let runMembers) = run else { throw Failure(name: input.name, message: "runs[\(index)] is not an object") }
                if let details = run["automationDetails"] {
                    guard case .object = details else { throw Failure(name: input.name, message: "runs[\(index)].automationDetails is not an object") }
                }
                runs.append(runMembers)
            }
            var external: [JSONValue] = []
            switch log["inlineExternalProperties"] {
            case nil: break
            case .array(let items)?: external = items
            default: throw Failure(name: input.name, message: "\"inlineExternalProperties\" is not an array")
            }
            for member in members where !passedThrough.contains(member.key) {
                notes.append("\(input.name): dropped the log-level \(JSONWriter.quote(member.key)) (it cannot be merged; runs are kept whole)")
            }
            logs.append((input, runs, external))
        }

        // Ids the inputs set themselves are never reused for a derived one.
        var used = Set(logs.flatMap(\.runs).compactMap { JSONValue.object($0)["automationDetails"]?["id"]?.stringValue })
        var merged: [JSONValue] = []
        var external: [JSONValue] = []
        for log in logs {
            for run in log.runs {
                merged.append(.object(withID(run, derived: { uniqueID(for: log.input.name, used: &used) })))
            }
            external += log.external
        }
        var top: [JSONValue.Member] = [
            .init(key: "$schema", value: .string(SARIFReporter.schemaURI)),
            .init(key: "version", value: .string(Self.version)),
            .init(key: "runs", value: .array(merged)),
        ]
        if !external.isEmpty { top.append(.init(key: "inlineExternalProperties", value: .array(external))) }
        return Output(text: JSONValue.object(top).rendered() + "\n", notes: notes)
    }

    /// The run with `automationDetails.id` set when it had none: inside an
    /// existing `automationDetails`, else in a new one right after `tool`.
    static func withID(_ run: [JSONValue.Member], derived: () -> String) -> [JSONValue.Member] {
        var run = run
        if let index = run.firstIndex(where: { $0.key == "automationDetails" }), case .object(var details) = run[index].value {
            if let id = JSONValue.object(details)["id"]?.stringValue, !id.isEmpty { return run }
            details.removeAll { $0.key == "id" }
            details.insert(.init(key: "id", value: .string(derived())), at: 0)
            run[index].value = .object(details)
            return run
        }
        let details = JSONValue.Member(key: "automationDetails", value: .object([.init(key: "id", value: .string(derived()))]))
        let position = run.firstIndex(where: { $0.key == "tool" }).map { $0 + 1 } ?? run.count
        run.insert(details, at: position)
        return run
    }

    /// `ivyscan/<stem>/`, or `ivyscan/<stem>-N/` with the first N that is free.
    static func uniqueID(for name: String, used: inout Set<String>) -> String {
        let stem = stem(of: name)
        var candidate = "ivyscan/\(stem)/"
        var number = 2
        while used.contains(candidate) {
            candidate = "ivyscan/\(stem)-\(number)/"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The file name without its folder and `.sarif`, `.sarif.json` or `.json`.
    static func stem(of name: String) -> String {
        var base = String(name.split(separator: "/").last ?? "")
        for suffix in [".sarif.json", ".sarif", ".json"] where base.lowercased().hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
            break
        }
        return base.isEmpty ? "run" : base
    }
}
