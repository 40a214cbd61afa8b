import CCmark
import RendaCore

/// A picture with a caption (图片说明), as news photos are printed: the picture on a line of its
/// own and the caption on the next line, without a blank line between —
///
///     ![视察组在项目现场](photo1.png)
///     图为视察组在县中医医院察看工程进度。
///
/// — or the picture's title, `![视察组在项目现场](photo1.png "图为视察组……")`. So does text that
/// opens as captions do (图为…, （图为…）, ▲…) right after the picture on its line, in the next
/// paragraph, or as the picture's description. Each becomes
/// `<figure>` with a `<figcaption>` under the picture. A caption is not the article's first
/// sentence, so it is left out of the summary; it stays in the search text (it names who is in
/// the picture). A picture alone in its paragraph, without a title, stays as it is; so do several
/// pictures on consecutive lines (the "caption" would be a picture) and a picture in a sentence.
struct Figure {
    let paragraph: OpaquePointer
    /// The line break between the picture and its caption: the caption is everything after it.
    let captionBreak: OpaquePointer

    /// The figure a paragraph is, if it is one. A title that becomes the caption is moved into the
    /// paragraph as its text, so both kinds are alike from here on (and the picture loses the
    /// title attribute, which would have a screen reader read the caption twice).
    static func make(_ paragraph: OpaquePointer) -> Figure? {
        guard let figure = find(paragraph), let first = cmark_node_first_child(paragraph), let image = picture(first) else { return nil }
        // A picture written without a description (`![](IMG_1234.JPG)`) is described by its
        // caption: the picture opens whole when tapped, and a link needs words a screen reader can say.
        // Only text is replaced: a line break in the description is in the renderer's lists.
        if CMarkDocument.text(of: image).trimmingSpaces().isEmpty, onlyText(image) {
            var caption = ""
            var node = cmark_node_next(figure.captionBreak)
            while let current = node {
                caption += CMarkDocument.type(current) == CMARK_NODE_TEXT ? CMarkDocument.literal(current) ?? "" : CMarkDocument.text(of: current)
                node = cmark_node_next(current)
            }
            while let child = cmark_node_first_child(image) { cmark_node_free(child) }
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, caption.trimmingSpaces())
            cmark_node_append_child(image, text)
        }
        return figure
    }

    private static func find(_ paragraph: OpaquePointer) -> Figure? {
        guard let first = cmark_node_first_child(paragraph), let image = picture(first) else { return nil }
        guard var next = afterBlanks(cmark_node_next(first)) else {
            // A caption as staff also write one: a paragraph of its own under the picture that
            // opens as captions do (图为…, （图为…）, ▲…).
            if let following = cmark_node_next(paragraph), CMarkDocument.type(following) == CMARK_NODE_PARAGRAPH,
               let opening = cmark_node_first_child(following), opensCaption(opening) {
                let lineBreak = cmark_node_new(CMARK_NODE_SOFTBREAK)!
                cmark_node_append_child(paragraph, lineBreak)
                while let node = cmark_node_first_child(following) { cmark_node_append_child(paragraph, node) }
                cmark_node_free(following)
                return find(paragraph)
            }
            // The title, or a description written as a caption (![图为…](…)), which would otherwise
            // be read by screen readers alone.
            var title = CMarkDocument.title(image).trimmingSpaces()
            if title.isEmpty, let alt = cmark_node_first_child(image), opensCaption(alt) { title = CMarkDocument.text(of: image) }
            guard !title.isEmpty else { return nil }
            let lineBreak = cmark_node_new(CMARK_NODE_SOFTBREAK)!
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, title)
            cmark_node_append_child(paragraph, lineBreak)
            cmark_node_append_child(paragraph, text)
            cmark_node_set_title(image, "")
            return Figure(paragraph: paragraph, captionBreak: lineBreak)
        }
        // A caption on the picture's own line: `![现场](a.jpg)图为…`.
        if opensCaption(next) {
            let lineBreak = cmark_node_new(CMARK_NODE_SOFTBREAK)!
            cmark_node_insert_before(next, lineBreak)
            next = lineBreak
        }
        let type = CMarkDocument.type(next)
        guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK, cmark_node_next(next) != nil else { return nil }
        var node = cmark_node_next(next)
        while let current = node {
            if contains(CMARK_NODE_IMAGE, current) { return nil }
            node = cmark_node_next(current)
        }
        return Figure(paragraph: paragraph, captionBreak: next)
    }

    /// Replaces the paragraph with `<figure>`: the picture as its links and sizes were rewritten,
    /// then the caption with its own markup (bold, links) kept.
    func replace() {
        let caption = cmark_node_new(CMARK_NODE_PARAGRAPH)!
        defer { cmark_node_free(caption) }
        while let node = cmark_node_next(captionBreak) { cmark_node_append_child(caption, node) }
        cmark_node_unlink(captionBreak)
        cmark_node_free(captionBreak)
        let html = "<figure>" + Self.inner(paragraph) + "<figcaption>" + Self.inner(caption) + "</figcaption></figure>\n"
        CMarkDocument.replaceBlock(paragraph, html: html)
    }

    /// The node, or the first after it that is not empty text (cmark leaves the spaces of a
    /// line break written as two spaces as an empty text).
    private static func afterBlanks(_ node: OpaquePointer?) -> OpaquePointer? {
        var node = node
        while let current = node, CMarkDocument.type(current) == CMARK_NODE_TEXT,
              CMarkDocument.literalBytes(current).allSatisfy({ $0 == 0x20 }) {
            node = cmark_node_next(current)
        }
        return node
    }

    /// Whether text opens the way a caption does: 图为…, （图为…）, (图为…) or ▲…, as in the papers
    /// and on WeChat.
    private static func opensCaption(_ node: OpaquePointer) -> Bool {
        guard CMarkDocument.type(node) == CMARK_NODE_TEXT else { return false }
        let text = String(decoding: CMarkDocument.literalBytes(node), as: UTF8.self).trimmingSpaces()
        return ["图为", "（图为", "(图为", "▲"].contains { text.hasPrefix($0) }
    }

    /// The image of a paragraph's first node: an image, or an image that is a link's only content.
    private static func picture(_ node: OpaquePointer) -> OpaquePointer? {
        switch CMarkDocument.type(node) {
        case CMARK_NODE_IMAGE:
            return node
        case CMARK_NODE_LINK:
            guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
                  CMarkDocument.type(child) == CMARK_NODE_IMAGE else { return nil }
            return child
        default:
            return nil
        }
    }

    private static func onlyText(_ node: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(node)
        while let current = child {
            if CMarkDocument.type(current) != CMARK_NODE_TEXT { return false }
            child = cmark_node_next(current)
        }
        return true
    }

    private static func contains(_ type: cmark_node_type, _ node: OpaquePointer) -> Bool {
        if CMarkDocument.type(node) == type { return true }
        var child = cmark_node_first_child(node)
        while let current = child {
            if contains(type, current) { return true }
            child = cmark_node_next(current)
        }
        return false
    }

    /// A paragraph's HTML without its `<p>` and `</p>`.
    private static func inner(_ paragraph: OpaquePointer) -> String {
        var html = Substring(CMarkDocument.renderHTML(paragraph))
        while html.last == "\n" { html = html.dropLast() }
        if html.hasPrefix("<p>") { html = html.dropFirst(3) }
        if html.hasSuffix("</p>") { html = html.dropLast(4) }
        return String(html)
    }
}
