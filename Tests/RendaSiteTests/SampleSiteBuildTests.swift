import Foundation
import FoundationXML
import RendaContent
import RendaCore
@testable import RendaSite
import Testing

/// Builds the real sample site (content/ with themes/default) and checks the whole output.
@Suite("Building the sample site", .serialized)
struct SampleSiteBuildTests {
    static let subPath = "https://www.example.gov.cn/rd/"

    private func buildSample(baseURL: String? = nil) throws -> (OutputTree, BuildReport) {
        let (out, result) = build(baseURL: baseURL)
        switch result {
        case .success(let report): return (OutputTree(out), report)
        case .failure(let failure): throw TestFailure("sample site did not build: \(failure)")
        }
    }

    @Test func buildsWithoutAnyWarning() throws {
        let (_, report) = try buildSample()
        let problems = report.diagnostics.all.filter { $0.severity != .info }
        #expect(problems.isEmpty, "\(report.diagnostics)")
    }

    @Test func everyURLOfTheLayoutExists() throws {
        let (tree, _) = try buildSample()
        let (content, _) = ContentLoader(root: repositoryRoot).load()
        let loaded = try #require(content)
        var expected = ["/", "/news/", "/news/page/2/", "/reports/", "/deputies/", "/archive/", "/topics/", "/404.html"]
        expected += loaded.topics.topics.map { "/topics/\($0.slug)/" }
        let published = loaded.items.filter { !$0.draft && ($0.date.map { $0 <= testNow } ?? true) }
        expected += published.map(\.path)
        expected += Set(published.compactMap { $0.date?.year }).map { "/archive/\($0)/" }
        expected += Set(published.compactMap { $0.deputy?.year }).map { "/deputies/\($0)/" }
        for path in expected {
            #expect(tree.page(path) != nil, "missing \(path)")
        }
        for file in ["feed.xml", "news/feed.xml", "sitemap.xml", "robots.txt"] {
            #expect(tree.files[file] != nil, "missing /\(file)")
        }
        let draft = try #require(loaded.items.first { $0.draft })
        #expect(tree.page(draft.path) == nil, "a draft was published")
    }

