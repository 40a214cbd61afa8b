import CCmark
import RendaCore

/// A soft line break in Chinese text is not a word space: `县人大常委会\n召开会议` must read
/// `县人大常委会召开会议`. Chinese official style sets numbers and Latin words in Chinese text
/// without spaces too (`2023年\n6月30日` is 2023年6月30日, `第\n20次` 第20次, `通过了\nGDP增长`
/// 通过了GDP增长, as text pasted from a PDF breaks it), so the break is removed when one side is
/// wide (CJK) and the other wide too or a letter or digit. It stays a space between two Latin
/// words, and beside code (`运行命令\n`renda build``) or ASCII punctuation. The characters are
/// looked up through inline markup, so `中文\n*强调*` and `详见\n[工作报告](…)` join.
enum CJKLineBreaks {
    static func shouldJoin(_ softBreak: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(softBreak), let next = cmark_node_next(softBreak),
              let before = edgeScalar(of: previous, last: true), let after = edgeScalar(of: next, last: false)
        else { return false }
        if CJK.isWide(before) { return CJK.isWide(after) || (isLetterOrDigit(after) && !isCode(next, last: false)) }
        return CJK.isWide(after) && isLetterOrDigit(before) && !isCode(previous, last: true)
    }

    /// ASCII letters and digits, and their full-width forms are wide already.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }

    /// Whether the character at a node's edge is code's: `renda build` is a command.
    private static func isCode(_ node: OpaquePointer, last: Bool) -> Bool {
        switch CMarkDocument.type(node) {
        case CMARK_NODE_CODE:
            return true
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE:
            let child = last ? cmark_node_last_child(node) : cmark_node_first_child(node)
            return child.map { isCode($0, last: last) } ?? false
        default:
            return false
        }
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
