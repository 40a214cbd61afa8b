/// The start of a web address typed wrong, so that neither a browser nor the build sees an
/// address: `https：//` with the Chinese input method's colon, `https；//` with its semicolon,
/// `https//` without the colon, `https:/` with one slash, `https:\\` with backslashes, and the
/// whole start typed in full-width mode (`ｈｔｔｐｓ：／／`) or with the input method's 、 for
/// the slash (`https：、、`). Such text is neither linked nor opened when a reader copies it.
public struct MistypedAddressStart: Sendable, Equatable {
    /// As the file has it: `ｈｔｔｐｓ：／／`.
    public var typed: String
    /// `https://` or `http://`.
    public var right: String

    public init(typed: String, right: String) {
        self.typed = typed
        self.right = right
    }

    /// What is wrong with it, in the words of the 写作指南.
    public var mistake: String {
        if typed.unicodeScalars.contains(where: { $0.value >= 0xFF00 && $0.value <= 0xFFEF }) || typed.contains("、") {
            return "网址要在英文输入法下输入：中文输入法打出的“：”“／”“、”和全角字母都不是网址。"
        } else if typed.contains(";") {
            return "冒号误打成了分号。"
        } else if typed.contains("\\") {
            return "斜杠要向右斜（/），不是反斜杠（\\）。"
        } else if !typed.contains(":") {
            return "\(right.dropLast(3)) 后面少了冒号。"
        } else {
            return "冒号后面是两个斜杠。"
        }
    }

    /// A link destination that starts with a mistyped address start, and the destination mended.
    public static func atStart(of destination: String) -> (start: MistypedAddressStart, mended: String)? {
        let bytes = Array(destination.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (MistypedAddressStart, String)? in
            var runStart = 0
            while runStart < buffer.count, !isSlashLike(buffer, at: runStart).isSlash { runStart += 1 }
            guard runStart < buffer.count, let (range, found) = match(buffer, runStart: runStart), range.lowerBound == 0 else { return nil }
            return (found, found.right + String(decoding: buffer[range.upperBound...], as: UTF8.self))
        }
    }

    /// The mistyped start whose ASCII slashes begin at `slash` (`https//`, `ｈｔｔｐｓ://`), for a
    /// caller passing over a text's slashes already (`BareURLs`): nil inside a run of slashes.
    public static func atSlash(_ slash: Int, in bytes: UnsafeBufferPointer<UInt8>) -> MistypedAddressStart? {
        guard slash == 0 || bytes[slash - 1] != 0x2F else { return nil }
        return match(bytes, runStart: slash)?.1
    }

    /// The first mistyped start whose slashes or colon are full-width (`https：//`, `https：、、`,
    /// `ｈｔｔｐｓ：／／`). Asked of every text node of every page: the lead byte 0xEF of `：`, `；`
    /// and `／` is found with `memchr`, and each stop is a few byte comparisons.
    public static func firstFullWidth(in bytes: UnsafeBufferPointer<UInt8>) -> MistypedAddressStart? {
        var offset = 0
        while let lead = bytes.firstIndex(of: 0xEF, from: offset) {
            offset = lead + 1
            guard lead + 2 < bytes.count, bytes[lead + 1] == 0xBC else { continue }
            switch bytes[lead + 2] {
            case 0x9A, 0x9B:   // ： or ；, then the slashes.
                if let (_, found) = match(bytes, runStart: lead + 3) { return found }
            case 0x8F:         // ／ with no colon before it.
                if let (_, found) = match(bytes, runStart: lead) { return found }
            default:
                continue
            }
        }
        return nil
    }

    /// The mistyped start whose slashes begin at `runStart`: `http` or `https` (in either width
    /// and case) right before, then perhaps a colon, then one to three slashes of any kind.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, runStart: Int) -> (Range<Int>, MistypedAddressStart)? {
        var runEnd = runStart, slashes = 0
        while slashes < 3, runEnd < bytes.count {
            let (isSlash, length) = isSlashLike(bytes, at: runEnd)
            guard isSlash else { break }
            runEnd += length
            slashes += 1
        }
        guard slashes > 0 else { return nil }
        var cursor = runStart
        var hasColon = false
        if cursor >= 1, bytes[cursor - 1] == 0x3A || bytes[cursor - 1] == 0x3B {
            cursor -= 1
            hasColon = true
        } else if cursor >= 3, bytes[cursor - 3] == 0xEF, bytes[cursor - 2] == 0xBC, bytes[cursor - 1] == 0x9A || bytes[cursor - 1] == 0x9B {
            cursor -= 3
            hasColon = true
        }
        // `https/`, `http／`: too little of an address to be sure of.
        guard hasColon || slashes >= 2 else { return nil }
        var secure = false
        if let (letter, start) = letter(before: cursor, in: bytes), letter == UInt8(ascii: "s") {
            secure = true
            cursor = start
        }
        for expected in "ptth".utf8 {
            guard let (letter, start) = letter(before: cursor, in: bytes), letter == expected else { return nil }
            cursor = start
        }
        // `xhttp//` is not an address start.
        if cursor > 0, bytes[cursor - 1] < 0x80, isASCIILetterOrDigit(bytes[cursor - 1]) { return nil }
        let typed = String(decoding: bytes[cursor..<runEnd], as: UTF8.self)
        let right = secure ? "https://" : "http://"
        guard typed.lowercased() != right else { return nil }
        return (cursor..<runEnd, MistypedAddressStart(typed: typed, right: right))
    }

    /// `/`, `\`, `／` (EF BC 8F) or `、` (E3 80 81), and its length in bytes.
    private static func isSlashLike(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isSlash: Bool, length: Int) {
        switch bytes[index] {
        case 0x2F, 0x5C:
            return (true, 1)
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8F:
            return (true, 3)
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81:
            return (true, 3)
        default:
            return (false, 1)
        }
    }

    /// The Latin letter ending at `end`, lower-cased, in ASCII or full width (Ａ–Ｚ EF BC A1–BA,
    /// ａ–ｚ EF BD 81–9A), and where it starts.
    private static func letter(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        guard end >= 1 else { return nil }
        let last = bytes[end - 1]
        if last < 0x80 {
            let lower = last | 0x20
            return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") ? (lower, end - 1) : nil
        }
        guard end >= 3, bytes[end - 3] == 0xEF else { return nil }
        switch (bytes[end - 2], last) {
        case (0xBC, 0xA1...0xBA): return (last - 0xA1 + UInt8(ascii: "a"), end - 3)
        case (0xBD, 0x81...0x9A): return (last - 0x81 + UInt8(ascii: "a"), end - 3)
        default: return nil
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
