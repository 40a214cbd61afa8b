import RendaContent
import RendaCore
import RendaTemplates

/// The context of each kind of page in the plan.
extension ContextBuilder {
    func context(for page: PagePlan.Page) -> Context {
        switch page.kind {
        case .home: home()
        case .sectionList(let kind, let pager): sectionList(kind, pager: pager, path: page.path)
        case .item(let index): itemPage(index)
        case .archive: archive()
        case .archiveYear(let position): archiveYear(position)
        case .topics: topicIndex()
        case .topic(let slug, let pager): topic(slug, pager: pager, path: page.path)
        case .deputiesYear(let position): deputiesYear(position)
        case .search: searchPage()
        case .subscribe: subscribePage()
        case .notFound: notFound()
        }
    }

    /// Hugo-style lookup: the most specific template that exists wins.
    static func templateCandidates(for page: PagePlan.Page, model: SiteModel) -> [String] {
        switch page.kind {
        case .home: ["home"]
        case .sectionList(let kind, _): ["\(kind.rawValue)/list", "list"]
        case .item(let index):
            model.items[index].kind == .pages ? ["page"] : ["\(model.items[index].kind.rawValue)/single", "single"]
        case .archive: ["archive"]
        case .archiveYear: ["archive-year"]
        case .topics: ["topics"]
        case .topic: ["topic"]
        case .deputiesYear: ["deputies-year"]
        case .search: ["search"]
        case .subscribe: ["subscribe"]
        case .notFound: ["404"]
        }
    }

    func home() -> Context {
        var context = page(path: URLScheme.home, title: nil)
        var page = context.child("page") ?? [:]
        page["is_home"] = true
        context["page"] = page
        context["news"] = latest(.news, 8)
        context["reports"] = latest(.reports, 4)
        context["deputies"] = latest(.deputies, 6)
        context["topics"] = topicSummaries()
        context["collections"] = collections()
        for kind in SectionKind.allCases where kind.isDated {
            context["\(kind.rawValue)_href"] = urls.href(URLScheme.section(kind))
        }
        return context
    }

    private func latest(_ kind: SectionKind, _ count: Int) -> [Context] {
        (model.sections[kind] ?? []).prefix(count).map(card)
    }

    func sectionList(_ kind: SectionKind, pager: Pager, path: String) -> Context {
        let list = model.sections[kind] ?? []
        let name = sectionName(kind)
        let title = pager.number > 1 ? "\(name)（第\(pager.number)页）" : name
        var context = page(path: path, title: title, breadcrumbs: [homeCrumb])
        var section: Context = ["name": name, "href": urls.href(URLScheme.section(kind)), "kind": kind.rawValue,
                                "count": list.count]
        if URLScheme.feedSections.contains(kind) {
            section["feed"] = urls.href(URLScheme.feed(kind))
            if model.config.subscribePage { section["subscribe"] = urls.href(URLScheme.subscribe(kind)) }
        }
        if kind == .deputies {
            // Deputies, not profiles: one profiled again in a later year is one deputy (by name
            // and 选区, as namesakes of two 选区 are two). `profiles` counts the profiles.
            section["profiles"] = list.count
            section["count"] = model.profilesOfDeputy.count
        }
        context["section"] = section
        context["items"] = list[pager.range].map(card)
        context["pagination"] = pagination(listPath: URLScheme.section(kind), pager: pager)
        if kind == .deputies { context["collections"] = collections() }
        return context
    }

    func archive() -> Context {
        var context = page(path: URLScheme.archive, title: string("archive", "归档"), breadcrumbs: [homeCrumb])
        context["years"] = yearLinks(current: nil)
        context["total"] = model.dated.count
        return context
    }

    private func yearLinks(current: Int?) -> [Context] {
        model.years.map { entry in
            var link: Context = ["year": entry.year, "href": urls.href(URLScheme.archive(year: entry.year)),
                                 "count": entry.items.count]
            if entry.year == current { link["current"] = true }
            return link
        }
    }

