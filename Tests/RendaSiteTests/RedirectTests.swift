import Foundation
import RendaCore
import RendaSite
import Testing

/// An item's old addresses (`aliases`, 旧网址) keep working: each gets a page that sends the
/// reader on, and an address that cannot be served so is refused on its line.
@Suite("Redirects from old addresses")
struct RedirectTests {
    static let siteYML = "title: 测试县人大常委会\nbase_url: https://www.example.gov.cn/rd/\n"

    static func article(_ name: String, aliases: [String], draft: Bool = false, body: String = "会议听取了报告。") -> String {
        let list = aliases.map { "  - \"\($0)\"\n" }.joined()
        return "---\ntitle: \(name)\ndate: 2024-05-06\ntopics: [监督工作]\n\(draft ? "draft: true\n" : "")旧网址:\n\(list)---\n\n\(body)\n"
    }

    @Test func eachOldAddressSendsTheReaderToTheItem() throws {
        let root = try makeSite([
            "content/site.yml": Self.siteYML,
            "content/news/2024-05-06-meeting.md": Self.article("常委会召开第十次会议", aliases: [
                "/art/2024/5/6/art_1234_5678.html",            // an old CMS's page
                "https://www.example.gov.cn/rd/news/huiyi",      // copied from the browser, no trailing slash
                "/col/col123/index.html#top",                    // a folder's index, with a fragment
                "/xinwen/%E4%BC%9A%E8%AE%AE.htm",                // percent-encoded, as browsers copy it
                "/rd/news/x2.html",                              // the path as the address bar shows it
            ], body: "另见[旧地址](/art/2024/5/6/art_1234_5678.html)。"),
            "content/news/2024-05-06-draft.md": Self.article("草稿", aliases: ["/art/2024/5/7/art_1.html"], draft: true),
        ])
        let (out, result) = build(root: root)
        let report = try result.get()
        #expect(report.diagnostics.warnings.isEmpty, "a link to an old address is a working link: \(report.diagnostics)")
        let tree = OutputTree(out)
        for file in ["art/2024/5/6/art_1234_5678.html", "news/huiyi/index.html", "col/col123/index.html", "xinwen/会议.htm",
                     "news/x2.html"] {
            let page = try #require(tree.text(file), "\(file) written")
            #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/rd/news/meeting/">"#))
            #expect(page.contains(#"<link rel="canonical" href="https://www.example.gov.cn/rd/news/meeting/">"#))
            #expect(page.contains(#"<meta name="robots" content="noindex">"#) && page.contains(#"<html lang="zh-CN">"#))
            #expect(page.contains(#"本页已移至新的网址：<a href="/rd/news/meeting/">常委会召开第十次会议</a>"#))
        }
        #expect(tree.text("art/2024/5/7/art_1.html") == nil, "a draft's old address is not taken over")
        let sitemap = try #require(tree.text("sitemap.xml"))
        #expect(!sitemap.contains("art_1234") && !sitemap.contains("huiyi") && !sitemap.contains("col123"))
    }