    @Test(arguments: [nil, subPath])
    func everyInternalLinkAndImageResolvesToAWrittenFile(baseURL: String?) throws {
        let (tree, _) = try buildSample(baseURL: baseURL)
        let basePath = baseURL == nil ? "/" : "/rd/"
        var checked = 0
        for file in tree.htmlFiles {
            for link in OutputTree.links(in: tree.text(file)!) {
                guard let target = tree.target(of: link, basePath: basePath) else {
                    Issue.record("\(file): link \(link) is outside the base path \(basePath)")
                    continue
                }
                guard let target else { continue }
                #expect(tree.files[target] != nil, "\(file): \(link) points to no file")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func pagesAreChineseAndDatesReadTheChineseWay() throws {
        let (tree, _) = try buildSample()
        let (content, _) = ContentLoader(root: repositoryRoot).load()
        let item = try #require(content?.items.first { $0.kind == .news && !$0.draft })
        let html = try #require(tree.page(item.path))
        #expect(html.contains("<html lang=\"zh-CN\""))
        #expect(html.contains(item.date!.chinese))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
    }

    @Test func theFooterShowsTheFilingFieldsInOrderWithTheirRegistryLinks() throws {
        let (tree, _) = try buildSample()
        let html = try #require(tree.page("/"))
        let labels = ["主办单位", "地址", "电话", "ICP备案号", "公安机关备案号", "网站标识码"]
        let positions = labels.compactMap { html.range(of: $0 + "：")?.lowerBound }
        #expect(positions.count == labels.count)
        #expect(positions == positions.sorted(), "footer fields keep the order of site.yml")
        #expect(html.contains("href=\"https://beian.miit.gov.cn/\""))
        #expect(html.contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code="))
        // A reader on a phone taps the number to call it.
        #expect(html.contains("<dt>电话：</dt><dd><a href=\"tel:0000-1234567\" rel=\"noopener\">0000-1234567（示例号码）</a></dd>"))
    }

    @Test func pagesLoadNothingFromOtherHosts() throws {
        let (tree, _) = try buildSample()
        let external = /<(?:link|script|img)\b[^>]*(?:href|src)="(?:https?:)?\/\/[^"]*"/
        for file in tree.htmlFiles {
            let html = tree.text(file)!
            let offending = html.matches(of: external).map { String($0.0) }.filter { !$0.contains("rel=\"canonical\"") }
            #expect(offending.isEmpty, "\(file) loads \(offending)")
        }
    }

    @Test func cssAndJavaScriptNamesCarryAContentHash() throws {
        let (tree, _) = try buildSample()
        let css = tree.files.keys.filter { $0.hasPrefix("assets/") && $0.hasSuffix(".css") }
        #expect(!css.isEmpty)
        for name in css {
            let parts = (name as NSString).lastPathComponent.split(separator: ".")
            #expect(parts.count == 3 && parts[1].count == 8, "\(name) has no hash")
        }
        #expect(tree.page("/")!.contains("/assets/\((css.first! as NSString).lastPathComponent)"))
    }

    @Test func theAtomFeedParsesAndHoldsTheNewestItems() throws {
        let (tree, _) = try buildSample(baseURL: Self.subPath)
        let feed = try XMLDocument(data: try #require(tree.files["feed.xml"]))
        let entries = try feed.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == 20)
        let ids = try feed.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='id']").compactMap(\.stringValue)
        #expect(ids.allSatisfy { $0.hasPrefix(Self.subPath) })
        let updated = try feed.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='updated']").compactMap(\.stringValue)
        #expect(updated == updated.sorted(by: >), "newest first")
        #expect(updated.allSatisfy { $0.hasSuffix("+08:00") })
        // A profile's entry shows whom it is about, as its page does: portrait and details first.
        let profiles = try feed.nodes(forXPath: "//*[local-name()='entry'][*[local-name()='link'][contains(@href, '/deputies/')]]"
                                      + "/*[local-name()='content']").compactMap(\.stringValue)
        let profile = try #require(profiles.first, "no profile among the newest entries")
        #expect(profile.hasPrefix("<p><img src=\"\(Self.subPath.dropFirst("https://www.example.gov.cn".count))deputies/"), "\(profile.prefix(200))")
        #expect(profile.contains("<li>选区：") && profile.contains("<li>工作单位及职务："), "\(profile.prefix(400))")
        let news = try XMLDocument(data: try #require(tree.files["news/feed.xml"]))
        let newsLinks = try news.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='link']/@href").compactMap(\.stringValue)
        #expect(!newsLinks.isEmpty)
        #expect(newsLinks.allSatisfy { $0.hasPrefix(Self.subPath + "news/") })
    }

    @Test func theSitemapListsEveryPageWithAbsoluteURLs() throws {
        let (tree, _) = try buildSample(baseURL: Self.subPath)
        let sitemap = try XMLDocument(data: try #require(tree.files["sitemap.xml"]))
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        let pages = tree.htmlFiles.filter { $0 != "404.html" }
        #expect(locations.count == pages.count)
        #expect(Set(locations) == Set(pages.map { Self.subPath + ($0 == "index.html" ? "" : String($0.dropLast("index.html".count))) }))
        #expect(tree.text("robots.txt")!.contains("Sitemap: \(Self.subPath)sitemap.xml"))
    }

    @Test func canonicalAndOpenGraphUseAbsoluteURLs() throws {
        let (tree, _) = try buildSample(baseURL: Self.subPath)
        let html = try #require(tree.page("/news/"))
        #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.subPath)news/\">"))
        #expect(html.contains("property=\"og:url\" content=\"\(Self.subPath)news/\""))
    }

    @Test func theNotFoundPageIsNotIndexedAndEveryPageHasItsIcon() throws {
        let (tree, _) = try buildSample(baseURL: Self.subPath)
        let notFound = try #require(tree.text("404.html"))
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!notFound.contains("rel=\"canonical\"") && !notFound.contains("og:url"))
        let news = try #require(tree.page("/news/"))
        #expect(news.contains("rel=\"canonical\"") && !news.contains("noindex"))
        for html in [notFound, news] { #expect(html.contains("href=\"/rd/assets/favicon.svg\"")) }
        #expect(tree.files["assets/favicon.svg"] != nil)
    }

    /// Photos keep their space while they load (the text below does not jump), and only the
    /// first one, which may be in view as the page opens, loads at once.
    @Test func bodyImagesCarryTheirSizeAndLaterOnesLoadLazily() throws {
        let (tree, _) = try buildSample(baseURL: Self.subPath)
        let html = try #require(tree.page("/news/minsheng-shishi-shicha/"))
        #expect(html.contains("<img src=\"/rd/news/minsheng-shishi-shicha/photo1.png\" alt=\"视察组在项目现场\" width=\"720\" height=\"450\" />"))
        let second = try #require(html.range(of: "<img src=\"/rd/news/minsheng-shishi-shicha/photo2.png\""))
        let image = html[second.upperBound...].prefix { $0 != ">" }
        #expect(image.hasSuffix("width=\"1200\" height=\"2096\" loading=\"lazy\" /"), "\(image)")
        // Each opens whole when tapped.
        #expect(html.contains("<a class=\"image-link\" href=\"/rd/news/minsheng-shishi-shicha/photo2.png\"><img src="))
    }

    /// On a phone, the office's numbers and addresses are one tap from a call or a letter.
    @Test func theContactPageLinksPhonesAndMail() throws {
        let (tree, _) = try buildSample()
        let html = try #require(tree.page("/contact/"))
        #expect(html.contains("<a href=\"tel:0000-1234567\">0000-1234567</a>"))
        #expect(html.contains("<a href=\"mailto:office@rd.qinghe.example.gov.cn\">office@rd.qinghe.example.gov.cn</a>"))
        #expect(!html.contains("class=\"external\" rel=\"external noopener noreferrer\">0000"))
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let (first, _) = try buildSample()
        let (second, _) = try buildSample()
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        for (path, data) in first.files {
            #expect(second.files[path] == data, "\(path) differs between two builds")
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

@Suite("The annual deputy collection")
struct DeputyCollectionTests {
    @Test func profileHeadingsSitUnderTheDeputyAndKeepDistinctIDs() throws {
        let (out, result) = build()
        _ = try result.get()
        let tree = OutputTree(out)
        let collection = try #require(tree.files.keys.first { $0.hasPrefix("deputies/20") && $0.hasSuffix("/index.html") }
            .flatMap(tree.text))
        let ids = collection.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(ids.count == Set(ids).count, "duplicate ids on the collection page")
        #expect(!collection.contains("<h1 id=") && collection.components(separatedBy: "<h1").count == 2)
    }

    /// A profile leads to its own entry in the year's collection; there the contents list each
    /// 选区's deputies, each 选区 ends with a way back to them, and the year being read is marked.
    @Test func aProfileLeadsToItsEntryAndTheCollectionBackToItsContents() throws {
        let (out, result) = build()
        _ = try result.get()
        let tree = OutputTree(out)
        let profile = try #require(tree.page("/deputies/wang-xiulan/"))
        #expect(profile.contains("<p class=\"profile-collection\">收录于<a href=\"/deputies/2023/#wang-xiulan\">2023年代表风采汇编</a></p>"))
        let collection = try #require(tree.page("/deputies/2023/"))
        #expect(collection.contains("<article class=\"deputy-entry\" id=\"wang-xiulan\""))
        let sections = collection.components(separatedBy: "<section class=\"delegation\"").count - 1
        #expect(sections > 0 && collection.components(separatedBy: "<p class=\"back-to-toc\"><a href=\"#collection-toc-heading\">返回选区目录</a></p>").count - 1 == sections)
        #expect(collection.contains("<li class=\"is-current\"><a href=\"/deputies/2023/\" aria-current=\"page\">"))
        // The contents name each 选区's deputies, each a link to the entry.
        #expect(collection.contains("<li><a href=\"#wang-xiulan\">王秀兰</a></li>"))
    }

    /// A deputy's story headings (`##`) go under the profile page's 履职风采 (an h2): h3 there,
    /// h4 under the deputy's h3 in the collection.
    @Test func aDeputysStoryHeadingsGoUnderTheirSection() throws {
        let (out, result) = build()
        _ = try result.get()
        let tree = OutputTree(out)
        let profile = try #require(tree.page("/deputies/ma-xiaoyan/"))
        #expect(profile.contains("<h2 class=\"section-label\">履职风采</h2>"))
        #expect(profile.contains("<h3 id=\"从小账本到大实事\">从“小账本”到“大实事”</h3>"))
        #expect(!profile.contains("<h2 id="))
        let collection = try #require(tree.page("/deputies/2023/"))
        #expect(collection.contains("<h4 id=\"ma-xiaoyan-从小账本到大实事\">从“小账本”到“大实事”</h4>"))
    }

    @Test func headingShiftMovesLevelsAndPrefixesIDs() {
        let html = "<h2 id=\"履职情况\">履职情况</h2>\n<p>正文</p>\n<h3 id=\"建议\">建议</h3>\n"
        #expect(String(decoding: HeadingShift.apply(to: Array(html.utf8), levels: 2, idPrefix: "wang-"), as: UTF8.self)
            == "<h4 id=\"wang-履职情况\">履职情况</h4>\n<p>正文</p>\n<h5 id=\"wang-建议\">建议</h5>\n")
        // Text after the last tag, and a `<` that starts no heading, are kept.
        let tail = "<p>a &lt; b</p><h1>标题</h1>尾"
        #expect(String(decoding: HeadingShift.apply(to: Array(tail.utf8), levels: 1, idPrefix: "x-"), as: UTF8.self)
            == "<p>a &lt; b</p><h2>标题</h2>尾")
    }
}
