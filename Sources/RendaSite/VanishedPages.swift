import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RendaCore

/// Articles the last build published that this one no longer has. Renaming a file or changing
/// a slug moves an article to a new address, and every link to the old one from the county
/// portal, other sites and shared messages breaks without a word; the inspections of government
/// sites count those as 不可用链接. The output's own `sitemap.xml` says what was published: the
/// lines with a `<lastmod>` are the dated articles, the pages links from elsewhere point at.
///
/// Said again by every build for `remindDays` after: the next build compares with a site that no
/// longer has the article, and a reminder read past once (or seen only by a colleague who built
/// first) would be gone for good. What was found gone, and when, is kept in the output
/// (`listName`: the home address, then a line per article, its site path and the day), which the
/// next build reads and writes on; a redirect or the article back takes it off.
enum VanishedPages {
    static let listName = ".renda-vanished"
    static let remindDays = 30

    /// The reminders, and the list to keep in the new output (empty: none).
    struct Found {
        var problems: [Diagnostic] = []
        var list: [UInt8] = []
    }

    /// `previousSitemap` is the sitemap in the output folder the build will replace (or the
    /// check compares with). A sitemap written for another base URL (a preview with
    /// `--base-url`) has nothing in common with this one and is passed over.
    /// With `sayingWhyNot` (`renda check`), a sitemap of another base URL is an info that names
    /// it and how to compare with it: `check --output` without the `--base-url` that folder was
    /// built with would otherwise compare nothing and say nothing.
    static func problems(previousSitemap: URL, site: PreparedSite, now: SiteDate, sayingWhyNot: Bool = false) -> Found {
        guard let bytes = FileSystem.readBytes(previousSitemap.path) else { return Found() }
        let home = site.urls.absolute("/")
        if sayingWhyNot, let other = homeAddress(in: bytes), other != home {
            let folder = previousSitemap.deletingLastPathComponent().path
            return Found(problems: [Diagnostic(.info, at: SourceLocation(file: "content"),
                                               "\(folder) 是按网址 \(other) 生成的，与这次的 \(home) 不同，没有检查上次发布的文章这次是否还在",
                                               hint: "要和它比较，加上生成它时的网址：renda check --output \(folder) --base-url \(other)")])
        }
        let before = datedPaths(in: bytes, under: Array(home.utf8))
        var published = Set(site.plan.pages.lazy.map(\.path))
        for redirect in site.redirects.redirects { published.insert(redirect.path) }
        let gone = before.filter { !published.contains($0) }
        let listFile = previousSitemap.deletingLastPathComponent().appendingPathComponent(listName).path
        let remembered = FileSystem.readBytes(listFile).map { list(in: $0, home: home) } ?? [:]
        let goneNow = Set(gone)
        let stillGone = remembered.filter { path, since in
            !published.contains(path) && !goneNow.contains(path) && now.epochSeconds - since.epochSeconds < Int64(remindDays) * 86_400
        }
        var found = Found()
        let kept = gone.map { ($0, remembered[$0] ?? now) } + stillGone.map { ($0.key, $0.value) }
        if !kept.isEmpty {
            found.list = Array(("# " + home + "\n" + kept.sorted { $0.0 < $1.0 }.map { "\($0.0)\t\($0.1.isoDate)\n" }.joined()).utf8)
        }
        let again = " 发现后 \(remindDays) 天内，每次生成都会提醒。"
        found.problems = stillGone.sorted { $0.key < $1.key }.map { path, since in
            .warning(SourceLocation(file: "content"), "\(since.chinese)起网站上没有了文章 \(path)，别处链接到它会打不开",
                     hint: redirectHint(path, guess: nil) + again)
        }
        guard !gone.isEmpty else { return found }
        // A renamed article is one the last build did not have, of the same section: the guess is
        // one of those. One of another section is another article, and its address written into
        // it as 旧网址 would send readers to the wrong page.
        let earlier = Set(before)
        // Names are compared without the section they share (`/news/jiaotong/` is not close to
        // `/news/zuotanhui/`, though the two addresses are alike for half their length).
        let arrived = Dictionary(grouping: site.model.items.lazy.filter { $0.date != nil && !earlier.contains($0.path) }.map(\.path),
                                 by: URLScheme.section(of:)).mapValues { (paths: $0, names: $0.map(name)) }
        let goneFromSection = Dictionary(grouping: gone, by: URLScheme.section(of:)).mapValues(\.count)
        found.problems = gone.sorted().map { path -> Diagnostic in
            let candidates = arrived[URLScheme.section(of: path)] ?? ([], [])
            let went = goneFromSection[URLScheme.section(of: path)] ?? 0
            // Every guess compares with every arrival: a whole section renamed is not worth minutes.
            let closest = went * candidates.paths.count > 100_000 ? nil
                : Suggestion.closest(to: name(path), in: candidates.names).flatMap { candidates.names.firstIndex(of: $0) }
            let guess = closest.map { candidates.paths[$0] } ?? (went == 1 && candidates.paths.count == 1 ? candidates.paths[0] : nil)
            return .warning(SourceLocation(file: "content"), "上次生成的网站有文章 \(path)，这次没有了，别处链接到它会打不开",
                            hint: redirectHint(path, guess: guess) + again)
        } + found.problems
        return found
    }

