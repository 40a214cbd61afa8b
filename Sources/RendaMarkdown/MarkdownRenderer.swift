import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RendaCore

/// Renders Markdown to HTML through cmark, with the AST passes Chinese publishing needs:
/// CJK line joining, heading ids and TOC, link and image rewriting, external-link marking.
public struct MarkdownRenderer: Sendable {
    /// Characters of plain text kept for summaries; a summary never needs more.
    public var plainTextLimit: Int
    /// Whether to also return the whole text, headings included, for the search index.
    public var keepsFullText: Bool

    /// Whether to read every text for `ChineseWording` (`renda check`).
    public var checksWording: Bool

    public init(plainTextLimit: Int = 2000, keepsFullText: Bool = false, checksWording: Bool = false) {
        self.plainTextLimit = plainTextLimit
        self.keepsFullText = keepsFullText
        self.checksWording = checksWording
    }

    /// `topHeadingLevel`: the level a body's `##` headings take (a `#` one the same), 2 under the
    /// page's title; 3 where the page has sections of its own they belong under (a deputy's
    /// story, under 履职风采). The TOC lists the headings of that level.
    public func render(_ markdown: String, topHeadingLevel: Int = 2,
                       resolve: (LinkReference) -> LinkResolution) -> RenderedMarkdown {
        var document = CMarkDocument(markdown)
        if let unindented = IndentedProse.unindented(markdown, parsed: document) { document = CMarkDocument(unindented) }
        var nodes = collect(document)
        // Before line breaks are joined and pictures rewritten: a caption's break must stay, and
        // a title that becomes a caption must not stay on the picture.
        let figures = nodes.pictureParagraphs.compactMap(Figure.make)
        let captionBreaks = Set(figures.map(\.captionBreak))
        // The lines as written: a column is where the writer finds it.
        let sourceLines = SourceLines(markdown)

        // Before the line breaks are looked at: an indent stands between them and the text.
        for indented in nodes.indented { CJKParagraphIndent.trim(indented) }
        for (text, line) in nodes.withAddresses {
            let made = BareURLs.link(text)
            for link in made.links { nodes.links.append((link, line)) }
            if made.cutShort { nodes.note(.addressRunsIntoText, line: line) }
        }
        for softBreak in nodes.softBreaks where !captionBreaks.contains(softBreak) && CJKLineBreaks.shouldJoin(softBreak) {
            cmark_node_unlink(softBreak)
            cmark_node_free(softBreak)
        }
        for emphasis in nodes.emphasis { CJKEmphasisSpaces.trim(around: emphasis) }
        var imagesSized = 0
        for (node, line) in nodes.links {
            rewriteLink(node, line: line, lines: sourceLines, imagesBefore: &imagesSized,
                        insideLink: nodes.imagesInLinks.contains(node), resolve: resolve)
        }
        let text = PlainText.extract(from: document, limit: plainTextLimit, full: keepsFullText, sourceBytes: markdown.utf8.count,
                                     captioned: Set(figures.map(\.paragraph)))
        for figure in figures { figure.replace() }
        let toc = rewriteHeadings(nodes.headings, topLevel: topHeadingLevel)
        // `2023. 我县…`: a year and a full stop open a numbered list item (after a list, its next
        // number), where a sentence was meant.
        for line in nodes.orderedItemLines {
            let text = sourceLines.text(ofLine: line).drop { $0 == " " }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(digits), (1900...2100).contains(year), text.dropFirst(4).first.map({ $0 == "." || $0 == ")" }) == true {
                nodes.note(.yearAsListNumber(String(text.prefix(5))), line: line)
            }
        }
        // cmark drops the backslash of `\#` and `\[`: a line that escapes them means them as text.
        let slips = nodes.slips.filter { slip in
            switch slip.kind {
            case .headingWithoutSpace: !sourceLines.text(ofLine: slip.line).contains("\\#")
            case .unparsedLink: !["\\[", "\\]", "\\("].contains { sourceLines.text(ofLine: slip.line).contains($0) }
            default: true
            }
        }
        return RenderedMarkdown(htmlBytes: CMarkDocument.renderHTMLBytes(document.root), toc: toc, plainText: text.summary,
                                fullText: text.full, slips: slips)
    }

