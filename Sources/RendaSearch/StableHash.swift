/// A 64-bit content hash that is the same on every machine and run: FNV-1a's constants over
/// eight bytes at a time (read little-endian), so hashing the whole index costs little.
struct StableHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var hash = value
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                hash = (hash ^ word) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < buffer.count {
                hash = (hash ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            value = hash
        }
    }

    /// Folds another hash in.
    mutating func add(_ other: UInt64) {
        value = (value ^ other) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
    }

    var hex: String {
        let text = String(value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
