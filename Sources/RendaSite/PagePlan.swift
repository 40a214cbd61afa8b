import RendaContent

/// Every HTML page the site will have, decided from the model before anything is rendered,
/// so links can be checked against it and pages rendered in any order.
struct PagePlan: Sendable {
    enum Kind: Sendable {
        case home
        case sectionList(SectionKind, Pager)
        case item(Int)
        case archive
        case archiveYear(Int)
        case topics
        case topic(String, Pager)
        /// Index into `SiteModel.deputyYears`.
        case deputiesYear(Int)
        /// `/search/`: the form and the script that reads the search index.
        case search
        /// `/subscribe/`: every feed's address and how to use it.
        case subscribe
        case notFound
    }

    struct Page: Sendable {
        var path: String
        var kind: Kind
    }

    let pages: [Page]

    init(model: SiteModel) {
        var pages: [Page] = [Page(path: URLScheme.home, kind: .home)]
        for kind in SectionKind.allCases where kind.isDated {
            let list = model.sections[kind] ?? []
            for pager in Pager.pages(count: list.count, perPage: model.config.perPage) {
                pages.append(Page(path: URLScheme.paged(URLScheme.section(kind), page: pager.number),
                                  kind: .sectionList(kind, pager)))
            }
        }
        for index in model.items.indices {
            pages.append(Page(path: model.items[index].path, kind: .item(index)))
        }
        pages.append(Page(path: URLScheme.archive, kind: .archive))
        for (position, entry) in model.years.enumerated() {
            pages.append(Page(path: URLScheme.archive(year: entry.year), kind: .archiveYear(position)))
        }
        pages.append(Page(path: URLScheme.topics, kind: .topics))
        for topic in model.topics.topics {
            let list = model.byTopic[topic.slug] ?? []
            for pager in Pager.pages(count: list.count, perPage: model.config.perPage) {
                pages.append(Page(path: URLScheme.paged(URLScheme.topic(topic.slug), page: pager.number),
                                  kind: .topic(topic.slug, pager)))
            }
        }
        for (position, entry) in model.deputyYears.enumerated() {
            pages.append(Page(path: URLScheme.deputies(year: entry.year), kind: .deputiesYear(position)))
        }
        if model.config.search { pages.append(Page(path: URLScheme.search, kind: .search)) }
        if model.config.subscribePage { pages.append(Page(path: URLScheme.subscribe, kind: .subscribe)) }
        pages.append(Page(path: URLScheme.notFound, kind: .notFound))
        self.pages = pages
    }
}

/// Every path the output will hold, to check internal links and images before writing.
struct SiteInventory: Sendable {
    private(set) var paths: Set<String> = []

    mutating func add(_ sitePath: String) { paths.insert(sitePath) }

    /// Whether a site path (`/topics/jiandu/`, `/images/a.png`, `/news/x/index.html`) will exist.
    func contains(_ sitePath: String) -> Bool {
        var path = sitePath
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        // Foundation's decoding bridges through NSString: asked only of paths that have a `%`.
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if path.isEmpty || paths.contains(path) { return true }
        if !path.hasSuffix("/"), paths.contains(path + "/") { return true }
        if path.hasSuffix("/index.html"), paths.contains(String(path.dropLast("index.html".count))) { return true }
        return false
    }
}
