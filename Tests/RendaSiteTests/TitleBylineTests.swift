import Foundation
import RendaSite
import Testing

/// A title with a byline after a dash is split by the build into two parts the theme keeps whole,
/// on the page, in lists and on the home page, with no script needed.
@Suite("Titles with a byline")
struct TitleBylineTests {
    @Test func aBylineIsItsOwnPartWhereverTheTitleIsShown() throws {
        let feature = "---\ntitle: 扎根田间的“土专家”——记县人大代表王秀兰\ndate: 2024-05-06\n---\n正文。\n"
        let root = try makeSite([
            "content/news/2024-05-06-a.md": feature,
            // A dash in a phrase, with less than two characters on a side, stays one title.
            "content/news/2024-05-05-b.md": "---\ntitle: 县人大常委会召开会议——\ndate: 2024-05-05\n---\n正文。\n",
            // Newer, so the feature is in the home page's list of dates, not its headline.
            "content/news/2024-05-07-c.md": "---\ntitle: 县人大常委会开展视察\ndate: 2024-05-07\n---\n正文。\n",
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        let parts = #"<span class="title-main">扎根田间的“土专家”</span><span class="title-byline">——记县人大代表王秀兰</span>"#
        let page = try String(contentsOf: output.appendingPathComponent("news/a/index.html"), encoding: .utf8)
        #expect(page.contains(#"<h1 class="article-title">"# + parts + "</h1>"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(#"<ul class="date-list">"#))
        for list in ["index.html", "news/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(list), encoding: .utf8)
            #expect(html.contains(#"<a href="/news/a/">"# + parts + "</a>"), "\(list)")
        }
        let plain = try String(contentsOf: output.appendingPathComponent("news/b/index.html"), encoding: .utf8)
        #expect(plain.contains(#"<h1 class="article-title">县人大常委会召开会议——</h1>"#))
    }

    /// A profile made by `renda new deputy` is titled with the name: its card and collection entry
    /// show the name once, where a feature's title shows under the name.
    @Test func aProfileTitledWithTheNameShowsItOnce() throws {
        let profile = { (title: String, name: String) in
            "---\ntitle: \(title)\ndate: 2024-05-06\nname: \(name)\ngender: 女\noccupation: 村党支部书记\n"
                + "delegation: 城关镇\nterm: 第十九届\nyear: 2024\n---\n正文。\n"
        }
        let root = try makeSite([
            "content/deputies/2024-05-06-li-hong.md": profile("李红", "李红"),
            "content/deputies/2024-05-06-wang.md": profile("稻田里的“生态经”——记县人大代表王秀兰", "王秀兰"),
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        for page in ["deputies/index.html", "deputies/2024/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(!html.contains(">李红</p>"), "\(page)")
            #expect(html.contains(">稻田里的“生态经”——记县人大代表王秀兰</p>"), "\(page)")
        }
    }
}
