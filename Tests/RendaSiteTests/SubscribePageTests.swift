import Foundation
import FoundationXML
import RendaSite
import Testing

/// The built-in /subscribe/ page: the visible 订阅 links lead to it instead of to the Atom files,
/// which a phone shows as code or downloads; the head still names the feeds for feed readers.
@Suite("The subscribe page", .serialized)
struct SubscribePageTests {
    static let subPath = "https://www.example.gov.cn/rd/"

    private func buildSample(baseURL: String? = subPath) throws -> OutputTree {
        let (out, result) = build(baseURL: baseURL)
        if case .failure(let failure) = result { throw TestFailure("sample site did not build: \(failure)") }
        return OutputTree(out)
    }

    /// The subscribe page's HTML; a failure names the page, not the whole output tree.
    private func subscribePage(_ tree: OutputTree) throws -> String {
        let html = tree.page("/subscribe/")
        return try #require(html, "no /subscribe/index.html")
    }

    /// The Atom files the build wrote, by relative path.
    private func feedFiles(_ tree: OutputTree) -> [String] {
        tree.files.keys.filter { $0 == "feed.xml" || $0.hasSuffix("/feed.xml") }.sorted()
    }

    @Test func itListsEveryFeedTheBuildWritesWithItsFullAddressAndLink() throws {
        let tree = try buildSample()
        let html = try subscribePage(tree)
        #expect(feedFiles(tree) == ["feed.xml", "news/feed.xml"])
        for file in feedFiles(tree) {
            // The address as selectable text, absolute under the sub-path, and a link to the file.
            #expect(html.contains("<p class=\"feed-address\" id=\"feed-\(file == "feed.xml" ? "site" : "news")-url\">\(Self.subPath)\(file)</p>"),
                    "\(file) is not listed with its address")
            #expect(html.contains("<a href=\"/rd/\(file)\" type=\"application/atom+xml\">"), "\(file) is not linked")
        }
        #expect(html.contains("<h3 class=\"feed-name\">全站更新</h3>"))
        #expect(html.contains("<h3 class=\"feed-name\">工作动态</h3>"))
        #expect(html.contains("本站所有栏目的新文章：工作动态、工作报告、代表风采。"))
        #expect(html.contains("只有“工作动态”栏目的新文章。"))
    }

    @Test func theAddressesFollowTheSiteBaseURLWithoutASubPath() throws {
        let tree = try buildSample(baseURL: nil)
        let html = try subscribePage(tree)
        #expect(html.contains(">https://rd.qinghe.example.gov.cn/feed.xml</p>"))
        #expect(html.contains(">https://rd.qinghe.example.gov.cn/news/feed.xml</p>"))
        #expect(html.contains("<a href=\"/news/feed.xml\" type=\"application/atom+xml\">"))
    }

    @Test func theFooterAndNewsListLinkToItWhileTheHeadStillNamesTheFeeds() throws {
        let tree = try buildSample()
        for file in tree.htmlFiles {
            let html = tree.text(file)!
            #expect(html.contains("<li><a href=\"/rd/subscribe/\">订阅更新</a></li>"), "\(file): footer link")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"青禾县人大常委会\" href=\"/rd/feed.xml\">"),
                    "\(file): the head's feed link")
            // Outside the subscribe page no visible link leads to the XML itself.
            if file != "subscribe/index.html" {
                #expect(!html.contains("<a href=\"/rd/feed.xml\"") && !html.contains("<a class=\"feed-link\" href=\"/rd/news/feed.xml\""),
                        "\(file) links the raw feed")
            }
        }
        let news = try #require(tree.page("/news/"))
        #expect(news.contains("<a class=\"feed-link\" href=\"/rd/subscribe/#feed-news\">订阅工作动态</a>"))
        #expect(news.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"青禾县人大常委会 - 工作动态\" href=\"/rd/news/feed.xml\">"))
        #expect(try subscribePage(tree).contains("<li class=\"feed-entry\" id=\"feed-news\">"), "the anchor exists")
    }

    @Test func itIsAPageOfTheSiteInTheSitemapWithBreadcrumbs() throws {
        let tree = try buildSample()
        let html = try subscribePage(tree)
        #expect(html.contains("<html lang=\"zh-CN\""))
        #expect(html.contains("<title>订阅本站 - 青禾县人大常委会</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.subPath)subscribe/\">"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1")
        #expect(html.contains("<body id=\"top\" class=\"page-subscribe\">"))
        #expect(html.contains("<li><a href=\"/rd/\">首页</a></li>") && html.contains("<span aria-current=\"page\">订阅本站</span>"))
        let sitemap = try XMLDocument(data: try #require(tree.files["sitemap.xml"]))
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations.contains(Self.subPath + "subscribe/"))
    }

    /// Without JavaScript the buttons stay hidden and the address is text to select; site.js shows
    /// them and says 已复制 in the live region it names.
    @Test func eachFeedHasAHiddenCopyButtonWithItsLiveRegion() throws {
        let tree = try buildSample()
        let html = try subscribePage(tree)
        for anchor in ["feed-site", "feed-news"] {
            #expect(html.contains("<button class=\"copy-button\" type=\"button\" hidden data-copy=\"\(anchor)-url\" data-copy-status=\"\(anchor)-status\""))
            #expect(html.contains("data-copied=\"已复制\""))
            #expect(html.contains("<span class=\"copy-status\" id=\"\(anchor)-status\" role=\"status\" aria-live=\"polite\"></span>"))
        }
        #expect(html.components(separatedBy: "data-copy=").count - 1 == feedFiles(tree).count)
        let script = try #require(tree.files.first { $0.key.hasPrefix("assets/site.") && $0.key.hasSuffix(".js") }?.value)
        let js = String(decoding: script, as: UTF8.self)
        #expect(js.contains("navigator.clipboard") && js.contains("[data-copy]"))
    }

    @Test func aSinglePageMayNotTakeItsAddress() throws {
        let root = try makeSite(["content/pages/subscribe.md": "---\ntitle: 订阅\n---\n正文。\n"])
        let diagnostics = try #require(refusal(build(root: root).1), "a page at /subscribe/ must stop the build")
        #expect(diagnostics.errors.map(\.message) == ["页面网址 /subscribe/ 已被站点栏目占用"])
    }
}
