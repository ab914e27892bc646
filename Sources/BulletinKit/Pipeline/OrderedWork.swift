import Foundation

/// Runs `work` over units pulled one at a time from a source on `workers` threads, and hands
/// the results to the caller in the order the units were pulled, so the output is the same
/// whatever the number of workers.
///
/// At most `window` units are out at once — pulled but not yet taken by the caller — so memory
/// holds a bounded number of inputs and results however long the source is: a mapper reading
/// a 30 GB partition from standard input holds `window` lines, not the partition.
final class OrderedWork<Unit, Result: Sendable>: @unchecked Sendable {
    private let pull: () -> Unit?
    private let work: (Unit) -> Result
    private let window: Int
    private let condition = NSCondition()
    /// Serialises `pull`: the source is read by one worker at a time, apart from `condition`
    /// so that a slow read (a pipe) does not hold back the caller taking results.
    private let sourceLock = NSLock()
    /// Guarded by `sourceLock`: units pulled so far, and whether `pull` said the end.
    private var pulled = 0
    private var sourceDone = false
    /// Guarded by `condition`.
    private var reserved = 0
    private var taken = 0
    private var total: Int? = nil
    private var results: [Int: Result] = [:]
    private var stopping = false
    private let group = DispatchGroup()

    /// - Parameters:
    ///   - pull: the next unit, or nil at the end; called by one thread at a time.
    ///   - work: what a worker does with a unit; called on several threads at once.
    init(window: Int, pull: @escaping () -> Unit?, work: @escaping (Unit) -> Result) {
        self.window = max(1, window)
        self.pull = pull
        self.work = work
    }

    func start(workers: Int) {
        for _ in 0..<max(1, workers) {
            group.enter()
            Thread.detachNewThread { [self] in
                run()
                group.leave()
            }
        }
    }

    private func run() {
        while true {
            condition.lock()
            while !stopping, total == nil, reserved >= taken + window { condition.wait() }
            guard !stopping, total == nil else {
                condition.unlock()
                return
            }
            reserved += 1
            condition.unlock()
            sourceLock.lock()
            let unit = sourceDone ? nil : pull()
            let index = pulled
            if unit != nil { pulled += 1 } else { sourceDone = true }
            sourceLock.unlock()
            guard let unit else {
                condition.lock()
                total = index
                reserved -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let result = work(unit)
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next result in order, waiting for it; nil once the source is exhausted and every
    /// result was taken.
    func next() -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while results[taken] == nil {
            if let total, taken >= total { return nil }
            condition.wait()
        }
        let result = results.removeValue(forKey: taken)!
        taken += 1
        condition.broadcast()
        return result
    }

    /// Stops the workers (after the unit each is on) and waits until they are gone.
    func finish() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        group.wait()
    }
}
