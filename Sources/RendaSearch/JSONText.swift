/// Just enough JSON writing for the index: strings escaped byte by byte, keys in the order
/// written, so the same input always gives the same bytes (Foundation's encoder sorts or
/// escapes differently across platforms and is slow on megabytes of Chinese text).
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(reserving capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Runs of plain bytes are copied whole: the index writes megabytes of text through here.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { utf8 in
            var runStart = 0
            for (position, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: utf8[runStart..<position])
                runStart = position + 1
                switch byte {
                case 0x22, 0x5C: bytes.append(contentsOf: [0x5C, byte])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            bytes.append(contentsOf: utf8[runStart...])
        }
        bytes.append(0x22)
    }

    /// `"name":"value"`, after a comma unless it opens the object.
    mutating func field(_ name: String, _ value: String, first: Bool = false) {
        key(name, first: first)
        string(value)
    }

    /// `"name":value` for a number, array or object already written as JSON.
    mutating func field(_ name: String, json value: String, first: Bool = false) {
        key(name, first: first)
        raw(value)
    }

    /// `,"name":["a","b"]` after other fields; nothing for an empty list.
    mutating func list(_ name: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        key(name, first: false)
        bytes.append(0x5B)
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(0x2C) }
            string(value)
        }
        bytes.append(0x5D)
    }

    private mutating func key(_ name: String, first: Bool) {
        if !first { bytes.append(0x2C) }
        string(name)
        bytes.append(0x3A)
    }
}
