import CCmark
import RendaCore

/// Paragraphs indented with a Tab or four spaces (Word's first-line indent, a web page's
/// `&nbsp;&nbsp;&nbsp;&nbsp;` pasted as spaces) are an indented code block to CommonMark: the
/// whole article would show in a box of fixed-width text that runs off a phone's screen, with no
/// summary. Staff never mean code (the 写作指南 has none, and fenced code still works), so a
/// top-level indented code block holding Chinese is read as the paragraphs it was meant as: its
/// lines lose their leading spaces and the text is parsed again, line numbers unchanged.
enum IndentedProse {
    /// The Markdown with those blocks' lines unindented, or nil when there are none (the common
    /// case costs a look at the document's top-level blocks).
    static func unindented(_ markdown: String, parsed document: CMarkDocument) -> String? {
        var ranges: [ClosedRange<Int>] = []
        var node = cmark_node_first_child(document.root)
        while let block = node {
            if CMarkDocument.type(block) == CMARK_NODE_CODE_BLOCK, holdsChinese(CMarkDocument.literalBytes(block)) {
                ranges.append(Int(cmark_node_get_start_line(block))...Int(cmark_node_get_end_line(block)))
            }
            node = cmark_node_next(block)
        }
        guard !ranges.isEmpty else { return nil }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var changed = false
        for range in ranges {
            // A fenced block (```) is code the writer asked for.
            guard range.lowerBound <= lines.count, !isFence(lines[range.lowerBound - 1]) else { continue }
            for index in range where index <= lines.count {
                let line = lines[index - 1]
                let text = line.drop(while: { $0 == " " || $0 == "\t" })
                if text.count != line.count {
                    lines[index - 1] = text
                    changed = true
                }
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        let text = line.drop(while: { $0 == " " })
        return line.count - text.count < 4 && (text.hasPrefix("```") || text.hasPrefix("~~~"))
    }

    private static func holdsChinese(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { CJK.isWide($0) }
    }
}
