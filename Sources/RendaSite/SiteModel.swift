import RendaContent
import RendaCore

/// Stage 3 (model): what gets published and how it is grouped, decided once for every page.
public struct SiteModel: Sendable {
    public let config: SiteConfig
    public let topics: TopicCatalog
    /// Published items, every section: newest first, equal dates by title then file, so the
    /// order never depends on the disk.
    /// (Settable so `renda serve` can swap in an edited item that keeps its place.)
    public internal(set) var items: [Item]
    /// Items of each dated section, newest first.
    public let sections: [SectionKind: [Int]]
    /// Item index → its position in its section's list (for 上一篇/下一篇 without a search).
    public let sectionPosition: [Int]
    /// Single pages by title order.
    public let pages: [Int]
    /// Every dated item, newest first.
    public let dated: [Int]
    /// Topic slug → items, newest first.
    public let byTopic: [String: [Int]]
    /// Year → items (all dated sections), newest first; years descending.
    public let years: [(year: Int, items: [Int])]
    /// Collection year → deputy profiles grouped by delegation.
    public let deputyYears: [(year: Int, delegations: [(name: String, items: [Int])])]
    /// Each single page's 上级页面, and what is wrong with those written.
    let parentPages: ParentPages
    /// One deputy's profiles (by name and 选区, as namesakes of two 选区 are two people), newest
    /// first, keyed by `deputyKey`: the other years a profile links to, and the section's count
    /// of deputies.
    let profilesOfDeputy: [String: [Int]]
    /// Item index → the items its 相关阅读 links to (`RelatedItems`), newest first.
    let related: [[Int]]

    static func deputyKey(_ deputy: DeputyProfile) -> String { deputy.name + "\u{1F}" + deputy.delegation }

    public init(content: SiteContent, includeDrafts: Bool, now: SiteDate) {
        config = content.config
        topics = content.topics
        // Indexes are filtered and sorted, by precomputed keys, and each `Item` (a large struct whose
        // every string a copy retains) is copied once, into its place.
        let source = content.items
        let published = source.indices.filter { index in
            source[index].withheld == nil
                && (includeDrafts || (!source[index].draft && (source[index].date.map { $0 <= now } ?? true)))
        }
        let keys = published.map { (date: source[$0].date?.epochSeconds ?? 0, title: source[$0].title, source: source[$0].sourcePath) }
        let all = published.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if ka.date != kb.date { return ka.date > kb.date }
            if ka.title != kb.title { return ka.title < kb.title }
            return ka.source < kb.source
        }.map { source[published[$0]] }
        items = all
        let indexes = Array(all.indices)
        var sections: [SectionKind: [Int]] = [:]
        for kind in SectionKind.allCases where kind.isDated {
            sections[kind] = indexes.filter { all[$0].kind == kind }
        }
        self.sections = sections
        var positions = [Int](repeating: 0, count: all.count)
        for list in sections.values { for (position, index) in list.enumerated() { positions[index] = position } }
        sectionPosition = positions
        let pages = indexes.filter { all[$0].kind == .pages }.sorted { all[$0].title < all[$1].title }
        self.pages = pages
        // The unpublished pages a parent may name are looked for only in a site whose pages have parents.
        var waitingPages: Set<String> = []
        if pages.contains(where: { all[$0].parent != nil }) {
            let published = Set(pages.map { all[$0].path })
            waitingPages = Set(source.lazy.filter { $0.kind == .pages && !published.contains($0.path) }.map(\.path))
        }
        parentPages = ParentPages(items: all, pages: pages, baseURL: config.baseURL, waiting: waitingPages)
        let dated = indexes.filter { all[$0].kind.isDated }
        self.dated = dated

        var byTopic: [String: [Int]] = [:]
        for index in dated {
            for slug in all[index].topics { byTopic[slug, default: []].append(index) }
        }
        self.byTopic = byTopic
        let sectionLists = sections, sectionPositions = positions
        related = RelatedItems.choose(items: all, byTopic: byTopic, count: config.related) { index in
            let (older, newer) = SiteModel.adjacent(at: sectionPositions[index], in: sectionLists[all[index].kind])
            return [older, newer].compactMap { $0 }
        }

        var byYear: [Int: [Int]] = [:]
        for index in dated { if let year = all[index].date?.year { byYear[year, default: []].append(index) } }
        years = byYear.keys.sorted(by: >).map { ($0, byYear[$0]!) }

        var deputyYears: [Int: [String: [Int]]] = [:]
        var deputyNames: [Int: String] = [:]
        for index in sections[.deputies] ?? [] {
            guard let deputy = all[index].deputy else { continue }
            deputyYears[deputy.year, default: [:]][deputy.delegation, default: []].append(index)
            deputyNames[index] = deputy.name
        }
        var names = Set(deputyNames.values)
        for groups in deputyYears.values { names.formUnion(groups.keys) }
        let key = CollationKey.keys(for: names.sorted(), people: Set(deputyNames.values))
        // Each profile's key looked up once, not in every comparison of the sort.
        let nameKeys = deputyNames.mapValues { key[$0]! }
        // 选区 in site.yml's order, any it does not list after them by pinyin.
        let listed = Dictionary(config.delegations.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func precedes(_ a: String, _ b: String) -> Bool {
            switch (listed[a], listed[b]) {
            case let (x?, y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): key[a]! < key[b]!
            }
        }
        profilesOfDeputy = Dictionary(grouping: (sections[.deputies] ?? []).filter { all[$0].deputy != nil },
                                      by: { SiteModel.deputyKey(all[$0].deputy!) })
        self.deputyYears = deputyYears.keys.sorted(by: >).map { year in
            let groups = deputyYears[year]!
            let delegations = groups.keys.sorted(by: precedes)
            return (year, delegations.map { delegation in
                (delegation, groups[delegation]!.sorted { nameKeys[$0]! < nameKeys[$1]! })
            })
        }
    }

    public func items(_ indexes: [Int]) -> [Item] { indexes.map { items[$0] } }

    /// An item's 上一篇 (the older) and 下一篇 (the newer) in its section; none for single pages
    /// and at a section's ends. The page, its signature and its 相关阅读 all go by this.
    func adjacent(_ index: Int) -> (older: Int?, newer: Int?) {
        SiteModel.adjacent(at: sectionPosition[index], in: sections[items[index].kind])
    }

    private static func adjacent(at position: Int, in list: [Int]?) -> (older: Int?, newer: Int?) {
        guard let list else { return (nil, nil) }
        return (position + 1 < list.count ? list[position + 1] : nil, position > 0 ? list[position - 1] : nil)
    }
}