    // MARK: - Collecting

    private struct Nodes {
        var softBreaks: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        /// Bold and italic runs, for the spaces beside them.
        var emphasis: [OpaquePointer] = []
        /// Links and images with the body line they are on.
        var links: [(OpaquePointer, Int)] = []
        /// Images inside a link (`[![图](a.png)](/news/)`), which keep that link rather than one
        /// to themselves. Noted here: an off-site link is later rewritten as HTML around them.
        var imagesInLinks: Set<OpaquePointer> = []
        /// Text starting a line with a Chinese first-line indent (`　　`).
        var indented: [OpaquePointer] = []
        /// Text outside links that may hold a pasted address (`BareURLs`), with its line.
        var withAddresses: [(OpaquePointer, Int)] = []
        /// The lines of numbered list items, whose written number only the source still has.
        var orderedItemLines: [Int] = []
        /// Paragraphs that start with a picture: a picture with a caption may be one (`Figure`).
        var pictureParagraphs: [OpaquePointer] = []
        var slips: [MarkdownSlip] = []

        /// One slip of a kind per line: a line with three `<br>` is one thing to mend.
        mutating func note(_ kind: MarkdownSlip.Kind, line: Int) {
            if slips.last(where: { $0.kind == kind })?.line == line { return }
            slips.append(MarkdownSlip(line: line, kind: kind))
        }
    }