    /// What to do about an article gone from `path`, with the article it most likely became.
    private static func redirectHint(_ path: String, guess: String?) -> String {
        (guess.map { "如果它就是现在的 \($0)，" } ?? "如果文章改了文件名或网址，")
            + "请在这篇文章中加上 旧网址: \(path)，读者会自动转到新网址；如果是有意删除或改为草稿，可以不管这条提示。"
    }

    /// The list a build kept: site path → the day it was found gone. Empty when it was kept for
    /// another home address (a preview's `--base-url`) or cannot be read.
    static func list(in bytes: [UInt8], home: String) -> [String: SiteDate] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring("# " + home) else { return [:] }
        var list: [String: SiteDate] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, parts[0].hasPrefix("/"), case .success(let day) = SiteDate.parse(String(parts[1])) else { continue }
            list[String(parts[0])] = day
        }
        return list
    }

    /// The sitemap's first address, the home page it was written for (`Feeds.sitemap` lists it first).
    static func homeAddress(in bytes: [UInt8]) -> String? {
        let open = Array("<loc>".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: open) }).map({ $0 + open.count }),
              let end = bytes[start...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A site path's last name: `zuotanhui` of `/news/zuotanhui/`.
    private static func name(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// The site paths of the lines that have a `<lastmod>`, in the form `Feeds.sitemap` writes
    /// (`  <url><loc>…</loc><lastmod>…</lastmod></url>`, a line each), for the addresses under
    /// `prefix` (`https://host/base/`). Read with `memchr` and `memcmp`: a large site's sitemap
    /// has tens of thousands of lines, and the generic searches of the standard library took
    /// 50 ms on one.
    static func datedPaths(in bytes: [UInt8], under prefix: [UInt8]) -> [String] {
        let open = Array("  <url><loc>".utf8) + prefix, close = Array("</loc><lastmod>".utf8)
        var paths: [String] = []
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            var line = 0
            while line < text.count {
                let lineEnd = text.firstIndex(of: UInt8(ascii: "\n"), from: line) ?? text.count
                defer { line = lineEnd + 1 }
                // The path starts with the prefix's last character, its `/`.
                let start = line + open.count - 1
                guard line + open.count <= lineEnd, memcmp(base + line, open, open.count) == 0,
                      let end = text.firstIndex(of: UInt8(ascii: "<"), from: start), end + close.count <= lineEnd,
                      memcmp(base + end, close, close.count) == 0 else { continue }
                var path = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                if path.utf8.contains(UInt8(ascii: "&")) { path = path.replacingOccurrences(of: "&amp;", with: "&") }
                paths.append(path)
            }
        }
        return paths
    }
}
