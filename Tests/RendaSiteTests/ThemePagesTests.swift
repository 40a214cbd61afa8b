import Foundation
import RendaCore
import RendaSite
import Testing

/// A theme that does not extend `default` may leave out the search and subscribe pages: the site
/// is built without them and without links to them, instead of being refused.
@Suite("Pages a theme leaves out")
struct ThemePagesTests {
    /// A site whose theme `plain` is a copy of `default` (no `extends`) without `templates/`
    /// minus the given templates: the way a county office would start a theme of its own.
    private func siteWithPlainTheme(without templates: [String], siteYML: String = "") throws -> URL {
        let root = temporaryFolder("theme-pages")
        let files = [
            "content/site.yml": "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/\ntheme: plain\n" + siteYML,
            "content/topics.yml": "- { slug: jiandu, name: 监督工作, description: 监督 }\n",
            "content/news/2024-05-06-meeting.md": "---\ntitle: 常委会召开第十次会议\ndate: 2024-05-06\ntopics: [监督工作]\n---\n\n会议听取了预算执行情况的报告。\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let theme = root.appendingPathComponent("themes/plain")
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes/default"), to: theme)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("theme.yml"))
        for name in templates {
            try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/\(name).mustache"))
        }
        return root
    }

    private func built(_ root: URL) throws -> (OutputTree, BuildReport) {
        let (out, result) = build(root: root)
        switch result {
        case .success(let report): return (OutputTree(out), report)
        case .failure(let failure): throw TestFailure("the site did not build: \(failure)")
        }
    }

    @Test func withoutSearchAndSubscribeTheSiteHasNeitherPageNorLinksToThem() throws {
        let (tree, report) = try built(try siteWithPlainTheme(without: ["search", "subscribe"]))
        #expect(tree.page("/search/") == nil && tree.page("/subscribe/") == nil)
        #expect(!tree.files.keys.contains { $0.hasPrefix("search/") }, "a search index without a page to use it")
        #expect(report.searchIndex.files == 0)
        let pages = tree.files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        for page in pages {
            let html = String(decoding: tree.files[page]!, as: UTF8.self)
            #expect(!html.contains("/search/") && !html.contains("/subscribe/"), "\(page) links to a page that is not there")
            #expect(!html.contains("href=\"\""), "\(page) has an empty link")
        }
        // The feeds are still written and named in the head.
        #expect(tree.files["feed.xml"] != nil && tree.files["news/feed.xml"] != nil)
        #expect(tree.page("/news/")?.contains("type=\"application/atom+xml\"") == true)
        // Staff are told why the search box went, and how to have it back or say they do not want it.
        let warning = try #require(report.diagnostics.warnings.first { $0.message.contains("search.mustache") })
        #expect(warning.location.file == "themes/plain/templates/search.mustache")
        #expect(warning.message == "主题“plain”没有站内搜索页的模板 search.mustache，这次生成的网站没有站内搜索")
        #expect(warning.hint?.contains("search: false") == true)
        #expect(!report.diagnostics.warnings.contains { $0.message.contains("subscribe") })
    }

    @Test func aSiteThatTurnedSearchOffIsNotWarned() throws {
        let (tree, report) = try built(try siteWithPlainTheme(without: ["search"], siteYML: "search: false\n"))
        #expect(!report.diagnostics.warnings.contains { $0.message.contains("search.mustache") })
        #expect(tree.page("/search/") == nil)
        // The subscribe page the theme has is still written and linked.
        #expect(tree.page("/subscribe/") != nil)
        #expect(tree.page("/")?.contains("/subscribe/") == true)
    }

    @Test func withoutSubscribeOnlyTheSearchStays() throws {
        let (tree, report) = try built(try siteWithPlainTheme(without: ["subscribe"]))
        #expect(tree.page("/subscribe/") == nil)
        #expect(tree.page("/search/") != nil && tree.files["search/index.json"] != nil)
        #expect(tree.page("/news/")?.contains("/subscribe/") == false)
        #expect(report.diagnostics.warnings.isEmpty, "\(report.diagnostics.warnings)")
    }
}
