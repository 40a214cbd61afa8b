import CCmark
import RendaCore

/// A soft line break in Chinese text is not a word space: `县人大常委会\n召开会议` must read
/// `县人大常委会召开会议`. The break is removed only when the characters on both sides are wide
/// (CJK); next to Latin text, a number or code it stays a space. The characters are looked up
/// through inline markup, so `中文\n*强调*` joins but `中文\n*emphasis*` and `中文\n`code`` keep
/// their space (goldmark's CJK extension once dropped those too).
enum CJKLineBreaks {
    static func shouldJoin(_ softBreak: OpaquePointer) -> Bool {
        guard let before = cmark_node_previous(softBreak).flatMap({ edgeScalar(of: $0, last: true) }),
              let after = cmark_node_next(softBreak).flatMap({ edgeScalar(of: $0, last: false) })
        else { return false }
        return CJK.isWide(before) && CJK.isWide(after)
    }

    /// The last (or first) character a node displays, looking inside inline markup.
    static func edgeScalar(of node: OpaquePointer, last: Bool) -> Unicode.Scalar? {
        switch CMarkDocument.type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            // One scalar read from cmark's bytes (its text is valid UTF-8): no String per node.
            let bytes = CMarkDocument.literalBytes(node)
            guard !bytes.isEmpty else { return nil }
            var start = last ? bytes.count - 1 : 0
            while last, start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return bytes[start...].firstUnicodeScalar
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE:
            let child = last ? cmark_node_last_child(node) : cmark_node_first_child(node)
            return child.flatMap { edgeScalar(of: $0, last: last) }
        default:
            return nil
        }
    }
}
