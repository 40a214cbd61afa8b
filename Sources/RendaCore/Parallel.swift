import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, keeping the input's order so output stays deterministic.
    public func parallelMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (slots.baseAddress! + index).initialize(to: work(self[index]))
                }
            }
            initialized = count
        }
    }
}
