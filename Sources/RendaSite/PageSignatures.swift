import RendaContent
import RendaCore

/// What each planned page shows, folded into one number per page. A preview rebuild renders only
/// the pages whose number changed since they were written, so every value a page's template
/// context reads must feed its number here; the rule is that of `ContextBuilder` and
/// `PageContexts`: when a context starts to show something new (another item's title, a count),
/// add it below, or the incremental result will differ from a full build. The byte-for-byte
/// comparison in RendaServerTests checks this.
struct PageSignatures {
    let model: SiteModel
    /// Per item in model order: its Markdown version and whether it is shown as 草稿/未发布.
    private let items: [Int]
    /// Everything every page shows: settings, topics, theme, asset names.
    private let global: Int
    private let topicCounts: Int
    private let collections: Int
    private let years: Int
    /// How many deputies (not profiles) the deputies section counts.
    private let deputies: Int

    init(model: SiteModel, itemVersions: [Int], now: SiteDate, global: Int) {
        self.model = model
        self.global = global
        var items = zip(model.items, itemVersions).map { item, version in
            var hasher = Hasher()
            hasher.combine(version)
            hasher.combine(item.draft)
            hasher.combine(item.date.map { $0 > now } ?? false)
            return hasher.finalize()
        }
        // A profile's card links the same deputy's profiles of other years: wherever it shows,
        // their years and addresses are part of it.
        for profiles in model.profilesOfDeputy.values where profiles.count > 1 {
            for index in profiles {
                var hasher = Hasher()
                hasher.combine(items[index])
                for other in profiles where other != index {
                    hasher.combine(model.items[other].path)
                    hasher.combine(model.items[other].deputy?.year)
                }
                items[index] = hasher.finalize()
            }
        }
        self.items = items
        deputies = model.profilesOfDeputy.count
        topicCounts = PageSignatures.fold(model.topics.topics.map { model.byTopic[$0.slug]?.count ?? 0 })
        collections = PageSignatures.fold(model.deputyYears.flatMap { [$0.year, $0.delegations.reduce(0) { $0 + $1.items.count }] })
        years = PageSignatures.fold(model.years.flatMap { [$0.year, $0.items.count] })
    }

    /// Changes whenever an item, its status, or what every page shows changes: the search index
    /// holds every item (`SearchPage.swift`).
    var searchIndexKey: Int {
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(items)
        return hasher.finalize()
    }

    /// Path → number for every page of the plan.
    func all(_ plan: PagePlan) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(plan.pages.count)
        for page in plan.pages { result[page.path] = signature(page) }
        return result
    }

    func signature(_ page: PagePlan.Page) -> Int {
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(page.path)
        switch page.kind {
        case .home:
            hasher.combine("home")
            for kind in [SectionKind.news, .reports, .deputies] {
                hasher.combine(versions((model.sections[kind] ?? []).prefix(8)))
            }
            hasher.combine(topicCounts)
            hasher.combine(collections)
        case .sectionList(let kind, let pager):
            let list = model.sections[kind] ?? []
            hasher.combine(kind.rawValue)
            combine(pager, &hasher)
            hasher.combine(list.count)
            hasher.combine(versions(list[pager.range]))
            // The deputies section counts deputies (by name and 选区) on each of its pages.
            if kind == .deputies { hasher.combine(collections); hasher.combine(deputies) }
        case .item(let index):
            hasher.combine(items[index])
            // 上一篇 / 下一篇 show the neighbours' titles and links.
            let (older, newer) = model.adjacent(index)
            hasher.combine(older.map { items[$0] } ?? 0)
            hasher.combine(newer.map { items[$0] } ?? 0)
            // 相关阅读 shows the related items' titles, dates and links.
            hasher.combine(versions(model.related[index]))
            // The breadcrumbs show each 上级页面's title.
            for parent in model.parentPages.ancestors[index] ?? [] { hasher.combine(items[parent]) }
        case .archive:
            hasher.combine("archive")
            hasher.combine(years)
            hasher.combine(model.dated.count)
        case .archiveYear(let position):
            hasher.combine(model.years[position].year)
            hasher.combine(versions(model.years[position].items))
            hasher.combine(years)
        case .topics:
            hasher.combine("topics")
            hasher.combine(topicCounts)
        case .topic(let slug, let pager):
            let list = model.byTopic[slug] ?? []
            hasher.combine(slug)
            combine(pager, &hasher)
            hasher.combine(list.count)
            hasher.combine(versions(list[pager.range]))
        case .deputiesYear(let position):
            let entry = model.deputyYears[position]
            hasher.combine(entry.year)
            for group in entry.delegations {
                hasher.combine(group.name)
                hasher.combine(versions(group.items))
            }
            hasher.combine(collections)
        case .search:
            // The page lists topics and years for readers without JavaScript (SearchPage.swift).
            hasher.combine("search")
            hasher.combine(topicCounts)
            hasher.combine(years)
        case .subscribe:
            // Feed names and addresses come from the settings and strings, already in `global`.
            hasher.combine("subscribe")
        case .notFound:
            hasher.combine("404")
            hasher.combine(topicCounts)
        }
        return hasher.finalize()
    }

    private func combine(_ pager: Pager, _ hasher: inout Hasher) {
        hasher.combine(pager.number)
        hasher.combine(pager.total)
        hasher.combine(pager.range.lowerBound)
        hasher.combine(pager.range.upperBound)
    }

    private func versions<S: Sequence<Int>>(_ indexes: S) -> Int {
        var hasher = Hasher()
        for index in indexes { hasher.combine(items[index]) }
        return hasher.finalize()
    }

    private static func fold(_ values: [Int]) -> Int {
        var hasher = Hasher()
        for value in values { hasher.combine(value) }
        return hasher.finalize()
    }
}
