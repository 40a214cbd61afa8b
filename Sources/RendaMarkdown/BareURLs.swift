import CCmark
import RendaCore

/// An address pasted as text (`详见 https://www.example.gov.cn/art/1.html。`) is a link, as GitHub,
/// Hugo and every mail program make it: CommonMark leaves it text a reader cannot tap, and older
/// readers on phones cannot copy it out either. Only `http://` and `https://` addresses are
/// taken, up to the first space or non-ASCII character (Chinese text and its punctuation run
/// straight on from an address), without the punctuation that ends a sentence or a bracket the
/// address did not open, as GFM's autolink extension does.
enum BareURLs {
    /// What a text literal may hold: an address (`://` is in it), and an address whose start
    /// was typed wrong (`https：//`, `https//`, `ｈｔｔｐｓ：／／`), which stays text no reader
    /// can open. Slashes are found with `memchr`: every text node of every page is asked.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (address: Bool, mistyped: MistypedAddressStart?) {
        var address = false
        var mistyped: MistypedAddressStart? = nil
        var offset = 0
        // One pass over the slashes for both: `://`, and a start typed wrong before them.
        while let slash = bytes.firstIndex(of: 0x2F, from: offset) {
            offset = slash + 1
            if slash >= 1, bytes[slash - 1] == 0x3A, slash + 1 < bytes.count, bytes[slash + 1] == 0x2F { address = true }
            if mistyped == nil { mistyped = MistypedAddressStart.atSlash(slash, in: bytes) }
        }
        return (address, mistyped ?? MistypedAddressStart.firstFullWidth(in: bytes))
    }

    /// The byte ranges of the addresses in a text.
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard let scheme = schemeLength(bytes, at: index),
                  index == 0 || !isASCIIAlphanumeric(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index + scheme
            while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
            end = trimmed(bytes, from: index + scheme, to: end)
            if end > index + scheme { found.append(index..<end) }
            index = max(end, index + scheme)
        }
        return found
    }

    /// Splits a text node around its addresses into text and link nodes, in place; returns the
    /// links made, in order, and whether one may have been cut short: it ends in `/`, `=`, `?`,
    /// `&` or `#` right before a Chinese character (`…/item/人民代表大会制度`, `?q=人大`), which
    /// a browser's address bar would have given as `%E4%BA%BA…`.
    static func link(_ node: OpaquePointer) -> (links: [OpaquePointer], cutShort: Bool) {
        let bytes = Array(CMarkDocument.literalBytes(node))
        let found = ranges(in: bytes)
        guard !found.isEmpty else { return ([], false) }
        let cutShort = found.contains { range in
            range.upperBound < bytes.count && "/=?&#".utf8.contains(bytes[range.upperBound - 1])
                && bytes[range.upperBound...].firstUnicodeScalar?.properties.isIdeographic == true
        }
        var links: [OpaquePointer] = []
        var cursor = 0
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        for range in found {
            if range.lowerBound > cursor, let before = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(before, text(cursor..<range.lowerBound))
                cmark_node_insert_before(node, before)
            }
            let address = text(range)
            if let link = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_url(link, address)
                cmark_node_set_literal(label, address)
                cmark_node_append_child(link, label)
                cmark_node_insert_before(node, link)
                links.append(link)
            }
            cursor = range.upperBound
        }
        if cursor < bytes.count {
            cmark_node_set_literal(node, text(cursor..<bytes.count))
        } else {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return (links, cutShort)
    }

    // MARK: -

    private static let http = Array("http://".utf8), https = Array("https://".utf8)

    /// The length of `http://` or `https://` (letters in either case) at `index`, if there.
    private static func schemeLength(_ bytes: [UInt8], at index: Int) -> Int? {
        for scheme in [https, http] where index + scheme.count <= bytes.count {
            if zip(bytes[index..<index + scheme.count], scheme).allSatisfy({ $0 | ($1 >= 0x61 ? 0x20 : 0) == $1 }) {
                return scheme.count
            }
        }
        return nil
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Printable ASCII but for the characters that end an address in text: `<`, `>`, `"`, `` ` ``.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x60
    }

    /// The end of an address less the punctuation after it (`.` `,` `:` `;` `!` `?` `'` `*` `_`
    /// `~`) and closing brackets it did not open: `（见 https://a.cn/x)` ends before the `)`.
    private static func trimmed(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if ".,:;!?'*_~".utf8.contains(last) {
                end -= 1
            } else if last == 0x29 || last == 0x5D {
                let open: UInt8 = last == 0x29 ? 0x28 : 0x5B
                let opened = bytes[start..<end].filter { $0 == open }.count
                let closed = bytes[start..<end].filter { $0 == last }.count
                guard closed > opened else { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }
}
