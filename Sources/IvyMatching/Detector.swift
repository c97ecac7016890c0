import IvyModel

/// Turns a fragment's bytes into findings: literal prefilter, PCRE2 on the
/// regions around keyword hits, candidate filters, then overlap resolution.
/// Keys hidden by base64, percent-encoding or escapes are found by decoding
/// the tokens around cheap literal triggers and detecting inside them.
///
/// Knows nothing of files or git: callers hand it bytes and an `Origin`.
public final class Detector: Sendable {
    public let rules: [CompiledRule]
    private let keywords: [Literal]
    /// Keywords first (same indices as `keywords`), then `triggers`: one search for both.
    private let literals: LiteralSet
    private let triggers: [EncodedTrigger]
    private let allowValues: [PCRE2Regex]
    private static let suppressionMarker = Literal("ivyscan:allow")

    /// Decodings nest at most this deep: base64 of a percent-encoded key is 2,
    /// base64 of base64 of base64 is not looked into.
    static let maxDecodingDepth = 2
    /// Encoded tokens longer than this are not decoded (a key's base64 is
    /// under 200 bytes; a whole Basic header or docker config fits easily).
    public static let maxEncodedTokenLength = 4096
    /// Bytes decoded per fragment at most, so a file full of triggers cannot
    /// stall a worker; past it the scan is marked incomplete.
    static let decodeBudget = 1 << 20

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
    /// - Parameter decodeEncodedKeys: also look for keys of rules with a
    ///   `secretPrefix` inside base64, percent-encoded and escaped text.
    public init(rules: [Rule], allowValues: [String] = [], decodeEncodedKeys: Bool = true) throws(RuleError) {
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
        var triggers: [EncodedTrigger] = []
        if decodeEncodedKeys {
            for rule in rules where !rule.secretPrefix.isEmpty {
                for trigger in EncodedTrigger.triggers(forPrefix: rule.secretPrefix) where !triggers.contains(trigger) {
                    triggers.append(trigger)
                }
            }
        }
        self.rules = compiled
        self.keywords = keywords
        self.triggers = triggers
        self.literals = LiteralSet(keywords.map { ($0.bytes, false) } + triggers.map { ($0.literal, $0.caseSensitive) })
        self.allowValues = allow
    }

    private struct Candidate {
        var rule: Int
        var match: Range<Int>
        var secret: Range<Int>
        var severity: Severity
        /// For a key found inside an encoded token: the decoded key (`secret`
        /// is then the encoded text's span). nil for plain keys.
        var decoded: [UInt8]? = nil
        /// Decodings that revealed it, outermost first.
        var decoding: [Encoding] = []
        /// Other rules that matched the same secret here: they become
        /// violations of this finding instead of separate lines.
        var absorbed: [(rule: Int, severity: Severity)] = []

        var isEncoded: Bool { decoded != nil }
    }