    /// One pass over the tree. Inline nodes carry no source position in cmark, so the line is
    /// the enclosing block's first line plus the line breaks seen since.
    private func collect(_ document: CMarkDocument) -> Nodes {
        var nodes = Nodes()
        var line = 1
        var blockLine = 1
        var inParagraph = false
        // Whether the node is the first of its line in a paragraph or heading: only there can a
        // `#` or a table row begin.
        var atLineStart = false
        // Whether that line follows a soft break: its paragraph began on an earlier line.
        var afterSoftBreak = false
        // A `]` ending one text and `(` starting the next is a link that did not form.
        var afterBracket = false
        // Inside an image's description: a link or image there is only alt text, and is not
        // rewritten (a sized image is replaced whole, which frees what it holds).
        var imageDepth = 0
        // Inside a link's text: an address there is its label, not a link of its own.
        var linkDepth = 0
        document.walk { node, entering in
            let type = CMarkDocument.type(node)
            if type == CMARK_NODE_IMAGE, !entering { imageDepth -= 1 }
            if type == CMARK_NODE_LINK, !entering { linkDepth -= 1 }
            guard entering else { return }
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                line = Int(cmark_node_get_start_line(node))
                blockLine = line
                inParagraph = type == CMARK_NODE_PARAGRAPH
                if inParagraph, let first = cmark_node_first_child(node),
                   case let kind = CMarkDocument.type(first), kind == CMARK_NODE_IMAGE || kind == CMARK_NODE_LINK {
                    nodes.pictureParagraphs.append(node)
                }
                if type == CMARK_NODE_HEADING {
                    nodes.headings.append(node)
                    // Text right above `---` or `===` is a heading (setext): most often a rule
                    // meant under a paragraph, with no blank line between.
                    if cmark_node_get_end_line(node) > cmark_node_get_start_line(node) {
                        nodes.note(.underlinedHeading(level: Int(cmark_node_get_heading_level(node))), line: line)
                    }
                }
            case CMARK_NODE_SOFTBREAK:
                nodes.softBreaks.append(node)
                line += 1
            case CMARK_NODE_LINEBREAK:
                line += 1
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if imageDepth == 0 { nodes.links.append((node, line)) }
                if type == CMARK_NODE_IMAGE, linkDepth > 0 { nodes.imagesInLinks.insert(node) }
                // `！[会场](photo1.png)`: a link to a picture after a full-width ！ was meant to show
                // it. (`参与！[点击查看](/topics/minsheng/)` is a sentence and a link.)
                if type == CMARK_NODE_LINK, let before = cmark_node_previous(node),
                   CMarkDocument.type(before) == CMARK_NODE_TEXT,
                   MarkdownSlips.endsWithFullWidthExclamation(CMarkDocument.literalBytes(before)),
                   MarkdownSlips.namesPicture(CMarkDocument.url(node)) {
                    nodes.note(.fullWidthImageMark, line: line)
                }
                if type == CMARK_NODE_IMAGE { imageDepth += 1 } else { linkDepth += 1 }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                nodes.emphasis.append(node)
            case CMARK_NODE_HTML_BLOCK:
                if !MarkdownSlips.isComment(CMarkDocument.literalBytes(node)) {
                    nodes.note(.rawHTML, line: Int(cmark_node_get_start_line(node)))
                }
            case CMARK_NODE_HTML_INLINE:
                if !MarkdownSlips.isComment(CMarkDocument.literalBytes(node)) { nodes.note(.rawHTML, line: line) }
            case CMARK_NODE_TEXT:
                let bytes = CMarkDocument.literalBytes(node)
                if linkDepth == 0, imageDepth == 0 {
                    let scan = BareURLs.scan(bytes)
                    if scan.address { nodes.withAddresses.append((node, line)) }
                    if let mistyped = scan.mistyped { nodes.note(.mistypedAddressStart(mistyped), line: line) }
                }
                if MarkdownSlips.hasDoubleAsterisk(bytes) { nodes.note(.literalAsterisks, line: line) }
                if atLineStart, imageDepth == 0, CJKParagraphIndent.startsIndented(bytes) {
                    nodes.indented.append(node)
                    // An indented line within a paragraph was meant to start one.
                    if afterSoftBreak { nodes.note(.indentedLineInParagraph, line: line) }
                } else if atLineStart, afterSoftBreak, inParagraph, MarkdownSlips.startsListItem(bytes) {
                    // Every such line, not the first alone: mended one a round, each blank line
                    // added would only show the next.
                    nodes.note(.listItemInParagraph, line: line)
                }
                if inParagraph, MarkdownSlips.hasInnerTab(bytes) { nodes.note(.tabInText, line: line) }
                if atLineStart, inParagraph {
                    if MarkdownSlips.isHeadingWithoutSpace(bytes) { nodes.note(.headingWithoutSpace, line: line) }
                    if MarkdownSlips.startsWithFullWidthHash(bytes) { nodes.note(.fullWidthHeadingMark, line: line) }
                    // Named at the table's first line, its header, when there is one.
                    if MarkdownSlips.isTableDelimiterRow(bytes) { nodes.note(.table, line: max(blockLine, line - 1)) }
                }
                if MarkdownSlips.hasUnformedLink(bytes, afterBracket: afterBracket) || MarkdownSlips.hasFullWidthLink(bytes) {
                    nodes.note(.unparsedLink, line: line)
                }
                if checksWording {
                    for finding in ChineseWording.findings(in: String(decoding: bytes, as: UTF8.self)) {
                        nodes.note(.wording(finding), line: line)
                    }
                }
                afterBracket = bytes.last == 0x5D
            case CMARK_NODE_ITEM:
                if cmark_node_get_list_type(cmark_node_parent(node)) == CMARK_ORDERED_LIST {
                    nodes.orderedItemLines.append(Int(cmark_node_get_start_line(node)))
                }
            default:
                break
            }
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                atLineStart = true
                afterSoftBreak = type == CMARK_NODE_SOFTBREAK
                afterBracket = false
            case CMARK_NODE_TEXT:
                atLineStart = false
            default:
                atLineStart = false
                afterBracket = false
            }
        }
        return nodes
    }

    // MARK: - Links

    private func rewriteLink(_ node: OpaquePointer, line: Int, lines: SourceLines, imagesBefore: inout Int,
                             insideLink: Bool, resolve: (LinkReference) -> LinkResolution) {
        let destination = CMarkDocument.url(node)
        let isImage = CMarkDocument.type(node) == CMARK_NODE_IMAGE
        let reference = LinkReference(destination: destination, kind: isImage ? .image : .link,
                                      line: line, column: lines.column(of: destination, onLine: line),
                                      altText: isImage ? CMarkDocument.text(of: node) : "")
        switch resolve(reference) {
        case .keep:
            break
        case .rewrite(let url):
            cmark_node_set_url(node, url)
        case .image(let url, let size):
            guard isImage else { cmark_node_set_url(node, url); break }
            // cmark writes no size; the first image may be in view as the page opens, so only
            // later ones wait until the reader scrolls near them.
            var tag = "<img src=\"\(HTML.escape(url))\" alt=\"\(HTML.escape(CMarkDocument.text(of: node)))\""
            let title = CMarkDocument.title(node)
            if !title.isEmpty { tag += " title=\"\(HTML.escape(title))\"" }
            tag += " width=\"\(size.width)\" height=\"\(size.height)\""
            if imagesBefore > 0 { tag += " loading=\"lazy\"" }
            tag += " />"
            imagesBefore += 1
            // A picture shown narrower than it is (a chart, a notice on a phone) opens whole when
            // tapped, where the reader can zoom it; one already inside a link keeps that link.
            if !insideLink { tag = "<a class=\"image-link\" href=\"\(HTML.escape(url))\">" + tag + "</a>" }
            CMarkDocument.replaceInline(node, html: tag)
        case .external(let url):
            if isImage {
                cmark_node_set_url(node, url)
            } else {
                var open = "<a href=\"\(HTML.escape(url))\""
                let title = CMarkDocument.title(node)
                if !title.isEmpty { open += " title=\"\(HTML.escape(title))\"" }
                open += " class=\"external\" rel=\"external noopener noreferrer\">"
                CMarkDocument.wrapInline(node, open: open, close: "</a>")
            }
        }
    }

    // MARK: - Headings

    /// Gives every heading an id. The page title is the only `<h1>`, so a body that uses `#`
    /// has all its headings moved down one level; all move down further for a `topLevel` below 2.
    /// Returns the headings of `topLevel` for the TOC.
    private func rewriteHeadings(_ headings: [OpaquePointer], topLevel: Int) -> [TOCEntry] {
        let shift = (headings.contains { cmark_node_get_heading_level($0) == 1 } ? 1 : 0) + topLevel - 2
        var ids = HeadingIDs()
        var toc: [TOCEntry] = []
        for heading in headings {
            let level = min(6, Int(cmark_node_get_heading_level(heading)) + shift)
            let title = CMarkDocument.text(of: heading).trimmingSpaces()
            let id = ids.id(for: title)
            if level == topLevel { toc.append(TOCEntry(id: id, title: title)) }
            cmark_node_set_heading_level(heading, Int32(level))
            var html = CMarkDocument.renderHTML(heading)
            let tag = "<h\(level)>"
            if html.hasPrefix(tag) {
                html = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(tag.count)
            }
            CMarkDocument.replaceBlock(heading, html: html)
        }
        return toc
    }
}

