import Dispatch

/// Work started now on another thread, its result collected later with `value`. For a stage
/// that needs nothing from the one running beside it: the two share the cores, and the serial
/// stretches of either (a join, a folder listing, a rename) no longer leave a core idle.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before it signals, read only after the wait.
    private var result: Value?
    /// Touched only by the thread that collects the value.
    private var collected = false

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work to finish (once; later calls return the same value).
    public var value: Value {
        if !collected {
            done.wait()
            collected = true
        }
        return result!
    }
}
