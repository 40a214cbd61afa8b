import RendaContent
import RendaCore
import RendaTemplates

/// Turns one planned page into its HTML bytes. Built once per build and shared by every
/// rendering thread; `renda build` renders every page with it, `renda serve` only the pages a
/// change touches.
struct PageRenderer: Sendable {
    let site: PreparedSite
    let contexts: ContextBuilder

    init(site: PreparedSite, now: SiteDate) {
        self.site = site
        self.contexts = ContextBuilder(model: site.model, rendered: site.rendered, urls: site.urls,
                                       strings: site.theme.strings, assets: site.assets.templateKeys, now: now)
    }

    /// The template Hugo's lookup order picks for the page, then the page rendered with it.
    func render(_ page: PagePlan.Page) -> [UInt8] {
        let templates = site.theme.templates
        let name = templates.lookup(ContextBuilder.templateCandidates(for: page, model: site.model)) ?? "404"
        return templates.render(name, context: contexts.context(for: page))
    }
}
