import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// Builds the values each template sees: typed `TemplateValue`s written as literals, holding only
/// non-empty values, because an empty string would still open a `{{#section}}`.
struct ContextBuilder: Sendable {
    let model: SiteModel
    let rendered: [RenderedItem]
    let urls: URLScheme
    let strings: [String: String]
    let now: SiteDate
    /// The parts of every page's frame that do not depend on the page, made once per build.
    private let frame: Frame
    private let cards = Memo<Int>()
    /// `site` with its menu marked for the page: one per combination of marks, not per page.
    private let sites = Memo<[MenuMark]>()

    typealias Context = TemplateValue

    init(model: SiteModel, rendered: [RenderedItem], urls: URLScheme, strings: [String: String],
         assets: [String: String], now: SiteDate) {
        self.model = model
        self.rendered = rendered
        self.urls = urls
        self.strings = strings
        self.now = now
        self.frame = Frame(strings: .object(strings.mapValues(TemplateValue.string)),
                           assets: .object(assets.mapValues(TemplateValue.string)),
                           site: Self.siteFields(config: model.config, urls: urls),
                           menu: Self.menuEntries(config: model.config, urls: urls),
                           sections: Self.sectionFrames(strings: strings, urls: urls),
                           deputyLabels: DeputyRows.labels(strings: strings),
                           topicLinks: Self.topicLinks(model.topics, urls: urls))
    }

    private enum MenuMark: Hashable, Sendable { case none, current, active }

    private struct Frame: Sendable {
        var strings: TemplateValue
        var assets: TemplateValue
        /// `site` without its menu, which marks the current page.
        var site: TemplateObject
        var menu: [(entry: TemplateObject, sitePath: String?)]
        var sections: [SectionKind: SectionFrame]
        /// The label of each deputy profile field, in `DeputyRows` order.
        var deputyLabels: [String]
        /// `{name, slug, href}` of every topic, by slug.
        var topicLinks: [String: Context]
    }

    /// What every card and page of a section shows of it.
    private struct SectionFrame: Sendable {
        var name: String
        var href: String
        /// `{name, href}`, as cards show it.
        var link: Context
    }

    private static func sectionFrames(strings: [String: String], urls: URLScheme) -> [SectionKind: SectionFrame] {
        Dictionary(uniqueKeysWithValues: SectionKind.allCases.map { kind in
            let name = kind.name(strings: strings), href = urls.href(URLScheme.section(kind))
            return (kind, SectionFrame(name: name, href: href, link: ["name": name, "href": href]))
        })
    }

    private static func topicLinks(_ topics: TopicCatalog, urls: URLScheme) -> [String: Context] {
        Dictionary(topics.topics.map { ($0.slug, ["name": $0.name, "slug": $0.slug, "href": urls.href(URLScheme.topic($0.slug))] as Context) },
                   uniquingKeysWith: { first, _ in first })
    }

    func string(_ key: String, _ fallback: String) -> String { strings[key] ?? fallback }

    // MARK: - Shared by every page

    /// The frame every page template extends: site, menu, footer, page metadata.
    /// `within`: the site path of the page this one belongs under (a 上级页面), whose menu entry
    /// is marked as the one the reader is in.
    func page(path: String, title: String?, description: String? = nil, ogType: String = "website",
              image: String? = nil, breadcrumbs: [(String, String)] = [], within: String? = nil) -> Context {
        let config = model.config
        var page: Context = [
            "path": path,
            "canonical": urls.absolute(path),
            "og_type": ogType,
            "full_title": title.map { "\($0) - \(config.title)" } ?? config.title,
        ]
        if let title { page["title"] = title }
        page["description"] = Self.nonEmpty(description) ?? Self.nonEmpty(config.description)
        if let image { page["image"] = image.hasPrefix("http") ? image : urls.origin + image }
        if !breadcrumbs.isEmpty {
            page["breadcrumbs"] = Context.list(breadcrumbs.map { ["name": $0.0, "href": $0.1] })
        }
        let marks = frame.menu.map { link -> MenuMark in
            guard let sitePath = link.sitePath else { return .none }
            if sitePath == path { return .current }
            if sitePath == within { return .active }
            return sitePath != "/" && path.hasPrefix(sitePath) ? .active : .none
        }
        let site = sites.value(for: marks) {
            var site = frame.site
            site["menu"] = .list(zip(frame.menu, marks).map { link, mark in
                var entry = link.entry
                if mark == .current { entry["current"] = .bool(true) }
                if mark == .active { entry["active"] = .bool(true) }
                return .object(entry)
            })
            return .object(site)
        }
        return [
            "lang": config.language,
            "site": site,
            "page": page,
            "t": frame.strings,
            "assets": frame.assets,
        ]
    }

