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
    private var nextWaiter = 0
    private let lock = NSLock()

    var current: Snapshot { lock.withLock { snapshot } }

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
            Task {
                try? await Task.sleep(for: timeout)
                self.resume(id)
            }
        }
    }

    private func resume(_ id: Int) {
        let (waiter, value) = lock.withLock { (waiters.removeValue(forKey: id), snapshot) }
        waiter?.resume(returning: value)
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        let (woken, value): ([CheckedContinuation<Snapshot, Never>], Snapshot) = lock.withLock {
            change(&snapshot)
            snapshot.version += 1
            defer { waiters = [:] }
            return (Array(waiters.values), snapshot)
        }
        for waiter in woken { waiter.resume(returning: value) }
    }
}
