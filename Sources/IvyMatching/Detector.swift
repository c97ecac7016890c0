import IvyModel

/// Turns a fragment's bytes into findings: literal prefilter, PCRE2 on the
/// regions around keyword hits, candidate filters, then overlap resolution.
///
/// Knows nothing of files or git: callers hand it bytes and an `Origin`.
public final class Detector: Sendable {
    public let rules: [CompiledRule]
    private let keywords: [Literal]
    private let allowValues: [PCRE2Regex]
    private static let suppressionMarker = Literal("ivyscan:allow")

    /// Bytes of context around a keyword hit that a pattern may span
    /// (HAR entries put name and value on different lines).
    static let windowRadius = 512
    /// How far a window may grow to reach a line boundary in minified files.
    static let lineExtensionLimit = 4096
    /// Long lines are cut to this much context on each side of a secret.
    static let snippetContext = 80
    static let snippetMaxLine = 240

    /// - Parameter allowValues: config-level regexes over secrets that are
    ///   never findings (known test keys).
    public init(rules: [Rule], allowValues: [String] = []) throws(RuleError) {
        var keywords: [Literal] = []
        var compiled: [CompiledRule] = []
        for rule in rules {
            var indices: [Int] = []
            for keyword in rule.keywords where !keyword.isEmpty {
                let literal = Literal(keyword)
                if let existing = keywords.firstIndex(of: literal) {
                    indices.append(existing)
                } else {
                    keywords.append(literal)
                    indices.append(keywords.count - 1)
                }
            }
            guard !indices.isEmpty else { throw RuleError(ruleID: rule.id, message: "needs at least one keyword") }
            compiled.append(try CompiledRule(rule: rule, keywordIndices: indices))
        }
        var allow: [PCRE2Regex] = []
        for pattern in allowValues {
            do { allow.append(try PCRE2Regex(pattern)) } catch { throw RuleError(ruleID: "allowlist", message: "regex \(pattern): \(error.description)") }
        }
        self.rules = compiled
        self.keywords = keywords
        self.allowValues = allow
    }

