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
///
/// A value like any other, but its fields live in one shared box that is copied only when a
/// shared item is changed: lists, checks, pages and caches all hold items, and copying twenty
/// strings and arrays field by field cost twenty reference-count updates per copy (several
/// percent of a build, much of it in the single-threaded steps between the parallel ones).
public struct Item: Sendable {
    /// The fields themselves; `Item` forwards each one.
    struct Fields {
        let kind: SectionKind
        var sourcePath: String
        var sourceFolder: String
        var isBundle: Bool
        let slug: String
        let path: String
        var title: String
        var date: SiteDate?
        var topics: [String]
        var summary: String?
        var draft: Bool
        var author: String?
        var source: String?
        var cover: String?
        var aliases: [Alias]
        var deputy: DeputyProfile?
        var report: ReportInfo?
        /// A single page's parent page, as its site path (`/jigou/`), for its breadcrumbs.
        var parent: String? = nil
        /// Fields whose line still ends with the archetype's `# 示例` mark: an example nobody
        /// has checked yet (`ArchetypeExamples`).
        var markedExamples: Set<Field> = []
        /// Why the item is published nowhere, not even in a preview, if it is not.
        var withheld: Withheld? = nil
        var body: String
        var bodyLine: Int
        var fieldLines: [Field: Int]
    }

    /// Never changed once shared: a setter on a shared box copies it first.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    /// The box, made this value's own before a change.
    private mutating func owned() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public var kind: SectionKind { box.fields.kind }
    /// Path from the site root, as diagnostics show it: `content/news/2023-06-30-foo.md`.
    public var sourcePath: String {
        get { box.fields.sourcePath }
        set { owned().fields.sourcePath = newValue }
    }
    /// The folder whose files travel with the item: the bundle folder, or the file's own folder.
    public var sourceFolder: String {
        get { box.fields.sourceFolder }
        set { owned().fields.sourceFolder = newValue }
    }
    /// Whether the item is a folder with `index.md` (its files are copied beside its page).
    public var isBundle: Bool {
        get { box.fields.isBundle }
        set { owned().fields.isBundle = newValue }
    }
    public var slug: String { box.fields.slug }
    /// The page's site path under the URL layout: `/news/<slug>/`, or `/<slug>/` for pages. Kept,
    /// not computed: every list, link check and feed asks for it.
    public var path: String { box.fields.path }
    public var title: String {
        get { box.fields.title }
        set { owned().fields.title = newValue }
    }
    public var date: SiteDate? {
        get { box.fields.date }
        set { owned().fields.date = newValue }
    }
    /// Topic slugs, in the order written.
    public var topics: [String] {
        get { box.fields.topics }
        set { owned().fields.topics = newValue }
    }
    public var summary: String? {
        get { box.fields.summary }
        set { owned().fields.summary = newValue }
    }
    public var draft: Bool {
        get { box.fields.draft }
        set { owned().fields.draft = newValue }
    }
    public var author: String? {
        get { box.fields.author }
        set { owned().fields.author = newValue }
    }
    public var source: String? {
        get { box.fields.source }
        set { owned().fields.source = newValue }
    }
    /// Path as written (relative to the item, or site-absolute).
    public var cover: String? {
        get { box.fields.cover }
        set { owned().fields.cover = newValue }
    }
    /// Addresses the item had before (`aliases`, 旧网址), as written: each gets a page that sends
    /// the reader on, so links to them from elsewhere keep working.
    public var aliases: [Alias] {
        get { box.fields.aliases }
        set { owned().fields.aliases = newValue }
    }
    public var markedExamples: Set<Field> {
        get { box.fields.markedExamples }
        set { owned().fields.markedExamples = newValue }
    }
    public var withheld: Withheld? {
        get { box.fields.withheld }
        set { owned().fields.withheld = newValue }
    }
    public var deputy: DeputyProfile? {
        get { box.fields.deputy }
        set { owned().fields.deputy = newValue }
    }
    public var report: ReportInfo? {
        get { box.fields.report }
        set { owned().fields.report = newValue }
    }
    /// A single page's parent page (`上级页面: /jigou/`), as written: the site checks it.
    public var parent: String? {
        get { box.fields.parent }
        set { owned().fields.parent = newValue }
    }
    /// The Markdown after the front matter.
    public var body: String {
        get { box.fields.body }
        set { owned().fields.body = newValue }
    }
    /// The line of the source file where `body` starts, so Markdown problems name real lines.
    public var bodyLine: Int {
        get { box.fields.bodyLine }
        set { owned().fields.bodyLine = newValue }
    }
    /// Lines of fields, for messages about values checked after loading (cover, photo).
    public var fieldLines: [Field: Int] {
        get { box.fields.fieldLines }
        set { owned().fields.fieldLines = newValue }
    }

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

/// One address of `aliases` as staff wrote it, with its line for messages.
public struct Alias: Sendable, Equatable {
    public var address: String
    public var line: Int

    public init(address: String, line: Int) {
        self.address = address
        self.line = line
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

/// Why an item that was read is published nowhere, not even in a preview (`--drafts`).
public enum Withheld: Sendable, Equatable {
    /// A draft whose fields have errors, which are warnings while it is a draft: its page could
    /// not be made whole.
    case fieldsInError
    /// A copy Explorer or Finder made of another article (`x - 副本.md` beside `x.md`): the same
    /// article, published twice at two addresses, the copy often with the text before an edit.
    case copy(of: String)
}
