/// The fields of a `TemplateValue.object`: a small map from names to values, made for what a
/// page does with it: built once from a handful of keys, then read by many tags.
///
/// Each key carries a cheap hash made when it is added (and, in templates, when the tag is
/// compiled), so a lookup compares integers and checks the key only on a match: no SipHash per
/// lookup as `[String: TemplateValue]` did. Keys are kept sorted by that hash, so a large object
/// (the theme's ~100 UI strings) is searched by halving instead of a scan.
///
/// The entries live in one class instance whose tail holds them; they never move while it is
/// alive, which lets the renderer hold plain pointers into a context it keeps alive itself.
///
/// Sendable by hand: the storage is copied before any change unless this value is its only owner,
/// so storage seen by two threads is never written (`ManagedBuffer` cannot say so itself).
public struct TemplateObject: @unchecked Sendable {
    private var storage: TemplateObjectStorage

    public init() { storage = .make(capacity: 0) }

    public init(minimumCapacity: Int) { storage = .make(capacity: minimumCapacity) }

    public init(_ fields: [String: TemplateValue]) {
        self.init(minimumCapacity: fields.count)
        for (key, value) in fields { self[key] = value }
    }

    public var count: Int { storage.withParts { header, _, _ in header.pointee.count } }
    public var isEmpty: Bool { count == 0 }

    public subscript(key: String) -> TemplateValue? {
        get { Self.lookup(storage, hash: TemplateKey.hash(key), key: key)?.pointee }
        set { set(key, hash: TemplateKey.hash(key), to: newValue) }
    }

    /// Every key and value, in no particular order.
    public var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [:]
        storage.withParts { header, _, entries in
            fields.reserveCapacity(header.pointee.count)
            for index in 0..<header.pointee.count { fields[entries[index].key] = entries[index].value }
        }
        return fields
    }

    /// Where the value under a key of the object at `value` sits (nothing if it is not an
    /// object), valid while that object is alive and unchanged. Reads the object in place: a copy
    /// would touch its reference count, which every thread rendering a page that shows it shares.
    @inline(__always)
    static func pointer(in value: UnsafePointer<TemplateValue>, hash: Int, key: String) -> UnsafePointer<TemplateValue>? {
        guard case .object(let object) = value.pointee else { return nil }
        return lookup(object.storage, hash: hash, key: key)
    }

    @inline(__always)
    private static func lookup(_ storage: TemplateObjectStorage, hash: Int, key: String) -> UnsafePointer<TemplateValue>? {
        storage.withParts { header, hashes, entries in
            // Most misses (a name looked for in each object down the stack) end here, without
            // reading the keys.
            guard header.pointee.mayContain(hash) else { return nil }
            guard let index = find(hash: hash, key: key, hashes: hashes, entries: entries, count: header.pointee.count) else {
                return nil
            }
            return UnsafeRawPointer(entries + index).assumingMemoryBound(to: TemplateValue.self)
        }
    }

    /// Objects up to this size are scanned; larger ones are searched by halving.
    private static let scanLimit = 16

    private static func find(hash: Int, key: String, hashes: UnsafeMutablePointer<Int>,
                             entries: UnsafeMutablePointer<TemplateObjectStorage.Entry>, count: Int) -> Int? {
        var index = count > scanLimit ? firstIndex(notBelow: hash, in: hashes, count: count) : 0
        while index < count {
            let candidate = hashes[index]
            if candidate == hash {
                if entries[index].key == key { return index }
            } else if candidate > hash {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func firstIndex(notBelow hash: Int, in hashes: UnsafeMutablePointer<Int>, count: Int) -> Int {
        var lower = 0, upper = count
        while lower < upper {
            let middle = (lower + upper) >> 1
            if hashes[middle] < hash { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }

    mutating func set(_ key: String, hash: Int, to value: TemplateValue?) {
        let (count, capacity) = storage.withParts { header, _, _ in (header.pointee.count, header.pointee.capacity) }
        if !isKnownUniquelyReferenced(&storage) || (value != nil && count == capacity) {
            storage = storage.copy(capacity: Swift.max(count == capacity ? count * 2 : capacity, 4))
        }
        storage.withParts { header, hashes, entries in
            var index = Self.firstIndex(notBelow: hash, in: hashes, count: count)
            while index < count, hashes[index] == hash, entries[index].key != key { index += 1 }
            let found = index < count && hashes[index] == hash
            switch (found, value) {
            case (true, let value?):
                entries[index].value = value
            case (true, nil):
                (entries + index).deinitialize(count: 1)
                (entries + index).moveInitialize(from: entries + index + 1, count: count - index - 1)
                (hashes + index).moveInitialize(from: hashes + index + 1, count: count - index - 1)
                header.pointee.count = count - 1
            case (false, let value?):
                (entries + index + 1).moveInitialize(from: entries + index, count: count - index)
                (hashes + index + 1).moveInitialize(from: hashes + index, count: count - index)
                (entries + index).initialize(to: .init(value: value, key: key))
                hashes[index] = hash
                header.pointee.count = count + 1
                header.pointee.add(hash)
            case (false, nil):
                break
            }
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