    private struct Candidate {
        var rule: Int
        var match: Range<Int>
        var secret: Range<Int>
        var severity: Severity
    }

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, origin: Origin, scratch: MatchScratch, trace: Bool = false) -> Detection {
        var detection = Detection()
        let hits = keywords.map { $0.occurrences(in: bytes) }
        guard hits.contains(where: { !$0.isEmpty }) else { return detection }

        var kept: [Candidate] = []
        var dropped: [(Candidate, String)] = []
        var unexplained: [(rule: Int, hit: Int, length: Int)] = []
        for (ruleIndex, compiled) in rules.enumerated() {
            var ruleHits: [(Int, Int)] = []
            for index in compiled.keywordIndices {
                ruleHits += hits[index].map { ($0, keywords[index].bytes.count) }
            }
            guard !ruleHits.isEmpty else { continue }
            ruleHits.sort { $0.0 < $1.0 }
            let severity = effectiveSeverity(compiled, bytes)
            var seen = Set<Range<Int>>()
            var matchRanges: [Range<Int>] = []
            for window in windows(around: ruleHits, in: bytes) {
                for regex in compiled.regexes {
                    let complete = regex.forEachMatch(in: bytes, from: window.lowerBound, to: window.upperBound, scratch: scratch) { match, secret in
                        guard seen.insert(secret).inserted else { return }
                        matchRanges.append(match)
                        let candidate = Candidate(rule: ruleIndex, match: match, secret: secret, severity: severity)
                        let value = UnsafeBufferPointer(rebasing: bytes[secret])
                        if let reason = compiled.filter.rejection(of: value, scratch: scratch) ?? allowlisted(value, scratch) {
                            dropped.append((candidate, reason))
                        } else {
                            kept.append(candidate)
                        }
                    }
                    if !complete { detection.limitExceeded = true }
                }
            }
            if trace {
                for (hit, length) in ruleHits where !matchRanges.contains(where: { $0.contains(hit) }) {
                    unexplained.append((ruleIndex, hit, length))
                }
            }
        }

        if kept.isEmpty && !trace { return detection }
        let lines = LineIndex(bytes)
        let allSecrets = kept.map(\.secret).sorted { $0.lowerBound < $1.lowerBound }
        for candidate in resolveOverlaps(kept) {
            detection.findings.append(makeFinding(candidate, bytes, origin, lines, allSecrets))
        }
        detection.findings.sort { $0.location.offset < $1.location.offset }
        if trace {
            for (candidate, reason) in dropped {
                let (line, column) = lines.position(of: candidate.secret.lowerBound)
                let rule = rules[candidate.rule].rule
                detection.trace.append(TraceEvent(
                    path: origin.path, line: line, column: column, ruleID: rule.id,
                    candidate: Array(bytes[candidate.secret]), prefixLength: rule.secretPrefix.utf8.count, reason: reason))
            }
            for item in unexplained {
                let (line, column) = lines.position(of: item.hit)
                let end = min(bytes.count, item.hit + item.length + 24)
                var token = Array(bytes[item.hit..<end])
                if let stop = token.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { token.removeSubrange(stop...) }
                detection.trace.append(TraceEvent(
                    path: origin.path, line: line, column: column, ruleID: rules[item.rule].rule.id,
                    candidate: token, prefixLength: item.length,
                    reason: "keyword found but no pattern matched (value not a literal, or not key-shaped)"))
            }
            detection.trace.sort { ($0.line, $0.column, $0.ruleID) < ($1.line, $1.column, $1.ruleID) }
        }
        return detection
    }

    private func allowlisted(_ value: UnsafeBufferPointer<UInt8>, _ scratch: MatchScratch) -> String? {
        for regex in allowValues where regex.matches(value, scratch: scratch) {
            return "allowlisted by config regex \(regex.pattern)"
        }
        return nil
    }

    private func effectiveSeverity(_ compiled: CompiledRule, _ bytes: UnsafeBufferPointer<UInt8>) -> Severity {
        guard let raised = compiled.rule.contextSeverity,
              compiled.contextLiterals.contains(where: { $0.occurs(in: bytes) })
        else { return compiled.rule.severity }
        return raised
    }

    /// Merged regions around hits, widened to whole lines where that is cheap.
    private func windows(around hits: [(Int, Int)], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (hit, length) in hits {
            var start = max(0, hit - Detector.windowRadius)
            var end = min(bytes.count, hit + length + Detector.windowRadius)
            let startLimit = max(0, start - Detector.lineExtensionLimit)
            while start > startLimit && bytes[start - 1] != 0x0A { start -= 1 }
            let endLimit = min(bytes.count, end + Detector.lineExtensionLimit)
            while end < endLimit && bytes[end] != 0x0A { end += 1 }
            if let last = result.last, start <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    /// One finding per secret span: where rules overlap (a key inside a
    /// header), the more severe one wins, then the earlier rule.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted {
            ($0.severity, -$0.rule) > ($1.severity, -$1.rule)
        }
        var chosen: [Candidate] = []
        for candidate in ordered where !chosen.contains(where: { $0.secret.overlaps(candidate.secret) }) {
            chosen.append(candidate)
        }
        return chosen
    }

    private func makeFinding(
        _ candidate: Candidate, _ bytes: UnsafeBufferPointer<UInt8>, _ origin: Origin, _ lines: LineIndex,
        _ allSecrets: [Range<Int>]
    ) -> Finding {
        let rule = rules[candidate.rule].rule
        let secret = candidate.secret
        let (line, column) = lines.position(of: secret.lowerBound)
        let (endLine, endColumn) = lines.position(of: max(secret.lowerBound, secret.upperBound - 1))
        let lineRange = lines.lineRange(containing: secret.lowerBound)
        let suppressed = Detector.suppressionMarker.occurs(in: UnsafeBufferPointer(rebasing: bytes[lineRange]))
            || Detector.suppressionMarker.occurs(in: UnsafeBufferPointer(rebasing: bytes[lines.lineRange(containing: candidate.match.lowerBound)]))
        let value = Array(bytes[secret])
        return Finding(
            ruleID: rule.id, severity: candidate.severity, origin: origin,
            location: Location(line: line, column: column, endLine: endLine, endColumn: endColumn, offset: secret.lowerBound),
            secret: value, secretPrefixLength: value.starts(with: rule.secretPrefix.utf8) ? rule.secretPrefix.utf8.count : 0,
            fingerprint: Fingerprint(ruleID: rule.id, secret: value),
            message: rule.message, remediation: rule.remediation,
            snippet: snippet(secret, lineRange, bytes, allSecrets), suppressed: suppressed)
    }

    private func snippet(_ secret: Range<Int>, _ line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ allSecrets: [Range<Int>]) -> Snippet {
        var window = line
        var lineEnd = line.upperBound
        if lineEnd > line.lowerBound && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        window = line.lowerBound..<lineEnd
        if window.count > Detector.snippetMaxLine {
            window = max(line.lowerBound, secret.lowerBound - Detector.snippetContext)..<min(lineEnd, max(secret.upperBound, secret.lowerBound) + Detector.snippetContext)
        }
        let clippedSecret = max(secret.lowerBound, window.lowerBound)..<min(secret.upperBound, window.upperBound)
        var spans: [Range<Int>] = []
        for other in allSecrets where other.overlaps(window) {
            let clipped = (max(other.lowerBound, window.lowerBound) - window.lowerBound)..<(min(other.upperBound, window.upperBound) - window.lowerBound)
            if let last = spans.last, clipped.lowerBound <= last.upperBound {
                spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, clipped.upperBound)
            } else {
                spans.append(clipped)
            }
        }
        return Snippet(
            bytes: Array(bytes[window]),
            primary: (clippedSecret.lowerBound - window.lowerBound)..<(clippedSecret.upperBound - window.lowerBound),
            secrets: spans, truncatedStart: window.lowerBound > line.lowerBound, truncatedEnd: window.upperBound < lineEnd)
    }
}
