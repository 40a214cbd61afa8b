import CCmark
import RendaCore

/// Chinese documents open each paragraph with two ideographic spaces (首行缩进, `　　`), and text
/// pasted from Word or WPS keeps them. The theme indents paragraphs itself (`text-indent: 2em`),
/// so the spaces would indent them twice, and a summary or search excerpt would carry them into
/// the middle of its text. They are removed where a line starts, and only there.
enum CJKParagraphIndent {
    /// The spaces an indent is made of: ideographic (U+3000) and no-break (U+00A0) ones.
    static func isIndentSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{3000}" || scalar == "\u{00A0}"
    }

    /// Whether a text node's UTF-8 starts with an indent space: U+3000 is E3 80 80, U+00A0 C2 A0.
    static func startsIndented(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (bytes.count >= 3 && bytes[0] == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80)
            || (bytes.count >= 2 && bytes[0] == 0xC2 && bytes[1] == 0xA0)
    }

    /// Drops the indent at the start of a text node that begins a line; a node holding nothing
    /// else goes, so the line break before it sees the text after it (and joins Chinese lines).
    static func trim(_ node: OpaquePointer) {
        let text = CMarkDocument.literal(node) ?? ""
        let rest = Substring(text).unicodeScalars.drop(while: { isIndentSpace($0) || $0 == " " })
        if rest.isEmpty {
            cmark_node_unlink(node)
            cmark_node_free(node)
        } else {
            cmark_node_set_literal(node, String(rest))
        }
    }
}
