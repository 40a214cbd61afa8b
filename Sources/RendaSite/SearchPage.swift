import RendaContent
import RendaCore
import RendaSearch

extension URLScheme {
    /// The search page; its index files sit beside it in `search/`.
    public static let search = "/" + SearchIndexWriter.folder
    public static let searchIndex = "/" + SearchIndexWriter.folder + SearchIndexWriter.manifestName
}

/// The `/search/` page. The results are drawn by `search.js` from the index; the page itself holds
/// the form, the strings the script shows, and what to do without JavaScript: topics and years.
extension ContextBuilder {
    func searchPage() -> Context {
        var context = page(path: URLScheme.search, title: string("search_title", "站内搜索"), breadcrumbs: [homeCrumb])
        context["search"] = [
            "href": urls.href(URLScheme.search),
            "index": urls.href(URLScheme.searchIndex),
            "topics": topicSummaries(),
            "years": model.years.map { entry in
                ["year": entry.year, "href": urls.href(URLScheme.archive(year: entry.year)), "count": entry.items.count] as Context
            },
        ] as Context
        return context
    }
}

/// Feeds the search index from the model the build already holds: no HTML is read back.
enum SiteSearch {
    /// The index files for every published item, numbered in the model's order (newest first,
    /// single pages last), which keeps each year a run of numbers; none with `search: false`.
    static func files(for site: PreparedSite) -> [SearchIndexFile] {
        guard site.model.config.search else { return [] }
        let strings = site.theme.strings
        let sections = SectionKind.allCases.map { kind in
            SearchSection(key: kind.rawValue, name: kind.name(strings: strings))
        }
        // Through buffer pointers: an array subscript handed each item over as a copy.
        let documents = site.model.items.withUnsafeBufferPointer { items in
            site.rendered.withUnsafeBufferPointer { rendered in
                Array(items.indices).parallelMap { document(items[$0], rendered[$0], site: site) }
            }
        }
        return SearchIndexWriter.files(documents: documents, sections: sections)
    }

    private static func document(_ item: borrowing Item, _ rendered: borrowing RenderedItem, site: PreparedSite) -> SearchDocument {
        var fields = item.topics.compactMap { site.model.topics.topic(slug: $0) }.map { SearchDocument.Field($0.name, .topic) }
        if let deputy = item.deputy {
            // A profile is found by the deputy's name as surely as by its title.
            fields.append(.init(deputy.name, .title))
            for detail in [deputy.delegation, deputy.occupation, deputy.level, deputy.term].compactMap({ $0 }) {
                fields.append(.init(detail, .detail))
            }
        }
        if let report = item.report {
            for detail in [report.meeting, report.reporter].compactMap({ $0 }) { fields.append(.init(detail, .detail)) }
        }
        return SearchDocument(
            title: item.title, href: site.urls.href(item.path), date: item.date?.chinese, year: item.date?.year,
            section: SectionKind.allCases.firstIndex(of: item.kind)!, fields: fields,
            summary: item.summary, lead: rendered.summary, textUTF8: rendered.searchText
        )
    }
}

/// What the search index added to the output, for the build summary.
public struct SearchIndexSize: Sendable, Equatable {
    public var files = 0
    public var bytes = 0
}

extension SiteSearch {
    /// Writes the index into the staging folder, on all cores (thousands of small files).
    static func write(_ files: [SearchIndexFile], to writer: OutputWriter) throws -> SearchIndexSize {
        try writer.createFolders(for: files.map(\.path))
        let results = files.parallelMap { file in Result { try writer.write(file.path, file.bytes) } }
        for result in results { try result.get() }
        return SearchIndexSize(files: files.count, bytes: files.reduce(0) { $0 + $1.bytes.count })
    }
}