/// Finds the column a destination was written at. Line starts are found once, in one pass over
/// the bytes, so a body with many links is not rescanned from the top for each.
private struct SourceLines {
    let markdown: String
    private let lineStarts: [String.Index]

    init(_ markdown: String) {
        self.markdown = markdown
        var text = markdown
        let offsets = text.withUTF8 { bytes in
            var offsets = [0]
            while let newline = bytes.firstIndex(of: 10, from: offsets.last!) { offsets.append(newline + 1) }
            return offsets
        }
        let utf8 = markdown.utf8
        lineStarts = offsets.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// The text of a 1-based line, without its line end; empty past the end.
    func text(ofLine line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let end = line < lineStarts.count ? markdown.utf8.index(before: lineStarts[line]) : markdown.endIndex
        return markdown[lineStarts[line - 1]..<end]
    }

    func column(of destination: String, onLine line: Int) -> Int? {
        guard !destination.isEmpty, line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? markdown.utf8.index(before: lineStarts[line]) : markdown.endIndex
        let text = Array(markdown.utf8[start..<end])
        // Byte search: the destination's own bytes, after `(` or `(<` when it is written there.
        for (prefix, skip) in [("(", 1), ("(<", 2), ("", 0)] {
            let needle = Array((prefix + destination).utf8)
            guard needle.count <= text.count else { continue }
            for offset in 0...(text.count - needle.count) where text[offset] == needle[0] {
                if text[offset..<offset + needle.count].elementsEqual(needle) {
                    return String(decoding: text[..<offset], as: UTF8.self).count + skip + 1
                }
            }
        }
        return nil
    }
}
