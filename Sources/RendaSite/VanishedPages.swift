import Foundation
import RendaCore

/// Articles the last build published that this one no longer has. Renaming a file or changing
/// a slug moves an article to a new address, and every link to the old one from the county
/// portal, other sites and shared messages breaks without a word; the inspections of government
/// sites count those as 不可用链接. The output's own `sitemap.xml` says what was published: the
/// lines with a `<lastmod>` are the dated articles, the pages links from elsewhere point at.
enum VanishedPages {
    /// `previousSitemap` is the sitemap in the output folder the build will replace (or the
    /// check compares with). A sitemap written for another base URL (a preview with
    /// `--base-url`) has nothing in common with this one and is passed over.
    static func problems(previousSitemap: URL, site: PreparedSite) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: previousSitemap.path) else { return [] }
        let prefix = site.urls.absolute("/")
        var published = Set(site.plan.pages.lazy.map(\.path))
        for redirect in site.redirects.redirects { published.insert(redirect.path) }
        var gone: [String] = []
        // By bytes, a line at a time: the sitemap of a large site has tens of thousands of lines.
        let bytes = [UInt8](data)
        let open = Array("<loc>".utf8), close = Array("</loc>".utf8), dated = Array("<lastmod>".utf8)
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let start = line.firstRange(of: open), let end = line[start.upperBound...].firstRange(of: close),
                  line[end.upperBound...].firstRange(of: dated) != nil else { continue }
            var address = String(decoding: line[start.upperBound..<end.lowerBound], as: UTF8.self)
            if address.utf8.contains(UInt8(ascii: "&")) { address = address.replacingOccurrences(of: "&amp;", with: "&") }
            guard address.hasPrefix(prefix) else { continue }
            let path = "/" + address.dropFirst(prefix.count)
            if !published.contains(path) { gone.append(path) }
        }
        let current = site.model.items.map(\.path)
        return gone.sorted().map { path in
            let guess = Suggestion.closest(to: path, in: current).map { "如果它就是现在的 \($0)，" } ?? "如果文章改了文件名或网址，"
            return .warning(SourceLocation(file: "content"), "上次生成的网站有文章 \(path)，这次没有了，别处链接到它会打不开",
                            hint: guess + "请在这篇文章中加上 旧网址: \(path)，读者会自动转到新网址；如果是有意删除或改为草稿，可以不管这条提示。")
        }
    }
}
