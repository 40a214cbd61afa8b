import RendaContent
import RendaCore
import RendaMarkdown

/// An item's body and derived fields after the Markdown stage.
struct RenderedItem: Sendable {
    /// The body's HTML, UTF-8 (see `RenderedMarkdown.htmlBytes`).
    var html: [UInt8]
    var toc: [TOCEntry]
    var summary: String
    /// The whole body as plain text, headings included, one block per line: the search index's
    /// body text (UTF-8), from the same cmark walk as the summary.
    var searchText: [UInt8]
    var coverHref: String?
    var photoHref: String?
    /// Files the item uses from outside a bundle: (absolute source, output path).
    var copies: [(String, String)]
    /// Off-site links and where they are written (`renda check --external`).
    var externalLinks: [(url: String, at: SourceLocation)]
}

/// Stage 4a: Markdown for every published item, on all cores.
enum ItemRendering {
    /// With `checkingWording` (`renda check`), every text is also read for `ChineseWording`.
    static func render(model: SiteModel, context: LinkResolver.Context, checkingWording: Bool = false) -> ([RenderedItem], [Diagnostic]) {
        let renderer = renderer(for: model.config, checkingWording: checkingWording)
        let results = model.items.parallelMap { render($0, with: renderer, config: model.config, context: context) }
        return (results.map(\.0), results.flatMap(\.1))
    }

    static func renderer(for config: SiteConfig, checkingWording: Bool = false) -> MarkdownRenderer {
        MarkdownRenderer(plainTextLimit: config.summaryLength * 4, keepsFullText: config.search, checksWording: checkingWording)
    }

    /// One item. `renda serve` calls it only for items whose file changed; `observe` sees every
    /// link decision so a later rebuild can tell whether they still hold without re-rendering.
    static func render(_ item: Item, with renderer: MarkdownRenderer, config: SiteConfig, context: LinkResolver.Context,
                       observe: ((LinkReference, LinkResolution) -> Void)? = nil) -> (RenderedItem, [Diagnostic]) {
        var resolver = LinkResolver(item: item, context: context)
        // A deputy's story goes under the profile page's 履职风采 heading.
        let markdown = renderer.render(item.body, topHeadingLevel: item.kind == .deputies ? 3 : 2) { reference in
            let resolution = resolver.resolve(reference)
            observe?(reference, resolution)
            return resolution
        }
        let cover = item.cover.flatMap { resolver.resolveAsset($0, field: .cover) }
        let photo = item.deputy?.photo.flatMap { resolver.resolveAsset($0, field: .photo) }
        let summary = item.summary ?? Summary.cut(markdown.plainText, limit: config.summaryLength)
        let rendered = RenderedItem(html: markdown.htmlBytes, toc: markdown.toc, summary: summary,
                                    searchText: markdown.fullText ?? [],
                                    coverHref: cover, photoHref: photo, copies: resolver.copies,
                                    externalLinks: resolver.externalLinks)
        var slips = markdown.slips.map {
            MarkdownSlipNotes.diagnostic($0, at: SourceLocation(file: item.sourcePath, line: item.bodyLine + $0.line - 1))
        }
        if renderer.checksWording {
            // The title and the editor's summary are read most, on every list that shows the item.
            for (field, text) in [(Field.title, item.title), (.summary, item.summary)] {
                for finding in ChineseWording.findings(in: text ?? "") {
                    slips.append(MarkdownSlipNotes.wording(finding, at: item.location(of: field)))
                }
            }
        }
        return (rendered, resolver.problems + slips)
    }
}
