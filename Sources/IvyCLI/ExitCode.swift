/// The process exit statuses, documented in `ivyscan help scan` and the README.
public enum ExitCode: Int32, Sendable {
    /// Scan complete, nothing at or above `--fail-on`.
    case clean = 0
    /// Findings at or above `--fail-on` (changed with `--exit-code N`).
    case findings = 1
    /// Bad arguments or configuration.
    case usage = 2
    /// Part of the input could not be scanned (only with `--strict`), or the report could not be written.
    case incomplete = 3
}
