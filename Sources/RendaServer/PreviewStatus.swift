import Foundation

/// What browsers are told: the number of the last good build and the current errors. Pages ask
/// with the version they last saw and are answered when it changes (long polling: no WebSocket
/// or event-stream support needed in the browser or the server).
final class PreviewStatus: @unchecked Sendable {
    struct Snapshot: Codable, Equatable, Sendable {
        /// Changes whenever anything below changes.
        var version: Int
        /// Counts successful builds; a page from an older build reloads.
        var build: Int
        /// Each problem as `renda check` prints it (`file:line:column: error: …` and its hint).
        var errors: [String]
        /// One line above the errors.
        var headline: String
        /// Files still to be written (for benchmarks and the curious; not part of `version`).
        var queued = 0
    }

    private var snapshot = Snapshot(version: 0, build: 0, errors: [], headline: "")
    private var waiters: [Int: CheckedContinuation<Snapshot, Never>] = [:]
    /// Each waiter's timeout, cancelled when a change answers it first: otherwise every reload
    /// would leave a task asleep for the rest of the poll window.
    private var timers: [Int: Task<Void, Never>] = [:]
    private var nextWaiter = 0
    private let lock = NSLock()

    var current: Snapshot { lock.withLock { snapshot } }

    /// Timeouts still pending (for tests).
    var pendingTimeouts: Int { lock.withLock { timers.count } }

    func built() {
        update { $0.build += 1; $0.errors = []; $0.headline = "" }
    }

    func failed(_ errors: [String], headline: String) {
        update { $0.errors = errors; $0.headline = headline }
    }

    /// The snapshot once its version differs from `version`, or the current one after `timeout`.
    func next(after version: Int, timeout: Duration) async -> Snapshot {
        await withCheckedContinuation { (continuation: CheckedContinuation<Snapshot, Never>) in
            let id: Int? = lock.withLock {
                if snapshot.version != version { return nil }
                nextWaiter += 1
                waiters[nextWaiter] = continuation
                return nextWaiter
            }
            guard let id else { return continuation.resume(returning: current) }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { self.resume(id) }
            }
            // A change may have answered the waiter while the timer was being made.
            let waiting = lock.withLock {
                guard waiters[id] != nil else { return false }
                timers[id] = timer
                return true
            }
            if !waiting { timer.cancel() }
        }
    }

    private func resume(_ id: Int) {
        let (waiter, value) = lock.withLock { () -> (CheckedContinuation<Snapshot, Never>?, Snapshot) in
            timers[id] = nil
            return (waiters.removeValue(forKey: id), snapshot)
        }
        waiter?.resume(returning: value)
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        let (woken, timeouts, value) = lock.withLock {
            change(&snapshot)
            snapshot.version += 1
            defer { waiters = [:]; timers = [:] }
            return (Array(waiters.values), Array(timers.values), snapshot)
        }
        for timeout in timeouts { timeout.cancel() }
        for waiter in woken { waiter.resume(returning: value) }
    }
}