    private static func siteFields(config: SiteConfig, urls: URLScheme) -> TemplateObject {
        var site: Context = [
            "title": config.title,
            "home": urls.href(URLScheme.home),
            "feed": urls.href(URLScheme.feed),
            "archive_href": urls.href(URLScheme.archive),
            "topics_href": urls.href(URLScheme.topics),
            "base_url": config.baseURL,
            "footer": config.footer.map(footerField),
            "footer_links": config.footerLinks.map { link -> Context in
                ["name": link.name, "href": link.url.hasPrefix("/") ? urls.href(link.url) : link.url]
            },
        ]
        site["description"] = nonEmpty(config.description)
        if config.search { site["search_href"] = urls.href(URLScheme.search) }
        if config.subscribePage { site["subscribe_href"] = urls.href(URLScheme.subscribe) }
        guard case .object(let fields) = site else { return TemplateObject() }
        return fields
    }

    private static func menuEntries(config: SiteConfig, urls: URLScheme) -> [(entry: TemplateObject, sitePath: String?)] {
        config.menu.map { link in
            let isSitePath = link.url.hasPrefix("/")
            return (TemplateObject(["name": .string(link.name), "href": .string(isSitePath ? urls.href(link.url) : link.url)]),
                    isSitePath ? link.url : nil)
        }
    }

    /// Footer fields; the two filing numbers link to the registries, as Chinese sites do.
    private static func footerField(_ field: FooterField) -> Context {
        var entry: Context = ["label": field.label, "value": field.value]
        if field.label.contains("ICP") {
            entry["href"] = "https://beian.miit.gov.cn/"
        } else if field.label.contains("公安") {
            let digits = field.value.filter { $0.isASCII && $0.isNumber }
            entry["href"] = digits.isEmpty ? "https://beian.mps.gov.cn/" : "https://beian.mps.gov.cn/#/query/webSearch?code=\(digits)"
        } else if field.label.contains("电话"), let number = phoneNumber(in: field.value) {
            // A reader on a phone taps the number to call it (the page turns off the browser's
            // own guessing at numbers, which also takes dates and figures for them).
            entry["href"] = "tel:" + number
        } else if field.label.contains("邮箱") || field.label.contains("邮件"),
                  let address = field.value.split(whereSeparator: { $0 == " " || !$0.isASCII }).first(where: { $0.contains("@") }) {
            entry["href"] = "mailto:" + address
        }
        return entry
    }

    /// The first run of digits, `-` and `+` holding seven digits or more: `0000-1234567` in
    /// `0000-1234567（办公室）`.
    static func phoneNumber(in text: String) -> String? {
        text.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+")) })
            .first { $0.filter(\.isNumber).count >= 7 }.map(String.init)
    }

    func breadcrumbsFor(section kind: SectionKind) -> [(String, String)] {
        let section = frame.sections[kind]!
        return [homeCrumb, (section.name, section.href)]
    }

    var homeCrumb: (String, String) { (string("home", "首页"), urls.href(URLScheme.home)) }

    // MARK: - Items

    func sectionName(_ kind: SectionKind) -> String { frame.sections[kind]!.name }

    func sectionHref(_ kind: SectionKind) -> String { frame.sections[kind]!.href }

    /// The item and its rendering, read where they are: `let result = rendered[index]` copies the
    /// whole `RenderedItem` (each of its references retained and released) for a few fields, and
    /// so does handing the element to a `borrowing` parameter. Through a pointer only the fields
    /// read are copied. (An `Item` copy is one retain: its fields live in a box.)
    func withItem<Result>(_ index: Int, _ body: (UnsafePointer<Item>, UnsafePointer<RenderedItem>) -> Result) -> Result {
        model.items.withUnsafeBufferPointer { items in
            rendered.withUnsafeBufferPointer { rendered in body(items.baseAddress! + index, rendered.baseAddress! + index) }
        }
    }

    /// What a list shows of an item; made once per item however many lists show it.
    func card(_ index: Int) -> Context {
        cards.value(for: index) { makeCard(index) }
    }

