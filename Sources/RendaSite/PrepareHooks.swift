import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// The three costly steps of `SiteBuilder.prepare`. `renda build` and `renda check` use the
/// standard ones; `renda serve` passes its own, which answer from files read and Markdown rendered
/// in an earlier rebuild, so that everything else prepare does (model, plan, inventory, checks)
/// stays one piece of code and an incremental rebuild cannot drift from a full build.
struct PrepareHooks {
    var loadContent: (_ root: URL) -> (SiteContent?, Diagnostics)
    var loadTheme: (_ root: URL, _ config: SiteConfig) -> (Theme?, [Diagnostic])
    var renderItems: (SiteModel, LinkResolver.Context) -> ([RenderedItem], [Diagnostic])

    static var standard: PrepareHooks {
        PrepareHooks(
            loadContent: { ContentLoader(root: $0).load() },
            loadTheme: { ThemeLoader.load(root: $0, name: $1.theme, language: $1.language) },
            renderItems: { ItemRendering.render(model: $0, context: $1) }
        )
    }

    /// `renda check`'s: the standard steps, with the wording of every text read as well.
    static var checking: PrepareHooks {
        var hooks = standard
        hooks.renderItems = { ItemRendering.render(model: $0, context: $1, checkingWording: true) }
        return hooks
    }
}
