import RendaCore

/// The content folders Renda reads, one per kind of item.
public enum SectionKind: String, CaseIterable, Sendable, Comparable {
    case news, reports, deputies, pages

    /// The section's name as readers see it.
    public var title: String {
        switch self {
        case .news: "工作动态"
        case .reports: "工作报告"
        case .deputies: "代表风采"
        case .pages: "页面"
        }
    }

    /// Whether items of this kind need a date and appear in lists, feeds and archives.
    public var isDated: Bool { self != .pages }

    public static func < (a: SectionKind, b: SectionKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One Markdown file (or page bundle) with its front matter read and checked.
public struct Item: Sendable {
    public let kind: SectionKind
    /// Path from the site root, as diagnostics show it: `content/news/2023-06-30-foo.md`.
    public var sourcePath: String
    /// The folder whose files travel with the item: the bundle folder, or the file's own folder.
    public var sourceFolder: String
    /// Whether the item is a folder with `index.md` (its files are copied beside its page).
    public var isBundle: Bool
    public let slug: String
    /// The page's site path under the URL layout: `/news/<slug>/`, or `/<slug>/` for pages. Kept,
    /// not computed: every list, link check and feed asks for it, and a computed one made a new
    /// string (and, across modules, a copy of the whole item) each time.
    public let path: String
    public var title: String
    public var date: SiteDate?
    /// Topic slugs, in the order written.
    public var topics: [String]
    public var summary: String?
    public var draft: Bool
    public var author: String?
    public var source: String?
    /// Path as written (relative to the item, or site-absolute).
    public var cover: String?
    public var deputy: DeputyProfile?
    public var report: ReportInfo?
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the source file where `body` starts, so Markdown problems name real lines.
    public var bodyLine: Int
    /// Lines of fields, for messages about values checked after loading (cover, photo).
    public var fieldLines: [Field: Int]

    /// The site path of an item of `kind` with `slug`.
    static func path(kind: SectionKind, slug: String) -> String {
        kind == .pages ? "/\(slug)/" : "/\(kind.rawValue)/\(slug)/"
    }

    public func location(of field: Field) -> SourceLocation {
        SourceLocation(file: sourcePath, line: fieldLines[field])
    }
}

/// The fields of a 代表风采 profile.
public struct DeputyProfile: Sendable, Equatable {
    public var name: String
    public var gender: String?
    public var ethnicity: String?
    public var born: String?
    public var party: String?
    public var occupation: String?
    public var delegation: String
    public var level: String?
    public var term: String?
    public var photo: String?
    /// The annual collection the profile belongs to.
    public var year: Int

    public init(name: String, gender: String?, ethnicity: String?, born: String?, party: String?, occupation: String?,
                delegation: String, level: String?, term: String?, photo: String?, year: Int) {
        self.name = name
        self.gender = gender
        self.ethnicity = ethnicity
        self.born = born
        self.party = party
        self.occupation = occupation
        self.delegation = delegation
        self.level = level
        self.term = term
        self.photo = photo
        self.year = year
    }
}

/// The fields of a 工作报告 summary.
public struct ReportInfo: Sendable, Equatable {
    public var meeting: String?
    public var reporter: String?
    public var figures: [KeyFigure]
}

/// One number in a report's panel of key figures: 召开常委会会议 6 次.
public struct KeyFigure: Sendable, Equatable {
    public var label: String
    public var value: String
    public var unit: String

    public init(label: String, value: String, unit: String) {
        self.label = label
        self.value = value
        self.unit = unit
    }
}
