import RendaContent
import RendaCore

/// Atom 1.0 feeds and the XML sitemap, written by hand: both are small fixed formats, and
/// hand-writing keeps them byte-for-byte deterministic.
enum Feeds {
    /// Entries in each Atom feed (the whole site's, and each of `URLScheme.feedSections`). `renda serve` reads it too, to
    /// know whether an edited item is in a feed.
    static let entryCount = 20

    struct Entry {
        var item: Item
        var rendered: RenderedItem
    }

    /// `deputyLabels`: the theme's labels of a profile's details (`DeputyRows`), which an entry
    /// of a profile shows above its story, as the profile's page does.
    static func atom(title: String, subtitle: String, selfPath: String, alternatePath: String,
                     entries: [Entry], urls: URLScheme, topics: TopicCatalog, deputyLabels: [String] = []) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
          <title>\(HTML.escape(title))</title>

        """
        if !subtitle.isEmpty { xml += "  <subtitle>\(HTML.escape(subtitle))</subtitle>\n" }
        // The newest item's date, not the build time, so an unchanged site gives an unchanged feed.
        let updated = entries.first?.item.date?.rfc3339 ?? SiteDate(epochSeconds: 0).rfc3339
        xml += """
          <link href="\(HTML.escape(urls.absolute(selfPath)))" rel="self" type="application/atom+xml"/>
          <link href="\(HTML.escape(urls.absolute(alternatePath)))" rel="alternate" type="text/html"/>
          <id>\(HTML.escape(urls.absolute(alternatePath)))</id>
          <updated>\(updated)</updated>
          <author><name>\(HTML.escape(title))</name></author>

        """
        for entry in entries {
            let item = entry.item
            let link = HTML.escape(urls.absolute(item.path))
            let date = item.date?.rfc3339 ?? updated
            xml += "  <entry>\n"
            xml += "    <title>\(HTML.escape(item.title))</title>\n"
            xml += "    <link href=\"\(link)\" rel=\"alternate\" type=\"text/html\"/>\n"
            xml += "    <id>\(link)</id>\n"
            xml += "    <published>\(date)</published>\n"
            xml += "    <updated>\(date)</updated>\n"
            if let author = item.author { xml += "    <author><name>\(HTML.escape(author))</name></author>\n" }
            for slug in item.topics {
                let name = topics.topic(slug: slug)?.name ?? slug
                xml += "    <category term=\"\(HTML.escape(slug))\" label=\"\(HTML.escape(name))\"/>\n"
            }
            xml += "    <summary type=\"text\">\(HTML.escape(entry.rendered.summary))</summary>\n"
            let body = String(decoding: entry.rendered.html, as: UTF8.self)
            let details = item.deputy.map { profile(of: $0, photo: entry.rendered.photoHref, labels: deputyLabels) } ?? ""
            xml += "    <content type=\"html\" xml:base=\"\(link)\">\(HTML.escape(details + body))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return withoutControlCharacters(xml)
    }

    /// A profile's portrait and details (性别, 选区, 工作单位及职务…), as HTML before its story: a feed
    /// reader, or the county portal taking the feed, shows whom the story is about.
    static func profile(of deputy: DeputyProfile, photo: String?, labels: [String]) -> String {
        var html = photo.map { "<p><img src=\"\(HTML.escape($0))\" alt=\"\(HTML.escape(deputy.name))\" /></p>\n" } ?? ""
        let rows = DeputyRows.rows(deputy, labels: labels).map { "<li>\(HTML.escape($0.label))：\(HTML.escape($0.value))</li>" }
        if !rows.isEmpty { html += "<ul>" + rows.joined() + "</ul>\n" }
        return html
    }

    /// XML 1.0 has no place for the control characters text pasted from Word carries (U+000B, its
    /// manual line break; U+000C, its page break): one would make the whole feed unreadable to
    /// every feed reader. Pages show them as nothing, and `renda check` names them.
    static func withoutControlCharacters(_ xml: String) -> String {
        var xml = xml
        let found = xml.withUTF8 { bytes in bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } }
        guard found else { return xml }
        xml.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }
        return xml
    }

    static func sitemap(_ entries: [(path: String, lastModified: SiteDate?)], urls: URLScheme) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        // A line per page, made on all cores: a site has tens of thousands.
        let lines = entries.sorted(by: { $0.path < $1.path }).parallelMap { entry in
            let lastModified = entry.lastModified.map { "<lastmod>\($0.isoDate)</lastmod>" } ?? ""
            return "  <url><loc>\(HTML.escape(urls.absolute(entry.path)))</loc>\(lastModified)</url>\n"
        }
        xml += lines.joined()
        xml += "</urlset>\n"
        return xml
    }

    static func robots(urls: URLScheme) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(URLScheme.sitemap))\n"
    }
}
