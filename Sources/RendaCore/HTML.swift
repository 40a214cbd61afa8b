/// Escaping for text placed in HTML and XML by hand (feeds, sitemap, attributes cmark cannot set).
public enum HTML {
    /// Escapes `& < > " '`; safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 64)
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends UTF-8 text escaped as `escape` does, copying the runs between the five characters
    /// in one go (feeds escape whole articles; templates escape every value they show). Most
    /// text has none of them, so eight bytes are checked at once until one may be there.
    @inlinable
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            if index + 8 <= count, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let replacement: StaticString
            switch base[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// Whether any of eight bytes is one of `< > & " '`: `x | 1` is `'` for `&` and `'`, `x | 2`
    /// is `>` for `<` and `>`, and each comparison is the usual test for a zero byte.
    @inlinable @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        func hasZeroByte(_ value: UInt64) -> Bool {
            (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
        }
        return hasZeroByte((word | 0x0101_0101_0101_0101) ^ 0x2727_2727_2727_2727)
            || hasZeroByte((word | 0x0202_0202_0202_0202) ^ 0x3E3E_3E3E_3E3E_3E3E)
            || hasZeroByte(word ^ 0x2222_2222_2222_2222)
    }
}
