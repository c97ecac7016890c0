/// What `git commit` would record: the index against HEAD (or against the
/// empty tree before the first commit), read from git, never the work tree.
public enum StagedChanges {
    /// Added, copied, modified and renamed files; deletions are not content.
    public static func list(_ git: GitCommand) throws(GitError) -> [RawDiffEntry] {
        let process = try git.start([
            "diff", "--cached", "--raw", "-z", "-M", "-C", "--no-abbrev", "--diff-filter=ACMRT",
            "--no-ext-diff", "--no-textconv", "--ignore-submodules=none",
        ])
        var entries: [RawDiffEntry] = []
        while let record = process.stdout.record(terminator: 0) {
            if record.first == UInt8(ascii: ":"),
               let entry = RawDiffEntry.parse(meta: record, nextPath: { process.stdout.record(terminator: 0) }) {
                entries.append(entry)
            }
        }
        try process.finish()
        return entries
    }
}
