import RendaContent
import RendaCore
import RendaLinkChecker

/// What `renda check` found.
public struct CheckReport: Sendable {
    /// Every error, warning and note.
    public var diagnostics: Diagnostics
    /// Each off-site address the published items and the menu link to, with where.
    public var externalLinks: [ExternalLink]
}

/// Takes the off-site links out of the Markdown stage for `renda check --external`; a build
/// does not ask for them.
final class ExternalLinkSink: @unchecked Sendable {
    private(set) var links: [ExternalLink] = []

    func gather(rendered: [RenderedItem], menu: [MenuLink]) {
        var found = rendered.flatMap(\.externalLinks)
        for link in menu where link.url.hasPrefix("http://") || link.url.hasPrefix("https://") || link.url.hasPrefix("//") {
            found.append((link.url, SourceLocation(file: "content/site.yml", line: link.line)))
        }
        links = ExternalLink.grouped(found)
    }
}
