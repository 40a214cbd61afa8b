/// Packed tokens (`TokenKey`, never 0) numbered 0, 1, 2… in first-seen order, in an
/// open-addressing table over raw memory. Indexing looks up a key for every pair of characters
/// of the site; a `Dictionary`, arrays with their bounds and uniqueness checks, or a class with its
/// dynamic exclusivity checks made that the slowest part of the build. A slot holds the key and
/// its number side by side, so a lookup touches one cache line. Non-copyable, so the memory has one
/// owner and is freed with it.
struct KeyTable: ~Copyable {
    private struct Slot {
        var key: UInt64
        var number: Int
    }

    /// Number → key.
    private(set) var keys: [UInt64] = []
    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var shift: UInt64

    init(capacityBits: Int = 12) {
        capacity = 1 << capacityBits
        shift = UInt64(64 - capacityBits)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, number: 0), count: capacity)
    }

    deinit {
        slots.deallocate()
    }

    var count: Int { keys.count }

    /// The key's number, given it if it is new.
    @inline(__always)
    mutating func number(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let present = slots[slot].key
            if present == key { return slots[slot].number }
            if present == 0 { break }
            slot = (slot + 1) & (capacity - 1)
        }
        return insert(key, at: slot)
    }

    /// A new key, in the empty slot its lookup ended at. Kept out of line so the lookup, which
    /// nearly always finds its key, inlines into the tokenizer's loop.
    @inline(never)
    private mutating func insert(_ key: UInt64, at slot: Int) -> Int {
        if keys.count * 2 >= capacity {
            grow()
            return number(of: key)
        }
        slots[slot] = Slot(key: key, number: keys.count)
        keys.append(key)
        return keys.count - 1
    }

    private mutating func grow() {
        let old = keys
        slots.deallocate()
        capacity *= 2
        shift -= 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, number: 0), count: capacity)
        keys.removeAll(keepingCapacity: true)
        for key in old { _ = number(of: key) }
    }
}
