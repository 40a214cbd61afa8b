import RendaContent

/// The URL layout and how site paths become links under the base URL.
///
/// Inside the site every link is written from the base path (`/rd/news/x/`), so the output works
/// when served under a sub-path of a county portal; canonical links, feeds and the sitemap use
/// absolute URLs.
public struct URLScheme: Sendable {
    public let basePath: String
    public let origin: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        origin = config.origin
    }

    /// `/news/x/` → `/rd/news/x/`.
    public func href(_ sitePath: String) -> String {
        basePath + sitePath.drop(while: { $0 == "/" })
    }

    /// `/news/x/` → `https://www.example.gov.cn/rd/news/x/`.
    public func absolute(_ sitePath: String) -> String {
        origin + href(sitePath)
    }

    /// The first folder of a site path, the section an item's address is in: `news` for
    /// `/news/huiyi/`, empty for `/`. (Site paths do not hold the base path.)
    static func section(of sitePath: String) -> Substring {
        sitePath.split(separator: "/", maxSplits: 1).first ?? ""
    }

    /// The file a site path is written to: `/news/x/` → `news/x/index.html`.
    public static func outputFile(for sitePath: String) -> String {
        // Leading slashes are ASCII: dropped by bytes, with no grapheme breaking of the path.
        let trimmed = String(Substring(sitePath.utf8.drop(while: { $0 == UInt8(ascii: "/") })))
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }

    // MARK: - The layout

    public static let home = "/"
    public static let archive = "/archive/"
    public static let topics = "/topics/"
    /// The whole site's Atom feed.
    public static let feed = "/feed.xml"
    /// Sections with an Atom feed of their own besides the whole site's.
    public static let feedSections: [SectionKind] = [.news]
    public static let sitemap = "/sitemap.xml"
    public static let robots = "/robots.txt"
    /// The files every build writes besides pages: feeds, sitemap, robots.txt.
    public static let generatedFiles = [feed] + feedSections.map { feed($0) } + [sitemap, robots]
    public static let notFound = "/404.html"

    public static func section(_ kind: SectionKind) -> String { "/\(kind.rawValue)/" }
    /// A section's Atom feed: `/news/feed.xml`.
    public static func feed(_ kind: SectionKind) -> String { section(kind) + "feed.xml" }
    public static func archive(year: Int) -> String { "/archive/\(year)/" }
    public static func topic(_ slug: String) -> String { "/topics/\(slug)/" }
    public static func deputies(year: Int) -> String { "/deputies/\(year)/" }

    /// Page `n` of a paginated list: page 1 is the list itself, later pages are `page/n/`.
    public static func paged(_ listPath: String, page: Int) -> String {
        page <= 1 ? listPath : "\(listPath)page/\(page)/"
    }
}
