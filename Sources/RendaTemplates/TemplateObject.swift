/// The fields of a `TemplateValue.object`: a small map from names to values, made for what a
/// page does with it: built once from a handful of keys, then read by many tags.
///
/// Each key carries a cheap hash made when it is added (and, in templates, when the tag is
/// compiled), so a lookup compares integers and checks the key only on a match: no SipHash per
/// lookup as `[String: TemplateValue]` did. Entries are kept sorted by that hash, so a large
/// object (the theme's ~100 UI strings) is searched by halving instead of a scan.
///
/// The entries live in one class instance whose tail holds them; they never move while it is
/// alive, which lets the renderer hold plain pointers into a context it keeps alive itself.
///
/// Sendable by hand: the storage is copied before any change unless this value is its only owner,
/// so storage seen by two threads is never written (`ManagedBuffer` cannot say so itself).
public struct TemplateObject: @unchecked Sendable {
    /// The value first: Swift lays out a struct's fields in declaration order, so a pointer to
    /// an entry is a pointer to its value, which is what the renderer keeps.
    struct Entry {
        var value: TemplateValue
        let hash: Int
        let key: String
    }

    private var storage: Storage

    public init() { storage = Storage.make(capacity: 0) }

    public init(minimumCapacity: Int) { storage = Storage.make(capacity: minimumCapacity) }

    public init(_ fields: [String: TemplateValue]) {
        self.init(minimumCapacity: fields.count)
        for (key, value) in fields { self[key] = value }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { count == 0 }

    public subscript(key: String) -> TemplateValue? {
        get {
            let hash = TemplateKey.hash(key)
            return storage.withEntries { entries, count in
                Self.find(hash: hash, key: key, in: UnsafePointer(entries), count: count).map { entries[$0].value }
            }
        }
        set { set(key, hash: TemplateKey.hash(key), to: newValue) }
    }

    /// Every key and value, in no particular order.
    public var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [:]
        fields.reserveCapacity(count)
        storage.withEntries { entries, count in
            for index in 0..<count { fields[entries[index].key] = entries[index].value }
        }
        return fields
    }

    // MARK: - For the renderer

    /// Where the value under a key of the object at `value` sits (nothing if it is not an
    /// object), valid while that object is alive and unchanged. Reads the object in place: a copy
    /// would touch its reference count, which every thread rendering a page that shows it shares.
    @inline(__always)
    static func pointer(in value: UnsafePointer<TemplateValue>, hash: Int, key: String) -> UnsafePointer<TemplateValue>? {
        guard case .object(let object) = value.pointee else { return nil }
        return object.storage.withEntries { entries, count in
            guard let index = find(hash: hash, key: key, in: UnsafePointer(entries), count: count) else { return nil }
            return UnsafeRawPointer(entries + index).assumingMemoryBound(to: TemplateValue.self)
        }
    }

    // MARK: - Storage

    /// Objects up to this size are scanned; larger ones are searched by halving.
    private static let scanLimit = 12

    private static func find(hash: Int, key: String, in entries: UnsafePointer<Entry>, count: Int) -> Int? {
        var index = 0
        if count > scanLimit {
            var upper = count
            while index < upper {
                let middle = (index + upper) >> 1
                if entries[middle].hash < hash { index = middle + 1 } else { upper = middle }
            }
        }
        while index < count {
            let candidate = entries[index].hash
            if candidate == hash {
                if entries[index].key == key { return index }
            } else if candidate > hash {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Where an entry with `hash` belongs in the sorted order, and whether `key` is already there.
    private static func slot(hash: Int, key: String, in entries: UnsafePointer<Entry>, count: Int) -> (index: Int, found: Bool) {
        var lower = 0, upper = count
        while lower < upper {
            let middle = (lower + upper) >> 1
            if entries[middle].hash < hash { lower = middle + 1 } else { upper = middle }
        }
        var index = lower
        while index < count, entries[index].hash == hash {
            if entries[index].key == key { return (index, true) }
            index += 1
        }
        return (index, false)
    }

    mutating func set(_ key: String, hash: Int, to value: TemplateValue?) {
        let (count, capacity) = storage.withUnsafeMutablePointerToHeader { $0.pointee }
        if !isKnownUniquelyReferenced(&storage) || (value != nil && count == capacity) {
            storage = storage.copy(capacity: Swift.max(count == capacity ? count * 2 : capacity, 4))
        }
        storage.withUnsafeMutablePointers { header, entries in
            let (index, found) = Self.slot(hash: hash, key: key, in: UnsafePointer(entries), count: count)
            switch (found, value) {
            case (true, let value?):
                entries[index].value = value
            case (true, nil):
                (entries + index).deinitialize(count: 1)
                (entries + index).moveInitialize(from: entries + index + 1, count: count - index - 1)
                header.pointee.count = count - 1
            case (false, let value?):
                (entries + index + 1).moveInitialize(from: entries + index, count: count - index)
                (entries + index).initialize(to: Entry(value: value, hash: hash, key: key))
                header.pointee.count = count + 1
            case (false, nil):
                break
            }
        }
    }

    /// The entries fill the first `count` slots of the tail; `capacity` is kept here because
    /// `ManagedBuffer.capacity` asks the allocator every time.
    final class Storage: ManagedBuffer<(count: Int, capacity: Int), Entry> {
        static func make(capacity: Int) -> Storage {
            assert(MemoryLayout<Entry>.offset(of: \Entry.value) == 0, "the renderer reads entries as values")
            return unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in (0, capacity) }, to: Storage.self)
        }

        func copy(capacity: Int) -> Storage {
            let copy = Storage.make(capacity: capacity)
            withEntries { source, count in
                copy.withUnsafeMutablePointers { header, entries in
                    entries.initialize(from: source, count: count)
                    header.pointee.count = count
                }
            }
            return copy
        }

        var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

        /// The entries and their number, read through pointers: reading `header` itself makes a
        /// dynamic exclusivity check on every lookup.
        @inline(__always)
        func withEntries<R>(_ body: (UnsafeMutablePointer<Entry>, Int) -> R) -> R {
            withUnsafeMutablePointers { header, entries in body(entries, header.pointee.count) }
        }

        deinit {
            _ = withUnsafeMutablePointers { header, entries in entries.deinitialize(count: header.pointee.count) }
        }
    }
}

extension TemplateObject: Equatable {
    /// The same keys with equal values, whatever order they were added in.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.storage === rhs.storage { return true }
        return lhs.fields == rhs.fields
    }
}

/// The hash objects and templates agree on: FNV-1a over the key's UTF-8, cheap for the short
/// ASCII names templates use and stable, so a template can hash its names once when compiled.
enum TemplateKey {
    static func hash(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return Int(bitPattern: UInt(hash))
        }
    }
}
