import RendaContent
import RendaCore
import RendaMarkdown

/// An item's body and derived fields after the Markdown stage.
struct RenderedItem: Sendable {
    var html: String
    var toc: [TOCEntry]
    var summary: String
    var coverHref: String?
    var photoHref: String?
    /// Files the item uses from outside a bundle: (absolute source, output path).
    var copies: [(String, String)]
}

/// Stage 4a: Markdown for every published item, on all cores.
enum ItemRendering {
    static func render(model: SiteModel, context: LinkResolver.Context) -> ([RenderedItem], [Diagnostic]) {
        let renderer = MarkdownRenderer(plainTextLimit: model.config.summaryLength * 4)
        let results = model.items.parallelMap { item -> (RenderedItem, [Diagnostic]) in
            var resolver = LinkResolver(item: item, context: context)
            let markdown = renderer.render(item.body) { resolver.resolve($0) }
            let cover = item.cover.flatMap { resolver.resolveAsset($0, field: .cover) }
            let photo = item.deputy?.photo.flatMap { resolver.resolveAsset($0, field: .photo) }
            let summary = item.summary ?? Summary.cut(markdown.plainText, limit: model.config.summaryLength)
            let rendered = RenderedItem(html: markdown.html, toc: markdown.toc, summary: summary,
                                        coverHref: cover, photoHref: photo, copies: resolver.copies)
            return (rendered, resolver.problems)
        }
        return (results.map(\.0), results.flatMap(\.1))
    }
}
