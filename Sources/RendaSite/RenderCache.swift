import Foundation
import RendaContent
import RendaCore
import RendaMarkdown

/// Markdown rendered per item, kept between preview rebuilds.
///
/// An item's HTML depends on its own file and on the answers its links got: whether a page,
/// image or other item exists and where it lives. Both are remembered. While the file is unchanged
/// and nothing the links could ask about changed (same site paths, same published files, no file
/// under content/ but Markdown touched), the cached HTML is used as is. Otherwise each remembered
/// link is asked again against the new site; only if an answer differs is the item rendered again.
final class RenderCache: @unchecked Sendable {
    private struct Entry: Sendable {
        var fileGeneration: Int
        var rendered: RenderedItem
        var problems: [Diagnostic]
        var links: [(LinkReference, LinkResolution)]
        /// Changes whenever the item is rendered again; pages showing the item key on it.
        var version: Int
    }

    private var entries: [String: Entry] = [:]
    private var nextVersion = 1
    private var lastContext: LinkResolver.Context?
    private let lock = NSLock()

    /// Items rendered in the last call, for the rebuild report.
    private(set) var renderedCount = 0
    /// The version of every item of the last model, in model order.
    private(set) var versions: [Int] = []

    func removeAll() {
        entries = [:]
        lastContext = nil
    }

    /// The `renderItems` hook of `SiteBuilder.prepare`. `filesOutsideMarkdownChanged` says that a
    /// file a link may point at (an image, a static file) was added, changed or removed.
    func render(model: SiteModel, context: LinkResolver.Context, sources: SourceCache, root: String,
                filesOutsideMarkdownChanged: Bool) -> ([RenderedItem], [Diagnostic]) {
        let recheckLinks = filesOutsideMarkdownChanged || !(lastContext.map { $0.answersAlike(context) } ?? false)
        lastContext = context
        let renderer = ItemRendering.renderer(for: model.config)
        let config = model.config
        // Read-only copies for the threads below: no lock per item.
        let generations = sources.generations()
        let known = entries
        let results = model.items.parallelMap { item -> Entry in
            let generation = generations[root + "/" + item.sourcePath] ?? -1
            let cached = known[item.sourcePath]
            if let cached, cached.fileGeneration == generation,
               !recheckLinks || RenderCache.linksHold(cached, item: item, context: context) {
                return cached
            }
            return renderEntry(item, renderer: renderer, config: config, context: context, fileGeneration: generation)
        }
        var fresh: [String: Entry] = [:]
        var rendered = 0
        for (item, entry) in zip(model.items, results) {
            if entries[item.sourcePath]?.version != entry.version { rendered += 1 }
            fresh[item.sourcePath] = entry
        }
        // Unpublished items drop out; they are rendered again if they come back.
        entries = fresh
        renderedCount = rendered
        versions = results.map(\.version)
        return (results.map(\.rendered), results.flatMap(\.problems))
    }

    /// The link context of the last render, which a quick rebuild reuses.
    var context: LinkResolver.Context? { lastContext }

    /// The cached render of an item, if any.
    func cached(_ sourcePath: String) -> (rendered: RenderedItem, problems: [Diagnostic])? {
        entries[sourcePath].map { ($0.rendered, $0.problems) }
    }

    /// Renders one item of the model again (its file changed, its place did not).
    func rerender(_ item: Item, at index: Int, config: SiteConfig, context: LinkResolver.Context,
                  fileGeneration: Int) -> (RenderedItem, [Diagnostic]) {
        let entry = renderEntry(item, renderer: ItemRendering.renderer(for: config), config: config, context: context,
                                fileGeneration: fileGeneration)
        entries[item.sourcePath] = entry
        versions[index] = entry.version
        return (entry.rendered, entry.problems)
    }

    /// Renders an item, remembering every link's answer, under a new version. Called from several
    /// threads at once.
    private func renderEntry(_ item: Item, renderer: MarkdownRenderer, config: SiteConfig, context: LinkResolver.Context,
                             fileGeneration: Int) -> Entry {
        var links: [(LinkReference, LinkResolution)] = []
        let (rendered, problems) = ItemRendering.render(item, with: renderer, config: config, context: context) {
            links.append(($0, $1))
        }
        let version = lock.withLock {
            nextVersion += 1
            return nextVersion
        }
        return Entry(fileGeneration: fileGeneration, rendered: rendered, problems: problems, links: links, version: version)
    }

    /// Asks each remembered link again; true if every answer, problem and copied file is the same.
    private static func linksHold(_ entry: Entry, item: Item, context: LinkResolver.Context) -> Bool {
        if entry.links.isEmpty, item.cover == nil, item.deputy?.photo == nil { return true }
        var resolver = LinkResolver(item: item, context: context)
        for (reference, answer) in entry.links where resolver.resolve(reference) != answer { return false }
        guard item.cover.flatMap({ resolver.resolveAsset($0, field: .cover) }) == entry.rendered.coverHref,
              item.deputy?.photo.flatMap({ resolver.resolveAsset($0, field: .photo) }) == entry.rendered.photoHref,
              resolver.problems == entry.problems,
              resolver.copies.elementsEqual(entry.rendered.copies, by: ==)
        else { return false }
        return true
    }
}

extension LinkResolver.Context {
    /// Whether every question a link can ask gets the same answer from both.
    func answersAlike(_ other: LinkResolver.Context) -> Bool {
        urls.basePath == other.urls.basePath && urls.origin == other.urls.origin && baseURL == other.baseURL
            && contentStatic == other.contentStatic && inventory.paths == other.inventory.paths
            && publishedSources == other.publishedSources && unpublishedSources == other.unpublishedSources
            && brokenSources == other.brokenSources
    }
}
