/// One published page as search sees it, taken from the site model (never from the HTML).
public struct SearchDocument: Sendable {
    /// Text that is not body text, and how much a match in it counts.
    public struct Field: Sendable {
        public var text: String
        public var weight: Weight

        public init(_ text: String, _ weight: Weight) {
            self.text = text
            self.weight = weight
        }
    }

    /// A token's weight in a document, 1…7 (three bits of every posting). Body text counts by how
    /// often the token occurs (1…4); a field counts more, whatever the body says.
    public enum Weight: UInt8, Sendable {
        /// Front-matter details: a deputy's constituency and post, a report's meeting, the year.
        case detail = 5
        case topic = 6
        case title = 7

        /// Weight of a token seen `count` times in the body.
        static func body(count: Int) -> UInt8 {
            switch count {
            case 0: 0
            case 1: 1
            case 2: 2
            case 3...4: 3
            default: 4
            }
        }
    }

    public var title: String
    /// Link under the base path, as every page writes it: `/rd/news/x/`.
    public var href: String
    /// The date as readers see it (`2023年7月27日`); nil for single pages.
    public var date: String?
    /// The date's year: the year filter, and a token weighing as a detail.
    public var year: Int?
    /// Index into the section list given to the writer.
    public var section: Int
    /// Topics and details; the writer adds the title and the year.
    public var fields: [Field]
    /// An editor's own summary (an automatic one is just the start of `text`), indexed like the body.
    public var summary: String?
    /// What a result shows under its title: the summary the site's lists show (the editor's, or the
    /// automatic one). The browser fetches the page's own text only when the words looked for are
    /// not in the title or here. Single characters are indexed from here, not from `text`.
    public var lead: String
    /// The body as plain text in UTF-8, blocks separated by newlines: indexed, not written out.
    public var text: [UInt8]

    public init(title: String, href: String, date: String?, year: Int?, section: Int, fields: [Field],
                summary: String?, lead: String, textUTF8: [UInt8]) {
        self.title = title
        self.href = href
        self.date = date
        self.year = year
        self.section = section
        self.fields = fields
        self.summary = summary
        self.lead = lead
        self.text = textUTF8
    }

    /// Without a `lead`, the editor's summary or else the first 120 characters of `text`.
    public init(title: String, href: String, date: String?, year: Int?, section: Int, fields: [Field],
                summary: String?, lead: String? = nil, text: String) {
        self.init(title: title, href: href, date: date, year: year, section: section, fields: fields, summary: summary,
                  lead: lead ?? summary ?? String(text.prefix(120)), textUTF8: Array(text.utf8))
    }
}

/// A section as the search page's filter shows it.
public struct SearchSection: Sendable {
    /// `news`, used in the page's address: `?section=news`.
    public var key: String
    /// `工作动态`.
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }
}