    /// An article whose address changed is named by the next build (and by check until then),
    /// with the old address to write into it; once written, the warning is gone.
    @Test func anArticleTheLastBuildPublishedAndThisOneDoesNotIsNamed() throws {
        let root = try makeSite([
            // One item a list page: taking one away takes /news/page/2/ away too.
            "content/site.yml": Self.siteYML + "per_page: 1\n",
            "content/news/2024-05-06-meeting.md": Self.article("常委会召开第十次会议", aliases: []),
            "content/news/2024-05-01-earlier.md": Self.article("较早的会议", aliases: []),
        ])
        let out = temporaryFolder("out").appendingPathComponent("site")
        _ = try build(root: root, output: out).1.get()
        let news = root.appendingPathComponent("content/news")
        // A slug nothing like the old one: the one article that arrived is the guess.
        try FileManager.default.moveItem(at: news.appendingPathComponent("2024-05-06-meeting.md"),
                                         to: news.appendingPathComponent("2024-05-06-changweihui-huiyi.md"))
        let expected = "content: warning: 上次生成的网站有文章 /news/meeting/，这次没有了，别处链接到它会打不开"
        func vanished(_ diagnostics: Diagnostics) -> [Diagnostic] {
            diagnostics.warnings.filter { $0.message.hasPrefix("上次生成") }
        }
        func lines(_ diagnostics: Diagnostics) -> [String] {
            vanished(diagnostics).map { String($0.description.split(separator: "\n")[0]) }
        }
        let checked = try SiteBuilder(options: BuildOptions(root: root, output: out, now: testNow)).inspect().get()
        #expect(lines(checked.diagnostics) == [expected])
        // Another base URL (a preview) shares no address with the sitemap: nothing to compare.
        let elsewhere = try SiteBuilder(options: BuildOptions(root: root, output: out, baseURL: "http://127.0.0.1:8080/", now: testNow))
            .inspect().get()
        #expect(lines(elsewhere.diagnostics).isEmpty)

        let report = try build(root: root, output: out).1.get()
        #expect(lines(report.diagnostics) == [expected])
        #expect(vanished(report.diagnostics).first?.hint?
            .hasPrefix("如果它就是现在的 /news/changweihui-huiyi/，请在这篇文章中加上 旧网址: /news/meeting/") == true)
        // Said again by the next builds, which compare with a site that no longer has it, from the
        // list the build kept in the output: a reminder read past once is not lost.
        func reminders(_ now: SiteDate, output: URL? = nil) throws -> [String] {
            try SiteBuilder(options: BuildOptions(root: root, output: output ?? out, now: now)).build().get().diagnostics.warnings
                .filter { $0.message.contains("网站上没有了文章") }.map(\.message)
        }
        #expect(try reminders(testNow) == ["2026年6月1日起网站上没有了文章 /news/meeting/，别处链接到它会打不开"])
        let kept = try String(contentsOf: out.appendingPathComponent(".renda-vanished"), encoding: .utf8)
        #expect(kept == "# https://www.example.gov.cn/rd/\n/news/meeting/\t2026-06-01\n", "\(kept)")
        // For thirty days.
        #expect(try reminders(SiteDate(year: 2026, month: 6, day: 30)!).count == 1)
        let later = temporaryFolder("later").appendingPathComponent("site")
        try FileManager.default.copyItem(at: out, to: later)
        #expect(try reminders(SiteDate(year: 2026, month: 7, day: 1)!, output: later).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: later.appendingPathComponent(".renda-vanished").path))
        // The old address written into the article takes it off the list.
        let renamed = news.appendingPathComponent("2024-05-06-changweihui-huiyi.md")
        try Self.article("常委会召开第十次会议", aliases: ["/news/meeting/"]).write(to: renamed, atomically: true, encoding: .utf8)
        #expect(try reminders(testNow).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".renda-vanished").path))

