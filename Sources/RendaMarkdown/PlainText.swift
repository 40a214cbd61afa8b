import CCmark
import RendaCore

/// The reading text of a body: no markup, no image alt text, line breaks already joined by the
/// CJK pass (those left are spaces between Latin words).
enum PlainText {
    /// `summary` is the paragraphs' text, stopped soon after `limit` characters. `full`, when asked
    /// for, is every paragraph and heading, one block per line, for the search index; it comes
    /// from the same walk, so search costs no second parse.
    /// `sourceBytes`, the Markdown's length, bounds the full text: reserved at once, it is never
    /// copied to grow.
    /// `captioned` paragraphs are pictures with their captions (`Figure`): a caption is in the
    /// full text, not in the summary.
    static func extract(from document: CMarkDocument, limit: Int, full wantsFull: Bool,
                        sourceBytes: Int = 0, captioned: Set<OpaquePointer> = []) -> (summary: String, full: [UInt8]?) {
        var summary = ""
        // Scalars, counted as text is added: `String.count` walks the whole string each time.
        var summaryScalars = 0
        // UTF-8 gathered straight from cmark's text nodes.
        var full: [UInt8] = []
        if wantsFull { full.reserveCapacity(sourceBytes) }
        var inParagraph = false
        var inCaption = false
        // What goes between the last paragraph's text and the next one's (see below).
        var separator: String? = nil
        var inHeading = false
        var imageDepth = 0
        var summaryDone = false
        var done = false
        document.walk { node, entering in
            guard !done else { return }
            switch CMarkDocument.type(node) {
            case CMARK_NODE_PARAGRAPH:
                inParagraph = entering
                inCaption = entering && !captioned.isEmpty && captioned.contains(node)
                if inCaption {
                    if wantsFull { newBlock(&full) }
                    return
                }
                if entering, !summaryDone, let last = summary.unicodeScalars.last {
                    // Paragraphs run on in a summary. Latin text gets a space; Chinese that ends
                    // without punctuation (a list item, a name on its own line) gets a semicolon,
                    // or 周立诚 and 陈晓岚 would read as one name. Added with the next text, so a
                    // paragraph holding only an image leaves no stray mark at the end.
                    separator = !CJK.isWide(last) ? " " : CJK.isPunctuation(last) ? nil : "；"
                }
                if entering, wantsFull { newBlock(&full) }
                if !entering, summaryScalars >= limit {
                    summaryDone = true
                    done = !wantsFull
                }
            case CMARK_NODE_HEADING:
                inHeading = entering
                // The lead ends where the first section starts: a summary that has a whole
                // sentence does not run on into the sections' text.
                if entering, !summaryDone, Summary.endsWithSentence(summary) {
                    summaryDone = true
                    done = !wantsFull
                }
                if entering, wantsFull { newBlock(&full) }
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard imageDepth == 0, inParagraph || inHeading else { break }
                // One read of the node's text serves the summary and the full text.
                let bytes = CMarkDocument.literalBytes(node)
                if inParagraph, !inCaption, !summaryDone {
                    if let pending = separator { summary += pending; summaryScalars += 1; separator = nil }
                    summary += String(decoding: bytes, as: UTF8.self)
                    // Scalars are the UTF-8 bytes that do not continue one (`unicodeScalars.count`
                    // decodes every scalar to count it).
                    summaryScalars += bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                }
                if wantsFull { full.append(contentsOf: bytes) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                guard imageDepth == 0, inParagraph || inHeading else { break }
                if inParagraph, !inCaption, !summaryDone { summary += " "; summaryScalars += 1 }
                // Not at a line's start: after a caption's picture, which has no text.
                if wantsFull, full.last.map({ $0 != 0x0A }) ?? false { full.append(0x20) }
            default:
                break
            }
        }
        return (summary.trimmingSpaces(), wantsFull ? full : nil)
    }

    /// Blocks are lines, so a pair of characters never spans a heading and the next paragraph.
    private static func newBlock(_ text: inout [UInt8]) {
        if let last = text.last, last != 0x0A { text.append(0x0A) }
    }
}
