import RendaCore

/// A link or image destination found in Markdown, with where it was written.
public struct LinkReference: Sendable, Equatable {
    public enum Kind: Sendable { case link, image }

    public var destination: String
    public var kind: Kind
    /// 1-based line within the Markdown body.
    public var line: Int
    /// 1-based column (in characters) where the destination starts, when it could be found.
    public var column: Int?
    /// An image's alt text, the description between its brackets; empty for links.
    public var altText: String

    public init(destination: String, kind: Kind, line: Int, column: Int?, altText: String = "") {
        self.destination = destination
        self.kind = kind
        self.line = line
        self.column = column
        self.altText = altText
    }
}

/// What to do with a destination, decided by the site (only it knows URLs and files).
public enum LinkResolution: Sendable, Equatable {
    /// Leave it as written.
    case keep
    /// Replace it with this URL.
    case rewrite(String)
    /// A local image at this URL, of this size: written with `width`, `height` and, after the
    /// body's first image, `loading="lazy"`.
    case image(String, PixelSize)
    /// An off-site link: written with `class="external"` and `rel="external noopener noreferrer"`.
    case external(String)
}

/// One `##` heading, for the table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var id: String
    public var title: String
}

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    /// HTML of the body, as cmark wrote it: UTF-8 bytes (valid: cmark's output for checked
    /// input). Pages copy them into their output as they are; a `String` made of every body
    /// validated and copied it once more.
    public var htmlBytes: [UInt8]
    /// The same as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// The body's second-level headings (as rendered: `<h2>`), in order.
    public var toc: [TOCEntry]
    /// Paragraph text with Chinese line breaks joined, for summaries (at most a few thousand
    /// characters: enough for any summary).
    public var plainText: String
    /// With `keepsFullText`: every paragraph and heading, one block per line, for search. UTF-8
    /// bytes (valid: cmark's text of checked input), never made a `String`: the search index
    /// only scans them, and validating every page's text again cost more than keeping bytes.
    public var fullText: [UInt8]?
    /// Markdown that will not show as the writer meant it, in body order, at most one of a kind
    /// per line.
    public var slips: [MarkdownSlip] = []
}

/// Markdown written one way and shown another, found while rendering: the writer sees none of
/// it in the editor, and each one silently changes or drops text on the page.
public struct MarkdownSlip: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `**` that did not become bold: most often bold text ending in punctuation with no
        /// space after it (`**宪法进校园。**县人大`). Shown as asterisks.
        case literalAsterisks
        /// HTML, most often pasted from Word or a web page (`<br>`, `<table>`): safe mode leaves
        /// it out of the page. HTML comments are not counted; they are meant to be hidden.
        case rawHTML
        /// `#标题`: no space after the `#`, so a paragraph, not a heading, `#` and all.
        case headingWithoutSpace
        /// A table's `| --- | --- |` line: CommonMark has no tables, so the rows show as text.
        case table
        /// `[文字](地址)` or `![说明](图片)` that stayed text: a space in the address, or
        /// full-width brackets.
        case unparsedLink
        /// A line opening with a first-line indent (`　　`) right under another line: meant as a
        /// new paragraph, it runs on in the one above (a paragraph ends at a blank line).
        case indentedLineInParagraph
        /// A line opening as a hand-numbered or bulleted item (（一）, 1、, ●) right under another
        /// line: meant to stand on its own, it runs on in the paragraph above.
        case listItemInParagraph
        /// A tab inside text, from a pasted table or a Word tab stop: shown as one space.
        case tabInText
        /// `！[说明](图片.jpg)` with a full-width `！`: a link to the picture, not the picture.
        case fullWidthImageMark
        /// An address pasted as text that may have been cut short where Chinese follows it
        /// (`…/item/人民代表大会制度`): the link ends before the Chinese.
        case addressRunsIntoText
        /// `https：//…`, `https//…`, `ｈｔｔｐｓ：／／…`: an address whose start was typed wrong,
        /// not an address to the browser, so neither linked nor openable when copied.
        case mistypedAddressStart(MistypedAddressStart)
        /// `2023. 我县…` at a line's start: a numbered list item, numbered as the list goes on.
        case yearAsListNumber(String)
        /// `＃ 标题` with the input method's full-width `＃`: text, not a heading.
        case fullWidthHeadingMark
        /// `---` (level 2) or `===` (level 1) right under a line of text: CommonMark makes the
        /// text a heading. Named at the text's line.
        case underlinedHeading(level: Int)
        /// Wording with one right form (`ChineseWording`); only when the renderer is asked to
        /// look (`renda check`).
        case wording(ChineseWording.Finding)
    }

    /// 1-based line within the Markdown body.
    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }
}
