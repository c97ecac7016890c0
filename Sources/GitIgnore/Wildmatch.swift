/// git's `wildmatch()` over bytes, reimplemented so verdicts agree with git
/// bit for bit (including its abort shortcuts, which decide some edge cases).
///
/// Text and pattern ends act like C's NUL terminator: reading past the end
/// yields 0, and neither paths nor patterns contain NUL bytes.
public enum Wildmatch {
    /// `pathname` is git's WM_PATHNAME: `*`, `?` and classes stop at `/`,
    /// and only `**` bounded by slashes crosses directories.
    public static func matches(
        pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, pathname: Bool
    ) -> Bool {
        run(pattern, pattern: 0, at: 0, text, at: 0, pathname: pathname) == .match
    }

    /// String convenience for tests and config code paths that are not hot.
    public static func matches(pattern: String, text: String, pathname: Bool) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        return p.withUnsafeBufferPointer { pb in
            t.withUnsafeBufferPointer { tb in matches(pattern: pb, text: tb, pathname: pathname) }
        }
    }

    /// The four outcomes of git's dowild: the two aborts prune the
    /// backtracking exactly where git prunes it.
    enum Outcome { case match, noMatch, abortAll, abortToStarStar }

    @inline(__always)
    private static func byte(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8 {
        index < buffer.count ? buffer[index] : 0
    }

    /// `*`, `?`, `[` and `\`: the bytes git's sane_ctype marks GIT_GLOB_SPECIAL.
    @inline(__always)
    static func isGlobSpecial(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "*") || c == UInt8(ascii: "?") || c == UInt8(ascii: "[")
            || c == UInt8(ascii: "\\")
    }

    /// `origin` is where this (sub)pattern starts: git tests `prev_p < pattern`
    /// against it to decide whether a `**` is preceded by a boundary.
    static func run(
        _ p: UnsafeBufferPointer<UInt8>, pattern origin: Int, at startP: Int,
        _ t: UnsafeBufferPointer<UInt8>, at startT: Int, pathname: Bool
    ) -> Outcome {
        let slash = UInt8(ascii: "/")
        var pi = startP
        var ti = startT
        while pi < p.count {
            var pc = p[pi]
            let tc = byte(t, ti)
            if ti >= t.count && pc != UInt8(ascii: "*") { return .abortAll }
            switch pc {
            case UInt8(ascii: "?"):
                if pathname && tc == slash { return .noMatch }
            case UInt8(ascii: "*"):
                pi += 1
                let matchSlash: Bool
                if byte(p, pi) == UInt8(ascii: "*") {
                    let before = pi - 2
                    repeat { pi += 1 } while byte(p, pi) == UInt8(ascii: "*")
                    let next = byte(p, pi)
                    let boundedBefore = before < origin || p[before] == slash
                    let boundedAfter = next == 0 || next == slash
                        || (next == UInt8(ascii: "\\") && byte(p, pi + 1) == slash)
                    if boundedBefore && boundedAfter {
                        // "**/" may match zero directories: try the rest right here.
                        if next == slash
                            && run(p, pattern: pi + 1, at: pi + 1, t, at: ti, pathname: pathname) == .match
                        {
                            return .match
                        }
                        matchSlash = true
                    } else {
                        matchSlash = false
                    }
                } else {
                    matchSlash = !pathname
                }
                if pi >= p.count {
                    if !matchSlash && contains(slash, t, from: ti) { return .noMatch }
                    return .match
                }
                if !matchSlash && p[pi] == slash {
                    // A lone "*/" eats the rest of this directory name.
                    guard let next = firstIndex(of: slash, t, from: ti) else { return .noMatch }
                    ti = next + 1
                    pi += 1
                    continue
                }
                var c = tc
                while c != 0 {
                    let literal = p[pi]
                    if !isGlobSpecial(literal) {
                        // Skip ahead to the next occurrence of the literal that follows.
                        while ti < t.count && (matchSlash || t[ti] != slash) && t[ti] != literal {
                            ti += 1
                        }
                        c = byte(t, ti)
                        if c != literal { return .noMatch }
                    }
                    let outcome = run(p, pattern: pi, at: pi, t, at: ti, pathname: pathname)
                    if outcome != .noMatch {
                        if !matchSlash || outcome != .abortToStarStar { return outcome }
                    } else if !matchSlash && c == slash {
                        return .abortToStarStar
                    }
                    ti += 1
                    c = byte(t, ti)
                }
                return .abortAll
            case UInt8(ascii: "["):
                pi += 1
                pc = byte(p, pi)
                if pc == UInt8(ascii: "^") { pc = UInt8(ascii: "!") }
                let negated = pc == UInt8(ascii: "!")
                if negated {
                    pi += 1
                    pc = byte(p, pi)
                }
                var previous: UInt8 = 0
                var matched = false
                repeat {
                    if pc == 0 { return .abortAll }
                    if pc == UInt8(ascii: "\\") {
                        pi += 1
                        pc = byte(p, pi)
                        if pc == 0 { return .abortAll }
                        if tc == pc { matched = true }
                    } else if pc == UInt8(ascii: "-") && previous != 0 && byte(p, pi + 1) != 0
                        && byte(p, pi + 1) != UInt8(ascii: "]")
                    {
                        pi += 1
                        pc = p[pi]
                        if pc == UInt8(ascii: "\\") {
                            pi += 1
                            pc = byte(p, pi)
                            if pc == 0 { return .abortAll }
                        }
                        if tc <= pc && tc >= previous { matched = true }
                        pc = 0  // a range end cannot start another range
                    } else if pc == UInt8(ascii: "[") && byte(p, pi + 1) == UInt8(ascii: ":") {
                        pi += 2
                        let nameStart = pi
                        while byte(p, pi) != 0 && p[pi] != UInt8(ascii: "]") { pi += 1 }
                        if pi >= p.count { return .abortAll }
                        let nameLength = pi - nameStart - 1
                        if nameLength < 0 || p[pi - 1] != UInt8(ascii: ":") {
                            // No ":]": the "[" was an ordinary member.
                            pi = nameStart - 2
                            pc = UInt8(ascii: "[")
                            if tc == pc { matched = true }
                        } else {
                            let name = UnsafeBufferPointer(rebasing: p[nameStart..<(nameStart + nameLength)])
                            guard let isMember = CharacterClass(name) else { return .abortAll }
                            if isMember.contains(tc) { matched = true }
                            pc = 0
                        }
                    } else if tc == pc {
                        matched = true
                    }
                    previous = pc
                    pi += 1
                    pc = byte(p, pi)
                } while pc != UInt8(ascii: "]")
                if matched == negated || (pathname && tc == slash) { return .noMatch }
            case UInt8(ascii: "\\"):
                // A trailing backslash compares against NUL and so never matches.
                pi += 1
                if tc != byte(p, pi) { return .noMatch }
            default:
                if tc != pc { return .noMatch }
            }
            pi += 1
            ti += 1
        }
        return ti < t.count ? .noMatch : .match
    }

    @inline(__always)
    private static func firstIndex(of c: UInt8, _ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < t.count {
            if t[i] == c { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private static func contains(_ c: UInt8, _ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        firstIndex(of: c, t, from: start) != nil
    }
}

extension Wildmatch {
    /// POSIX bracket classes as git defines them: ASCII only, and `space` is
    /// git's own (tab, LF, CR, space; not VT or FF).
    enum CharacterClass {
        case alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit

        init?(_ name: UnsafeBufferPointer<UInt8>) {
            switch String(decoding: name, as: UTF8.self) {
            case "alnum": self = .alnum
            case "alpha": self = .alpha
            case "blank": self = .blank
            case "cntrl": self = .cntrl
            case "digit": self = .digit
            case "graph": self = .graph
            case "lower": self = .lower
            case "print": self = .print
            case "punct": self = .punct
            case "space": self = .space
            case "upper": self = .upper
            case "xdigit": self = .xdigit
            default: return nil
            }
        }

        func contains(_ c: UInt8) -> Bool {
            let isUpper = c >= 0x41 && c <= 0x5A
            let isLower = c >= 0x61 && c <= 0x7A
            let isDigit = c >= 0x30 && c <= 0x39
            switch self {
            case .alnum: return isUpper || isLower || isDigit
            case .alpha: return isUpper || isLower
            case .blank: return c == 0x20 || c == 0x09
            case .cntrl: return c < 0x20 || c == 0x7F
            case .digit: return isDigit
            case .graph: return c > 0x20 && c < 0x7F
            case .lower: return isLower
            case .print: return c >= 0x20 && c < 0x7F
            case .punct: return c > 0x20 && c < 0x7F && !(isUpper || isLower || isDigit)
            case .space: return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
            case .upper: return isUpper
            case .xdigit: return isDigit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
            }
        }
    }
}
