/// The files each commit changed, read as a stream from one git process
/// (`diff-tree --stdin` for ranges, `log` for history), never as patches:
/// ivyscan reads blobs, so it needs ids, not diffs.
public enum CommitChanges {
    /// Format of the commit header line; \u{1} marks its start among -z records.
    static let format = "--format=%x01%H%x00%P%x00%at%x00%an <%ae>"

    /// For each commit (in the order given), its changed files against every
    /// parent at once (`-c`: for a merge, only files that differ from all
    /// parents, so a key a merge introduced is seen once, at the merge).
    public static func diffTree(
        _ git: GitCommand, commits: [String], _ body: (CommitInfo, RawDiffEntry) -> Void
    ) throws(GitError) -> Int {
        guard !commits.isEmpty else { return 0 }
        let process = try git.start([
            "diff-tree", "--stdin", "-r", "-c", "-M", "--root", "--raw", "-z", "--no-abbrev",
            "--no-ext-diff", "--no-textconv", format,
        ], stdin: true)
        process.writeInputInBackground(Array(commits.joined(separator: "\n").utf8) + [0x0A])
        let count = parse(process.stdout, body)
        try process.finish()
        return count
    }

    /// Every commit of `git log` with the given revision arguments, each
    /// with its changed files against each parent (`-m`), so every blob that
    /// was ever part of a commit is listed at least once.
    public static func log(
        _ git: GitCommand, revisions: [String], _ body: (CommitInfo, RawDiffEntry) -> Void
    ) throws(GitError) -> Int {
        let process = try git.start([
            "log", "--reverse", "--topo-order", "-m", "-r", "--raw", "-z", "--no-abbrev", "--no-renames",
            "--no-ext-diff", "--no-textconv", format,
        ] + selection(revisions) + ["--"])
        let count = parse(process.stdout, body)
        try process.finish()
        return count
    }

    /// `--all` stays an option; anything else is a revision after
    /// `--end-of-options`, so it can never be read as an option.
    static func selection(_ revisions: [String]) -> [String] {
        revisions == ["--all"] ? ["--all"] : ["--end-of-options"] + revisions
    }

    /// Parses interleaved commit headers and raw entries; returns the number
    /// of commits seen.
    static func parse(_ stream: ByteStream, _ body: (CommitInfo, RawDiffEntry) -> Void) -> Int {
        var current: CommitInfo?
        var commits = 0
        var seen = Set<String>()
        while var record = stream.record(terminator: 0) {
            // A header: \x01id \0 parents \0 time \0 author, possibly preceded
            // by the newline that ends the previous commit's entries.
            while record.first == 0x0A { record.removeFirst() }
            if record.first == 0x01 {
                let id = String(decoding: record.dropFirst(), as: UTF8.self)
                let parents = String(decoding: stream.record(terminator: 0) ?? [], as: UTF8.self)
                let time = Int(String(decoding: stream.record(terminator: 0) ?? [], as: UTF8.self)) ?? 0
                var author = stream.record(terminator: 0) ?? []
                // The header ends with a newline before the first entry.
                if let newline = author.firstIndex(of: 0x0A) {
                    let rest = Array(author[(newline + 1)...])
                    author = Array(author[..<newline])
                    current = CommitInfo(id: id, parents: parents.split(separator: " ").map(String.init),
                                         author: String(decoding: author, as: UTF8.self), date: time)
                    if seen.insert(id).inserted { commits += 1 }
                    if rest.first == UInt8(ascii: ":"), let commit = current,
                       let entry = RawDiffEntry.parse(meta: rest, nextPath: { stream.record(terminator: 0) }) {
                        body(commit, entry)
                    }
                    continue
                }
                current = CommitInfo(id: id, parents: parents.split(separator: " ").map(String.init),
                                     author: String(decoding: author, as: UTF8.self), date: time)
                if seen.insert(id).inserted { commits += 1 }
                continue
            }
            if record.first == UInt8(ascii: ":"), let commit = current,
               let entry = RawDiffEntry.parse(meta: record, nextPath: { stream.record(terminator: 0) }) {
                body(commit, entry)
            }
        }
        return commits
    }
}
