import Foundation
import RendaContent
import RendaCore

/// The two commonest saves, done without running `prepare` over the whole site (which, even with
/// every file cached, walks tens of thousands of values on a large site):
///
/// - Markdown files edited in a way that leaves the site's shape alone: same URL, date, topics,
///   draft state, old addresses, parent page and profile fields, and a title that keeps the item's place in the order. Then
///   the model, page plan, link targets and every other item stay as they are; only the edited
///   item is read and rendered again, and its own diagnostics replaced.
/// - Templates or UI strings edited: the site stays, the theme is compiled again.
///
/// Anything else (a new or deleted file, a date or topic change, settings, static files, an item
/// due to be published) returns nil, and the caller runs the full prepare. The diagnostics are
/// what `renda check` would report: the site-wide ones cannot change under these edits, and the
/// edited file's own (reading, Markdown links, editorial notes) are computed by the same code.
extension IncrementalSite {
    struct QuickResult {
        var site: Result<PreparedSite, BuildFailure>
        var itemsRead: Int
        var itemsRendered: Int
        /// Whether the Atom feeds may differ (they hold the newest items' HTML). Nothing else
        /// outside the pages can: the sitemap, copied files and asset names are untouched.
        var feedsMayChange = false
    }

    func quickRebuild(_ changed: Set<String>, now: SiteDate) -> QuickResult? {
        guard let last = lastGood, !changed.isEmpty else { return nil }
        if let nextDue, now >= nextDue { return nil }
        let root = options.root.path
        if changed.allSatisfy({ $0.hasPrefix(root + "/themes/") }) { return themeEdit(changed, last: last) }
        guard changed.allSatisfy({ MarkdownFileName.matches($0) && $0.hasPrefix(root + "/content/") }) else { return nil }
        return itemEdits(changed.sorted(), last: last, now: now)
    }

    /// Templates and strings only: `theme.yml` can change the parent theme and static files the
    /// hashed asset names, both of which need the full prepare.
    private func themeEdit(_ changed: Set<String>, last: PreparedSite) -> QuickResult? {
        guard !changed.contains(where: { $0.hasSuffix("/theme.yml") || $0.contains("/static/") || $0.hasSuffix("/static") })
        else { return nil }
        var diagnostics = last.diagnostics.all
        guard remove(theme.problems, from: &diagnostics) else { return nil }
        let (loaded, problems) = theme.load(root: options.root, config: last.content.config)
        diagnostics += problems
        let all = Diagnostics(diagnostics)
        guard let loaded, !all.hasErrors else { return QuickResult(site: .failure(.content(all)), itemsRead: 0, itemsRendered: 0) }
        var site = last
        site.theme = loaded
        site.diagnostics = all
        return QuickResult(site: .success(site), itemsRead: 0, itemsRendered: 0)
    }

    private func itemEdits(_ paths: [String], last: PreparedSite, now: SiteDate) -> QuickResult? {
        guard let context = renders.context else { return nil }
        var content = last.content, model = last.model, rendered = last.rendered
        var diagnostics = last.diagnostics.all
        let checks = SiteChecks(content: content, model: model, now: now, root: options.root,
                                archetypeFolders: last.theme.archetypeFolders)
        var itemsRead = 0, itemsRendered = 0, feedsMayChange = false
        for path in paths {
            guard let before = sources.entry(for: path) else { return nil }
            // Saved without a change (or only its permissions): nothing to do for this file.
            if FileStamp(path: path) == before.stamp { continue }
            guard let old = before.result.0,
                  let (item, readProblems) = sources.reread(path, root: options.root, topics: content.topics),
                  let item, keepsItsPlace(old, item),
                  let contentIndex = content.items.firstIndex(where: { $0.sourcePath == old.sourcePath })
            else { return nil }
            itemsRead += 1

            // The file's own diagnostics are replaced; any other about it (a shared URL, a profile
            // given twice) depends only on fields that did not change, unless its line moved.
            let oldRender = renders.cached(old.sourcePath)
            let oldOwn = before.result.1 + checks.itemNotes(for: old) + (oldRender?.problems ?? [])
            var others = diagnostics.filter { $0.location.file == old.sourcePath }
            guard remove(oldOwn, from: &others), others.isEmpty || old.fieldLines == item.fieldLines,
                  remove(oldOwn, from: &diagnostics)
            else { return nil }
            diagnostics += readProblems + checks.itemNotes(for: item)
            content.items[contentIndex] = item

            guard let index = model.items.firstIndex(where: { $0.sourcePath == old.sourcePath }) else {
                // A draft is not rendered, but one naming a loose file keeps it from the unused-file
                // warning (`SiteChecks`): a draft that starts or stops naming one needs the full check.
                if content.looseFiles.contains(where: { SiteChecks.item(old, names: $0) != SiteChecks.item(item, names: $0) }) {
                    return nil
                }
                continue
            }
            if old.title != item.title {
                // Items are ordered by date, then title: a new title keeps the place unless another
                // item has the same date (those sit next to it). Single pages are ordered by title.
                if item.kind == .pages { return nil }
                let date = item.date?.epochSeconds ?? 0
                if [index - 1, index + 1].contains(where: {
                    model.items.indices.contains($0) && (model.items[$0].date?.epochSeconds ?? 0) == date
                }) { return nil }
            }
            guard let generation = sources.generation(of: path) else { return nil }
            let (fresh, problems) = renders.rerender(item, at: index, config: model.config, context: context,
                                                     fileGeneration: generation)
            // Files copied beside the page are part of the output list: a change there needs the full prepare.
            guard fresh.copies.elementsEqual(rendered[index].copies, by: ==) else { return nil }
            diagnostics += problems
            model.items[index] = item
            rendered[index] = fresh
            itemsRendered += 1
            feedsMayChange = feedsMayChange || model.dated.prefix(Feeds.entryCount).contains(index)
                || URLScheme.feedSections.contains { (model.sections[$0] ?? []).prefix(Feeds.entryCount).contains(index) }
        }
        let all = Diagnostics(diagnostics)
        if all.hasErrors { return QuickResult(site: .failure(.content(all)), itemsRead: itemsRead, itemsRendered: itemsRendered) }
        var site = last
        site.content = content
        site.model = model
        site.rendered = rendered
        site.diagnostics = all
        return QuickResult(site: .success(site), itemsRead: itemsRead, itemsRendered: itemsRendered, feedsMayChange: feedsMayChange)
    }

    /// Whether an edit leaves everything the model groups and orders by as it was.
    private func keepsItsPlace(_ old: Item, _ new: Item) -> Bool {
        old.kind == new.kind && old.sourcePath == new.sourcePath && old.sourceFolder == new.sourceFolder
            && old.isBundle == new.isBundle && old.slug == new.slug && old.date == new.date && old.draft == new.draft
            && old.withheld == new.withheld
            && old.topics == new.topics && old.deputy == new.deputy
            // A page's 上级页面 shapes its breadcrumbs and is checked across the site (`ParentPages`).
            && old.parent == new.parent
            // Redirect pages are written from the aliases and show the title.
            && old.aliases == new.aliases && (new.aliases.isEmpty || old.title == new.title)
    }

    /// Removes each of `old` once from `all`; false if one is missing (then the bookkeeping is off
    /// and the full prepare decides).
    private func remove(_ old: [Diagnostic], from all: inout [Diagnostic]) -> Bool {
        for diagnostic in old {
            guard let position = all.firstIndex(of: diagnostic) else { return false }
            all.remove(at: position)
        }
        return true
    }
}
