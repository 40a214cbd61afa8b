/// The memory behind a `TemplateObject`: one allocation holding a header, then the keys'
/// hashes side by side, then the entries. A lookup reads the header and the hashes (two cache
/// lines for a dozen keys) and touches an entry only for the key it finds.
final class TemplateObjectStorage: ManagedBuffer<TemplateObjectStorage.Header, Int> {
    struct Header {
        var count: Int
        var capacity: Int
        /// One bit per key, chosen by its hash: a key whose bit is clear is not here.
        var keyBits: UInt64 = 0

        func mayContain(_ hash: Int) -> Bool { keyBits & Self.bit(hash) != 0 }
        mutating func add(_ hash: Int) { keyBits |= Self.bit(hash) }
        private static func bit(_ hash: Int) -> UInt64 { 1 &<< (UInt64(UInt(bitPattern: hash)) >> 58) }
    }

    /// The value first: Swift lays out a struct's fields in declaration order, so a pointer to an
    /// entry is a pointer to its value, which is what the renderer keeps.
    struct Entry {
        var value: TemplateValue
        let key: String
    }

    /// How many `Int`s of the tail one entry takes.
    private static let entryWords = MemoryLayout<Entry>.stride / MemoryLayout<Int>.stride

    static func make(capacity: Int) -> TemplateObjectStorage {
        assert(MemoryLayout<Entry>.offset(of: \Entry.value) == 0, "the renderer reads entries as values")
        assert(MemoryLayout<Entry>.stride % MemoryLayout<Int>.stride == 0)
        let storage = unsafeDowncast(create(minimumCapacity: capacity * (1 + entryWords)) { _ in
            Header(count: 0, capacity: capacity)
        }, to: TemplateObjectStorage.self)
        storage.withUnsafeMutablePointerToElements { words in
            _ = UnsafeMutableRawPointer(words + capacity).bindMemory(to: Entry.self, capacity: capacity)
        }
        return storage
    }

    /// The header, the hashes and the entries, through pointers: reading `header` itself makes
    /// a dynamic exclusivity check on every lookup.
    @inline(__always)
    func withParts<R>(_ body: (UnsafeMutablePointer<Header>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Entry>) -> R) -> R {
        withUnsafeMutablePointers { header, words in
            let entries = UnsafeMutableRawPointer(words + header.pointee.capacity).assumingMemoryBound(to: Entry.self)
            return body(header, words, entries)
        }
    }

    func copy(capacity: Int) -> TemplateObjectStorage {
        let copy = Self.make(capacity: capacity)
        withParts { header, hashes, entries in
            copy.withParts { copyHeader, copyHashes, copyEntries in
                let count = header.pointee.count
                copyHashes.initialize(from: hashes, count: count)
                copyEntries.initialize(from: entries, count: count)
                copyHeader.pointee.count = count
                copyHeader.pointee.keyBits = header.pointee.keyBits
            }
        }
        return copy
    }

    deinit {
        withParts { header, _, entries in _ = entries.deinitialize(count: header.pointee.count) }
    }
}
