/// Packed tokens (`TokenKey`, never 0) numbered 0, 1, 2… in first-seen order, in an
/// open-addressing table over raw memory. Indexing looks up two keys per character of the site;
/// a `Dictionary`, arrays with their bounds and uniqueness checks, or a class with its dynamic
/// exclusivity checks made that the slowest part of the build. Non-copyable, so the memory has
/// one owner and is freed with it.
struct KeyTable: ~Copyable {
    /// Number → key.
    private(set) var keys: [UInt64] = []
    private var slotKeys: UnsafeMutablePointer<UInt64>
    private var slotNumbers: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var shift: UInt64

    init(capacityBits: Int = 12) {
        capacity = 1 << capacityBits
        shift = UInt64(64 - capacityBits)
        slotKeys = .allocate(capacity: capacity)
        slotKeys.initialize(repeating: 0, count: capacity)
        slotNumbers = .allocate(capacity: capacity)
        slotNumbers.initialize(repeating: 0, count: capacity)
    }

    deinit {
        slotKeys.deallocate()
        slotNumbers.deallocate()
    }

    var count: Int { keys.count }

    /// The key's number, given it if it is new.
    @inline(__always)
    mutating func number(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let present = slotKeys[slot]
            if present == key { return Int(slotNumbers[slot]) }
            if present == 0 { break }
            slot = (slot + 1) & (capacity - 1)
        }
        if keys.count * 2 >= capacity {
            grow()
            return number(of: key)
        }
        slotKeys[slot] = key
        slotNumbers[slot] = Int32(keys.count)
        keys.append(key)
        return keys.count - 1
    }

    private mutating func grow() {
        let old = keys
        slotKeys.deallocate()
        slotNumbers.deallocate()
        capacity *= 2
        shift -= 1
        slotKeys = .allocate(capacity: capacity)
        slotKeys.initialize(repeating: 0, count: capacity)
        slotNumbers = .allocate(capacity: capacity)
        slotNumbers.initialize(repeating: 0, count: capacity)
        keys.removeAll(keepingCapacity: true)
        for key in old { _ = number(of: key) }
    }
}
