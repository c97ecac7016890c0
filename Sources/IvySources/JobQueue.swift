import IvyBasics

/// The walker's shared LIFO of jobs. LIFO keeps the walk depth-first, so the
/// stack stays small; `next()` blocks while other workers may still add work.
final class JobQueue: @unchecked Sendable {
    private let condition = Condition()
    private var jobs: [FileWalker.Job] = []
    private var active = 0

    func push(_ job: FileWalker.Job) {
        condition.lock()
        jobs.append(job)
        condition.unlock()
    }

    /// nil once the stack is empty and no worker is running a job.
    func next() -> FileWalker.Job? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty {
            if active == 0 {
                condition.broadcast()
                return nil
            }
            condition.wait()
        }
        active += 1
        return jobs.removeLast()
    }

    func finish(adding produced: [FileWalker.Job]) {
        condition.lock()
        jobs.append(contentsOf: produced.reversed())
        active -= 1
        if !produced.isEmpty || active == 0 { condition.broadcast() }
        condition.unlock()
    }
}
