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
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        let parts = #"<span class="title-main">扎根田间的“土专家”</span><span class="title-byline">——记县人大代表王秀兰</span>"#
        let page = try String(contentsOf: output.appendingPathComponent("news/a/index.html"), encoding: .utf8)
        #expect(page.contains(#"<h1 class="article-title">"# + parts + "</h1>"))
        for list in ["index.html", "news/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(list), encoding: .utf8)
            #expect(html.contains(#"<a href="/news/a/">"# + parts + "</a>"), "\(list)")
        }
        let plain = try String(contentsOf: output.appendingPathComponent("news/b/index.html"), encoding: .utf8)
        #expect(plain.contains(#"<h1 class="article-title">县人大常委会召开会议——</h1>"#))
    }
}