    private func makeCard(_ index: Int) -> Context {
        withItem(index) { item, result in makeCard(index, item, result) }
    }

    private func makeCard(_ index: Int, _ item: UnsafePointer<Item>, _ result: UnsafePointer<RenderedItem>) -> Context {
        var card: Context = [
            "title": item.pointee.title,
            "href": urls.href(item.pointee.path),
            "summary": result.pointee.summary,
            "section": frame.sections[item.pointee.kind]!.link,
        ]
        if let (main, byline) = TitleByline.split(item.pointee.title) {
            card["title_byline"] = ["main": main, "byline": byline] as Context
        }
        if let date = item.pointee.date {
            card["date"] = date.chinese
            card["datetime"] = date.rfc3339
        }
        if let cover = result.pointee.coverHref ?? result.pointee.photoHref { card["image"] = cover }
        if !item.pointee.topics.isEmpty { card["topics"] = Context.list(topicLinks(item.pointee.topics)) }
        if let status = status(draft: item.pointee.draft, date: item.pointee.date) { card["status"] = status }
        if let deputy = item.pointee.deputy {
            var profile = deputyContext(deputy, slug: item.pointee.slug, photo: result.pointee.photoHref)
            // The profile's title under the name, unless it is the name (as `renda new deputy` makes it).
            if item.pointee.title != deputy.name { profile["headline"] = item.pointee.title }
            // The same deputy's profiles of other years (by name and 选区, as namesakes of two
            // 选区 are two people), newest first: a reader follows one deputy's record over the years.
            let others = (model.profilesOfDeputy[SiteModel.deputyKey(deputy)] ?? []).filter { $0 != index }
            if !others.isEmpty {
                profile["other_years"] = Context.list(others.map { other in
                    ["year": model.items[other].deputy!.year, "href": urls.href(model.items[other].path)]
                })
            }
            card["deputy"] = profile
        }
        return card
    }

    /// "草稿" or "未发布", shown only in builds with --drafts.
    func status(draft: Bool, date: SiteDate?) -> String? {
        if draft { return string("status_draft", "草稿") }
        if let date, date > now { return string("status_future", "未发布") }
        return nil
    }

    func topicLinks(_ slugs: [String]) -> [Context] {
        slugs.compactMap { frame.topicLinks[$0] }
    }

    func deputyContext(_ deputy: DeputyProfile, slug: String, photo: String?) -> Context {
        let yearHref = urls.href(URLScheme.deputies(year: deputy.year))
        var context: Context = [
            "name": deputy.name,
            "delegation": deputy.delegation,
            "year": deputy.year,
            "year_href": yearHref,
            // The profile's own place in the collection, which anchors each entry by its slug.
            "entry_href": yearHref + "#" + slug,
            "fields": Context.list(DeputyRows.rows(deputy, labels: frame.deputyLabels).map { ["label": $0.label, "value": $0.value] }),
        ]
        if let photo { context["photo"] = photo }
        return context
    }

    /// Everything a single item page shows.
    func itemPage(_ index: Int) -> Context {
        withItem(index) { item, result in itemPage(index, item, result) }
    }

    private func itemPage(_ index: Int, _ item: UnsafePointer<Item>, _ result: UnsafePointer<RenderedItem>) -> Context {
        let ancestors = model.parentPages.ancestors[index] ?? []
        var context = page(path: item.pointee.path, title: item.pointee.title, description: result.pointee.summary,
                           ogType: item.pointee.kind.isDated ? "article" : "website",
                           image: result.pointee.coverHref ?? result.pointee.photoHref,
                           breadcrumbs: item.pointee.kind.isDated ? breadcrumbsFor(section: item.pointee.kind)
                               : [homeCrumb] + ancestors.map { (model.items[$0].title, urls.href(model.items[$0].path)) },
                           within: ancestors.first.map { model.items[$0].path })
        var entry = card(index)
        entry["html"] = TemplateValue.utf8(result.pointee.html)
        if let author = item.pointee.author { entry["author"] = author }
        if let source = item.pointee.source { entry["source"] = source }
        if let cover = result.pointee.coverHref { entry["cover"] = cover }
        // Reports get a contents list from two `##` headings on; long items from four.
        let tocMinimum = item.pointee.kind == .reports ? 2 : 4
        if result.pointee.toc.count >= tocMinimum {
            entry["toc"] = Context.list(result.pointee.toc.map { ["id": $0.id, "title": $0.title] })
        }
        if let report = item.pointee.report {
            var info: Context = [:]
            info["meeting"] = report.meeting
            info["reporter"] = report.reporter
            if !report.figures.isEmpty {
                info["figures"] = Context.list(report.figures.map { ["label": $0.label, "value": $0.value, "unit": $0.unit] })
            }
            entry["report"] = info
        }
        // 上一篇 is the one published before (older), 下一篇 the one after (newer).
        let (older, newer) = model.adjacent(index)
        if let older { entry["previous"] = neighbour(older) }
        if let newer { entry["next"] = neighbour(newer) }
        // 相关阅读: articles sharing a topic (`RelatedItems`).
        let related = model.related[index]
        // The cards themselves (title, link, date, section; made once each, for the lists).
        if !related.isEmpty { entry["related"] = Context.list(related.map(card)) }
        context["item"] = entry
        return context
    }