    /// What matching one buffer (the fragment or a decoded token) produced.
    private struct Pass {
        var kept: [Candidate] = []
        var dropped: [(Candidate, String)] = []
        var unexplained: [(rule: Int, hit: Int, length: Int)] = []
        /// Encoded tokens that were not decoded or held nothing, for `--trace`.
        var tokens: [(span: Range<Int>, sample: [UInt8], reason: String)] = []
        var limitExceeded = false
    }

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, origin: Origin, scratch: MatchScratch, trace: Bool = false) -> Detection {
        var detection = Detection()
        let hits = literals.occurrences(in: bytes)
        guard hits.contains(where: { !$0.isEmpty }) else { return detection }

        var pass = Pass()
        var budget = Detector.decodeBudget
        collect(bytes, hits: hits, depth: 0, context: bytes, scratch: scratch, trace: trace, into: &pass, budget: &budget)
        if pass.limitExceeded { detection.limitExceeded = true }
        if pass.kept.contains(where: { !rules[$0.rule].rule.isSecret }) && ReportSignature.isIvyscanReport(bytes) {
            for candidate in pass.kept where !rules[candidate.rule].rule.isSecret {
                pass.dropped.append((candidate, "in an ivyscan report: rule documentation, not code (only secret rules apply)"))
            }
            pass.kept.removeAll { !rules[$0.rule].rule.isSecret }
        }
        let kept = pass.kept

        if kept.isEmpty && !trace { return detection }
        let lines = LineIndex(bytes)
        let allSecrets = kept.map(\.secret).sorted { $0.lowerBound < $1.lowerBound }
        for candidate in resolveOverlaps(kept) {
            detection.findings.append(makeFinding(candidate, bytes, origin, lines, allSecrets))
        }
        detection.findings.sort { $0.location.offset < $1.location.offset }
        if trace {
            for (candidate, reason) in pass.dropped {
                let (line, column) = lines.position(of: candidate.secret.lowerBound)
                let rule = rules[candidate.rule].rule
                let value = candidate.decoded ?? Array(bytes[candidate.secret])
                let why = candidate.isEncoded ? "\(reason) (in \(Detector.chain(candidate.decoding))-decoded text)" : reason
                detection.trace.append(TraceEvent(
                    path: origin.path, line: line, column: column, ruleID: rule.id,
                    candidate: value, prefixLength: value.starts(with: rule.secretPrefix.utf8) ? rule.secretPrefix.utf8.count : 0,
                    reason: why))
            }
            for item in pass.unexplained {
                let (line, column) = lines.position(of: item.hit)
                let end = min(bytes.count, item.hit + item.length + 24)
                var token = Array(bytes[item.hit..<end])
                if let stop = token.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { token.removeSubrange(stop...) }
                detection.trace.append(TraceEvent(
                    path: origin.path, line: line, column: column, ruleID: rules[item.rule].rule.id,
                    candidate: token, prefixLength: item.length,
                    reason: "keyword found but no pattern matched (value not a literal, or not key-shaped)"))
            }
            for token in pass.tokens {
                let (line, column) = lines.position(of: token.span.lowerBound)
                detection.trace.append(TraceEvent(
                    path: origin.path, line: line, column: column, ruleID: "encoded-token",
                    candidate: token.sample, prefixLength: 0, reason: token.reason))
            }
            detection.trace.sort { ($0.line, $0.column, $0.ruleID) < ($1.line, $1.column, $1.ruleID) }
        }
        return detection
    }

    /// Runs the rules on `bytes` (the fragment, or a decoded token at
    /// `depth` > 0), then decodes the encoded tokens around trigger hits.
    private func collect(
        _ bytes: UnsafeBufferPointer<UInt8>, hits: [[Int]], depth: Int, context: UnsafeBufferPointer<UInt8>,
        scratch: MatchScratch, trace: Bool, into pass: inout Pass, budget: inout Int
    ) {
        for (ruleIndex, compiled) in rules.enumerated() {
            var ruleHits: [(Int, Int)] = []
            for index in compiled.keywordIndices {
                ruleHits += hits[index].map { ($0, keywords[index].bytes.count) }
            }
            guard !ruleHits.isEmpty else { continue }
            ruleHits.sort { $0.0 < $1.0 }
            let severity = effectiveSeverity(compiled, context)
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
                            pass.dropped.append((candidate, reason))
                        } else {
                            pass.kept.append(candidate)
                        }
                    }
                    if !complete { pass.limitExceeded = true }
                }
            }
            if trace && depth == 0 {
                for (hit, length) in ruleHits where !matchRanges.contains(where: { $0.contains(hit) }) {
                    pass.unexplained.append((ruleIndex, hit, length))
                }
            }
        }
        if depth < Detector.maxDecodingDepth && !triggers.isEmpty {
            collectEncoded(bytes, hits: hits, depth: depth, context: context, scratch: scratch, trace: trace, into: &pass, budget: &budget)
        }
    }

    /// Decodes each token a trigger points into and detects inside it; keys
    /// found there are reported at the token, with the decoded key as secret.
    private func collectEncoded(
        _ bytes: UnsafeBufferPointer<UInt8>, hits: [[Int]], depth: Int, context: UnsafeBufferPointer<UInt8>,
        scratch: MatchScratch, trace: Bool, into pass: inout Pass, budget: inout Int
    ) {
        var triggerHits: [(offset: Int, trigger: Int)] = []
        for index in triggers.indices {
            for hit in hits[keywords.count + index] { triggerHits.append((hit, index)) }
        }
        guard !triggerHits.isEmpty else { return }
        triggerHits.sort { $0.offset < $1.offset }
        // Tokens already handled; hits come in order, so ones behind are dropped.
        var done: [Range<Int>] = []
        for (hit, index) in triggerHits {
            done.removeAll { $0.upperBound <= hit }
            if done.contains(where: { $0.contains(hit) }) { continue }
            let trigger = triggers[index]
            let range: Range<Int>
            switch EncodedTokenFinder.token(for: trigger, at: hit, in: bytes, limit: Detector.maxEncodedTokenLength) {
            case .tooLong(let long):
                done.append(long)
                if trace {
                    pass.tokens.append((long, Array(bytes[long].prefix(24)),
                        "\(trigger.encoding.name) token of \(long.count)+ bytes not decoded (limit \(Detector.maxEncodedTokenLength))"))
                }
                continue
            case .token(let token):
                range = token
            }
            done.append(range)
            guard budget >= range.count else {
                pass.limitExceeded = true
                return
            }
            budget -= range.count
            let token = UnsafeBufferPointer(rebasing: bytes[range])
            let decoded: Decoded = switch trigger.encoding {
            case .base64: Decoders.base64(token)
            case .percent: Decoders.percent(token)
            case .escape: Decoders.escapes(token)
            case .entity: Decoders.entities(token)
            }
            var inner = Pass()
            decoded.bytes.withUnsafeBufferPointer { decodedBytes in
                let innerHits = literals.occurrences(in: decodedBytes)
                guard innerHits.contains(where: { !$0.isEmpty }) else { return }
                collect(decodedBytes, hits: innerHits, depth: depth + 1, context: context, scratch: scratch, trace: trace, into: &inner, budget: &budget)
                func lift(_ candidate: Candidate) -> Candidate {
                    let span = decoded.sourceRange(of: candidate.secret, tokenLength: range.count)
                    let secret = (range.lowerBound + span.lowerBound)..<(range.lowerBound + span.upperBound)
                    return Candidate(
                        rule: candidate.rule, match: secret, secret: secret, severity: candidate.severity,
                        decoded: candidate.decoded ?? Array(decodedBytes[candidate.secret]),
                        decoding: [trigger.encoding] + candidate.decoding)
                }
                pass.kept += resolveOverlaps(inner.kept).map(lift)
                pass.dropped += inner.dropped.map { (lift($0.0), $0.1) }
                for token in inner.tokens {
                    let span = decoded.sourceRange(of: token.span, tokenLength: range.count)
                    pass.tokens.append(((range.lowerBound + span.lowerBound)..<(range.lowerBound + span.upperBound), token.sample, token.reason))
                }
            }
            if inner.limitExceeded { pass.limitExceeded = true }
            if trace && depth == 0 && inner.kept.isEmpty && inner.dropped.isEmpty && inner.tokens.isEmpty {
                pass.tokens.append((range, Array(bytes[range].prefix(24)), "\(trigger.encoding.name) token decoded, but no key in it"))
            }
        }
    }

    /// "base64 → percent": the decodings in the order they were undone.
    static func chain(_ decoding: [Encoding]) -> String {
        decoding.map(\.name).joined(separator: " → ")
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
    /// header), the more severe one wins, then the earlier rule, then the
    /// one found first (plain before decoded). Different keys decoded from
    /// one base64 token share its span and are all kept; the same key twice
    /// there is one finding.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.enumerated().sorted {
            ($0.element.severity, -$0.element.rule, -$0.offset) > ($1.element.severity, -$1.element.rule, -$1.offset)
        }.map(\.element)
        var chosen: [Candidate] = []
        for candidate in ordered {
            if let index = chosen.firstIndex(where: { Detector.conflict($0, candidate) }) {
                if candidate.rule != chosen[index].rule, !chosen[index].absorbed.contains(where: { $0.rule == candidate.rule }) {
                    chosen[index].absorbed.append((candidate.rule, candidate.severity))
                }
            } else {
                chosen.append(candidate)
            }
        }
        return chosen
    }

    private static func conflict(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        guard lhs.secret.overlaps(rhs.secret) else { return false }
        if let left = lhs.decoded, let right = rhs.decoded, lhs.secret == rhs.secret, left != right {
            return false
        }
        return true
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
        let value = candidate.decoded ?? Array(bytes[secret])
        var finding = Finding(
            ruleID: rule.id, severity: candidate.severity, origin: origin,
            location: Location(line: line, column: column, endLine: endLine, endColumn: endColumn, offset: secret.lowerBound),
            secret: value, secretPrefixLength: value.starts(with: rule.secretPrefix.utf8) ? rule.secretPrefix.utf8.count : 0,
            fingerprint: Fingerprint(ruleID: rule.id, secret: value),
            message: candidate.isEncoded ? Detector.encodedMessage(rule.message, candidate.decoding) : rule.message,
            remediation: rule.remediation,
            snippet: snippet(secret, lineRange, bytes, allSecrets), suppressed: suppressed,
            decoding: candidate.isEncoded ? Detector.chain(candidate.decoding) : nil)
        for (index, severity) in candidate.absorbed {
            let other = rules[index].rule
            finding.add(Violation(ruleID: other.id, severity: severity, message: other.message, remediation: other.remediation))
        }
        return finding
    }

    /// "IvyMail API key, base64-encoded": says what decoding revealed the
    /// key (a rule's "in plain text" no longer holds).
    static func encodedMessage(_ message: String, _ decoding: [Encoding]) -> String {
        let plain = " in plain text"
        let base = message.hasSuffix(plain) ? String(message.dropLast(plain.count)) : message
        guard let outer = decoding.first else { return base }
        if decoding.count == 1 { return "\(base), \(outer.adjective)" }
        return "\(base), encoded twice (decoded \(chain(decoding)))"
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
