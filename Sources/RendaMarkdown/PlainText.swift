import CCmark
import RendaCore

/// The reading text of a body's paragraphs, for summaries: no markup, no image alt text,
/// line breaks already joined by the CJK pass (those left are spaces between Latin words).
enum PlainText {
    static func extract(from document: CMarkDocument, limit: Int) -> String {
        var out = ""
        // Scalars, counted as text is added: `String.count` walks the whole string each time.
        var outScalars = 0
        var inParagraph = false
        var imageDepth = 0
        var done = false
        document.walk { node, entering in
            guard !done else { return }
            switch CMarkDocument.type(node) {
            case CMARK_NODE_PARAGRAPH:
                inParagraph = entering
                if entering, let last = out.unicodeScalars.last, !CJK.isWide(last) { out += " "; outScalars += 1 }
                if !entering, outScalars >= limit { done = true }
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if inParagraph, imageDepth == 0 { let text = CMarkDocument.literal(node) ?? ""; out += text; outScalars += text.unicodeScalars.count }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if inParagraph, imageDepth == 0 { out += " "; outScalars += 1 }
            default:
                break
            }
        }
        return out.trimmingSpaces()
    }
}
