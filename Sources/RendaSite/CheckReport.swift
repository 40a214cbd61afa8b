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

/// Why `renda check` could not look at the site at all (a bad `--base-url`): content errors are
/// not failures of the check, they are what it reports.
public struct CheckFailure: Error, Sendable {
    public let message: String
}

/// What `renda check` asks of `SiteBuilder.prepare` beyond a build: the drafts and items dated
/// later rendered too, their problems as warnings, and the off-site links handed out here, where
/// they survive a site with errors.
final class CheckExtras: @unchecked Sendable {
    private(set) var links: [ExternalLink] = []

    func gather(rendered: [RenderedItem], menu: [MenuLink]) {
        var found = rendered.flatMap(\.externalLinks)
        for link in menu where link.url.hasPrefix("http://") || link.url.hasPrefix("https://") || link.url.hasPrefix("//") {
            found.append((link.url, SourceLocation(file: "content/site.yml", line: link.line)))
        }
        links = ExternalLink.grouped(found)
    }
}
