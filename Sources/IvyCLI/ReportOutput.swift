import IvyReporting

/// One report a run writes: a format and a file, or standard output. A run
/// can write several (`-o a.sarif -o b.json`, `--report junit=c.xml`), so
/// CI gets every format it uploads from a single scan.
struct ReportOutput: Equatable {
    var format: ReportFormat
    /// nil: standard output.
    var path: String?

    /// `FORMAT=PATH` as given to `--report`; `PATH` `-` is standard output.
    static func parse(_ text: String, command: String) throws(UsageError) -> ReportOutput {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
            throw UsageError("--report takes FORMAT=PATH (e.g. sarif=ivyscan.sarif), not '\(text)'", command: command)
        }
        let name = String(text[..<equals])
        guard let format = ReportFormat(rawValue: name.lowercased()) else {
            throw UsageError("unknown format '\(name)' in --report; choose \(ReportFormat.choices)", command: command)
        }
        let path = String(text[text.index(after: equals)...])
        return ReportOutput(format: format, path: path == "-" ? nil : path)
    }
}