    func archiveYear(_ position: Int) -> Context {
        let entry = model.years[position]
        let archiveName = string("archive", "归档")
        var context = page(path: URLScheme.archive(year: entry.year), title: "\(entry.year)年",
                           breadcrumbs: [homeCrumb, (archiveName, urls.href(URLScheme.archive))])
        var months: [(Int, [Int])] = []
        for index in entry.items {
            let month = model.items[index].date?.month ?? 0
            if months.last?.0 == month { months[months.count - 1].1.append(index) } else { months.append((month, [index])) }
        }
        context["year"] = entry.year
        context["count"] = entry.items.count
        context["months"] = months.map { month, indexes in
            ["month": month, "name": "\(month)月", "anchor": "m\(month)", "count": indexes.count,
             "items": indexes.map(card)] as Context
        }
        context["years"] = yearLinks(current: entry.year)
        return context
    }

    func topicSummaries() -> [Context] {
        model.topics.topics.map { topic in
            var entry: Context = ["name": topic.name, "slug": topic.slug, "href": urls.href(URLScheme.topic(topic.slug)),
                                  "count": model.byTopic[topic.slug]?.count ?? 0]
            if !topic.description.isEmpty { entry["description"] = topic.description }
            return entry
        }
    }

    func topicIndex() -> Context {
        var context = page(path: URLScheme.topics, title: string("topics", "专题"), breadcrumbs: [homeCrumb])
        context["topics"] = topicSummaries()
        return context
    }

    func topic(_ slug: String, pager: Pager, path: String) -> Context {
        let topic = model.topics.topic(slug: slug)!
        let list = model.byTopic[slug] ?? []
        let title = pager.number > 1 ? "\(topic.name)（第\(pager.number)页）" : topic.name
        var context = page(path: path, title: title, description: topic.description.isEmpty ? nil : topic.description,
                           breadcrumbs: [homeCrumb, (string("topics", "专题"), urls.href(URLScheme.topics))])
        var info: Context = ["name": topic.name, "slug": topic.slug, "count": list.count]
        if !topic.description.isEmpty { info["description"] = topic.description }
        context["topic"] = info
        context["items"] = list[pager.range].map(card)
        context["pagination"] = pagination(listPath: URLScheme.topic(slug), pager: pager)
        return context
    }

    func deputiesYear(_ position: Int) -> Context {
        let entry = model.deputyYears[position]
        let title = "\(entry.year)年\(string("deputies_collection", "代表风采汇编"))"
        var context = page(path: URLScheme.deputies(year: entry.year), title: title,
                           breadcrumbs: breadcrumbsFor(section: .deputies))
        context["year"] = entry.year
        context["count"] = entry.delegations.reduce(0) { $0 + $1.items.count }
        context["delegation_count"] = entry.delegations.count
        // The printed cover's date: the month of the year's newest profile, so the same content
        // prints the same cover on any day.
        if let newest = entry.delegations.flatMap(\.items).compactMap({ model.items[$0].date }).max() {
            context["issued"] = "\(newest.year)年\(newest.month)月"
        }
        // Named by the 选区 (`#d-he-kou-zhen`), not its place: a link someone shared still lands
        // on it after a 选区 is added or renamed before it. Two alike in pinyin get their place too.
        var anchors = Set<String>()
        let named = entry.delegations.enumerated().map { number, group in
            let anchor = "d-" + (Slug.transliterated(group.name) ?? Slug.shortHash(group.name))
            return anchors.insert(anchor).inserted ? anchor : anchor + "-\(number + 1)"
        }
        // The printed booklet's running heads (`@page` rules the template writes): CSS strings.
        context["print_title"] = CSSString.quoted(title)
        context["delegations"] = entry.delegations.enumerated().map { number, group in
            ["name": group.name, "anchor": named[number], "count": group.items.count,
             "print_name": CSSString.quoted(group.name),
             "deputies": group.items.map { index -> Context in
                 let slug = model.items[index].slug
                 var card = self.card(index)
                 // One page holds every profile: headings go under the deputy's h3 (from the h3
                 // the profile page gives them to h4), ids get the profile's slug so two profiles
                 // with the same heading stay distinct.
                 card["html"] = TemplateValue.utf8(HeadingShift.apply(to: rendered[index].html, levels: 1, idPrefix: slug + "-"))
                 card["anchor"] = slug
                 return card
             }] as Context
        }
        context["collections"] = collections(current: entry.year)
        return context
    }

    func notFound() -> Context {
        var context = page(path: URLScheme.notFound, title: string("not_found_title", "页面未找到"))
        context["topics"] = topicSummaries()
        return context
    }
}
