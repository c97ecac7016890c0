import IvyModel

/// Receives what the walker produced. Called concurrently from worker
/// threads; `worker` (0..<threads) lets the receiver keep per-worker state
/// without locks.
public protocol FileVisitor: Sendable {
    /// The file's bytes are only valid during the call.
    func scan(_ file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, worker: Int)
    func skipped(_ file: SkippedFile, worker: Int)
    func problem(_ problem: ScanProblem, worker: Int)
}
