import Foundation
import RendaContent

extension URLScheme {
    /// 订阅本站: what a feed reader does, and the address of every feed the build writes.
    public static let subscribe = "/subscribe/"

    /// A feed's entry on the subscribe page: `/subscribe/#feed-news`, `/subscribe/#feed-site`.
    public static func subscribe(_ kind: SectionKind?) -> String {
        subscribe + "#" + subscribeAnchor(kind)
    }

    static func subscribeAnchor(_ kind: SectionKind?) -> String { "feed-" + (kind?.rawValue ?? "site") }
}

/// The `/subscribe/` page. The visible 订阅 links lead here rather than to the Atom files, which a
/// phone shows as code or downloads; the page says in plain words what subscribing is and gives
/// each feed's full address to copy into a feed reader. The `<link rel="alternate">` in every
/// page's head still names the feeds themselves, for readers that look there.
extension ContextBuilder {
    func subscribePage() -> Context {
        var context = page(path: URLScheme.subscribe, title: string("subscribe_title", "订阅本站"),
                           description: strings["subscribe_intro"], breadcrumbs: [homeCrumb])
        let dated = SectionKind.allCases.filter(\.isDated).map(sectionName).joined(separator: "、")
        let site = feedEntry(nil, name: string("subscribe_site", "全站更新"),
                             note: string("subscribe_site_note", "本站所有栏目的新文章：{sections}。")
                                 .replacingOccurrences(of: "{sections}", with: dated))
        let sections = URLScheme.feedSections.map { kind in
            feedEntry(kind, name: sectionName(kind),
                      note: string("subscribe_section_note", "只有“{section}”栏目的新文章。")
                          .replacingOccurrences(of: "{section}", with: sectionName(kind)))
        }
        context["feeds"] = Context.list([site] + sections)
        return context
    }

    /// One feed: its name, what it holds, its address under the base URL (to copy) and its link.
    private func feedEntry(_ kind: SectionKind?, name: String, note: String) -> Context {
        let path = kind.map(URLScheme.feed) ?? URLScheme.feed
        return ["anchor": URLScheme.subscribeAnchor(kind), "name": name, "note": note,
                "href": urls.href(path), "url": urls.absolute(path)]
    }
}
