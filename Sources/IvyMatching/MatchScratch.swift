import CPCRE2

/// Per-worker PCRE2 state: match data, a match context with limits, and a JIT
/// stack. Reused for every match a worker runs; never shared between threads.
public final class MatchScratch {
    static let pairCapacity = 64
    static let unset = ivy_pcre2_unset()
    /// Caps backtracking so a pathological line cannot stall a worker.
    static let matchLimit: UInt32 = 1_000_000
    static let depthLimit: UInt32 = 10_000

    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?

    public init() {
        matchData = pcre2_match_data_create_8(UInt32(MatchScratch.pairCapacity), nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, MatchScratch.matchLimit)
        pcre2_set_depth_limit_8(context, MatchScratch.depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