        // An article taken away: it is named, with nothing to guess; the list page that went
        // with it is not an article.
        try FileManager.default.removeItem(at: news.appendingPathComponent("2024-05-01-earlier.md"))
        let removed = try build(root: root, output: out).1.get()
        #expect(lines(removed.diagnostics) == ["content: warning: 上次生成的网站有文章 /news/earlier/，这次没有了，别处链接到它会打不开"])
        #expect(vanished(removed.diagnostics).first?.hint?.hasPrefix("如果文章改了文件名或网址，") == true)
    }

    /// The guess is an article that arrived in the same section: another section's is another
    /// article, and its address written as 旧网址 would send readers to the wrong page.
    @Test func theGuessIsAnArticleOfTheSameSection() throws {
        let root = try makeSite([
            "content/site.yml": Self.siteYML,
            "content/news/2024-05-06-u16.md": Self.article("常委会召开第十六次会议", aliases: []),
            "content/news/2024-05-07-huiyi.md": Self.article("常委会召开主任会议", aliases: []),
        ])
        let out = temporaryFolder("out").appendingPathComponent("site")
        _ = try build(root: root, output: out).1.get()
        func hints(_ report: BuildReport) -> [String: String] {
            Dictionary(uniqueKeysWithValues: report.diagnostics.warnings.filter { $0.message.hasPrefix("上次生成") }.map {
                (String($0.message.split(separator: " ")[1].prefix { $0 != "，" }), $0.hint ?? "")
            })
        }

        // One article went from news and one came to reports: no pair.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/news/2024-05-06-u16.md"))
        try Self.article("王秀兰代表履职报告", aliases: [])
            .write(to: root.appendingPathComponent("content/reports/2024-05-08-wang-xiu-lan.md"), atomically: true, encoding: .utf8)
        let unpaired = try build(root: root, output: out).1.get()
        #expect(hints(unpaired)["/news/u16/"]?.hasPrefix("如果文章改了文件名或网址，") == true, "\(hints(unpaired))")

        // A report with the old name exactly is not the guess; the news article that came is.
        let news = root.appendingPathComponent("content/news")
        try FileManager.default.moveItem(at: news.appendingPathComponent("2024-05-07-huiyi.md"),
                                         to: news.appendingPathComponent("2024-05-07-zhu-ren-hui-yi.md"))
        try Self.article("主任会议报告", aliases: [])
            .write(to: root.appendingPathComponent("content/reports/2024-05-09-huiyi.md"), atomically: true, encoding: .utf8)
        let renamed = try build(root: root, output: out).1.get()
        #expect(hints(renamed)["/news/huiyi/"]?.hasPrefix("如果它就是现在的 /news/zhu-ren-hui-yi/，请在这篇文章中加上 旧网址: /news/huiyi/") == true,
                "\(hints(renamed))")

        // Three went and an unrelated one came: names are compared without the section they
        // share, so none of the three is taken for it.
        for name in ["jiaoyu", "weisheng", "jiaotong"] {
            try Self.article("新闻\(name)", aliases: []).write(to: news.appendingPathComponent("2024-05-06-\(name).md"), atomically: true, encoding: .utf8)
        }
        _ = try build(root: root, output: out).1.get()
        for name in ["jiaoyu", "weisheng", "jiaotong"] {
            try FileManager.default.removeItem(at: news.appendingPathComponent("2024-05-06-\(name).md"))
        }
        try Self.article("座谈会", aliases: []).write(to: news.appendingPathComponent("2024-05-06-zuotanhui.md"), atomically: true, encoding: .utf8)
        let unrelated = hints(try build(root: root, output: out).1.get())
        #expect(["/news/jiaoyu/", "/news/weisheng/", "/news/jiaotong/"].allSatisfy { unrelated[$0]?.hasPrefix("如果文章改了文件名或网址，") == true },
                "\(unrelated)")
    }

    @Test func anAddressThatCannotBeServedIsRefusedOnItsLine() throws {
        let root = try makeSite([
            "content/site.yml": Self.siteYML,
            "content/news/2024-05-06-meeting.md": Self.article("常委会召开第十次会议", aliases: [
                "/module/web/show.jsp?id=123",              // line 6
                "/art/2024/5/6/art_1.jsp",                  // 7
                "http://www.other.gov.cn/rd/news/a/",       // 8
                "https://www.example.gov.cn/news/a/",       // 9: outside the base path
                "news/a/",                                  // 10
                "/news/meeting/",                           // 11: the item's own address
                "/news/",                                   // 12: a page the site has
                "/404.html",                                // 13: another
                "/news/../a/",                              // 14
                "/old/a/",                                  // 15: the newer item has it first
            ]),
            "content/news/2024-05-01-earlier.md": Self.article("较早的会议", aliases: ["/old/a"]),
        ])
        let found = try SiteBuilder(options: BuildOptions(root: root, now: testNow)).inspect().get().diagnostics
        let file = "content/news/2024-05-06-meeting.md"
        #expect(found.errors.map { $0.description.split(separator: "\n")[0] } == [
            "\(file):6: error: 旧网址 /module/web/show.jsp?id=123 带有“?”后面的参数，静态网站不能按参数跳转",
            "\(file):7: error: 以 .jsp 结尾的旧网址在静态网站上不能跳转",
            "\(file):8: error: 旧网址 http://www.other.gov.cn/rd/news/a/ 不在本站的域名 www.example.gov.cn 上",
            "\(file):9: error: 旧网址 https://www.example.gov.cn/news/a/ 不在本站的路径 /rd/ 下",
            "\(file):10: error: 旧网址 news/a/ 应以 / 开头",
            "\(file):11: error: 旧网址 /news/meeting/ 就是这篇文章现在的网址",
            "\(file):12: error: 旧网址 /news/ 是站点上现有的页面或文件，不能再用来跳转",
            "\(file):13: error: 旧网址 /404.html 是站点上现有的页面或文件，不能再用来跳转",
            "\(file):14: error: 旧网址 /news/../a/ 中有空的或 . .. 的部分",
            "content/news/2024-05-01-earlier.md:6: error: 旧网址 /old/a/ 已经用在 \(file):15",
        ])
        #expect(found.errors.allSatisfy { $0.hint?.isEmpty == false })

        let (out, result) = build(root: root)
        guard case .failure(.content) = result else { Issue.record("the build must refuse the site"); return }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