    /// Title and link, taken from the neighbour's card: it is made anyway, for the section lists.
    private func neighbour(_ index: Int) -> Context {
        let card = card(index)
        return ["title": card.child("title"), "href": card.child("href")]
    }

    // MARK: - Lists

    /// Page links: first, last and two either side of the current, with gaps marked.
    func pagination(listPath: String, pager: Pager) -> Context {
        var context: Context = ["number": pager.number, "total": pager.total]
        guard pager.total > 1 else { return context }
        context["has_pages"] = true
        if pager.number > 1 { context["previous"] = urls.href(URLScheme.paged(listPath, page: pager.number - 1)) }
        if pager.number < pager.total { context["next"] = urls.href(URLScheme.paged(listPath, page: pager.number + 1)) }
        var links: [Context] = []
        var lastShown = 0
        for number in 1...pager.total where number == 1 || number == pager.total || abs(number - pager.number) <= 2 {
            if number > lastShown + 1 { links.append(["gap": true]) }
            var link: Context = ["number": number, "href": urls.href(URLScheme.paged(listPath, page: number))]
            if number == pager.number { link["current"] = true }
            links.append(link)
            lastShown = number
        }
        context["pages"] = Context.list(links)
        return context
    }

    func collections(current: Int? = nil) -> [Context] {
        model.deputyYears.map { entry in
            var link: Context = ["year": entry.year, "href": urls.href(URLScheme.deputies(year: entry.year)),
                                 "count": entry.delegations.reduce(0) { $0 + $1.items.count }]
            if entry.year == current { link["current"] = true }
            return link
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// Values made on first use and kept for the rest of the build (cards, page frames). Rendering
/// threads share it; a value made twice at once is the same either way, so only the store is
/// locked, never the making.
final class Memo<Key: Hashable & Sendable>: @unchecked Sendable {
    private var values: [Key: TemplateValue] = [:]
    private let lock = NSLock()

    func value(for key: Key, make: () -> TemplateValue) -> TemplateValue {
        if let value = lock.withLock({ values[key] }) { return value }
        let value = make()
        lock.withLock { values[key] = value }
        return value
    }
}

extension SectionKind {
    /// The section's name on the site: the theme's `section_<kind>` string, else the built-in title.
    /// Pages and the search index both show it, so it is decided here once.
    func name(strings: [String: String]) -> String { strings["section_\(rawValue)"] ?? title }
}

/// The rows of a deputy's profile, in the order pages show them.
enum DeputyRows {
    static let fields: [Field] = [.gender, .ethnicity, .born, .party, .occupation, .delegation, .level, .term]

    /// The theme's label for each row, else the field's Chinese name; looked up once per build.
    static func labels(strings: [String: String]) -> [String] {
        fields.map { strings["field_\($0.rawValue)"] ?? $0.chineseKeys[0] }
    }

    static func values(_ deputy: DeputyProfile) -> [String?] {
        [deputy.gender, deputy.ethnicity, deputy.born, deputy.party, deputy.occupation, deputy.delegation,
         deputy.level, deputy.term]
    }

    /// The rows a profile shows, label and value, those without a value left out.
    static func rows(_ deputy: DeputyProfile, labels: [String]) -> [(label: String, value: String)] {
        zip(labels, values(deputy)).compactMap { label, value in value.map { (label, $0) } }
    }
}
