import Foundation
import RendaCore
import Testing

/// 相关阅读 at the end of an article: others sharing a topic, the nearest in date, those sharing
/// more topics first, never the 上一篇/下一篇 the page links already, shown newest first.
@Suite("Related articles")
struct RelatedItemsTests {
    private static let topics = "- { slug: jiandu, name: 监督工作, description: 监督 }\n- { slug: daibiao, name: 代表工作, description: 代表 }\n"

    /// News a…h of 2024 (no g), one a month on the 10th (d has no topic), and a report g of 20 March.
    private func site(related: String = "related: 2\n") throws -> URL {
        func article(_ date: String, _ title: String, _ topics: String) -> String {
            "---\ntitle: \(title)\ndate: \(date)\n" + (topics.isEmpty ? "" : "topics: [\(topics)]\n") + "---\n\(title)的正文。\n"
        }
        return try makeSite([
            "content/site.yml": "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/\n" + related,
            "content/topics.yml": RelatedItemsTests.topics,
            "content/news/2024-01-10-a.md": article("2024-01-10", "甲会议", "监督工作, 代表工作"),
            "content/news/2024-02-10-b.md": article("2024-02-10", "乙会议", "监督工作"),
            "content/news/2024-03-10-c.md": article("2024-03-10", "丙会议", "监督工作"),
            "content/news/2024-04-10-d.md": article("2024-04-10", "丁会议", ""),
            "content/news/2024-05-10-e.md": article("2024-05-10", "戊会议", "监督工作"),
            "content/news/2024-06-10-f.md": article("2024-06-10", "己会议", "监督工作, 代表工作"),
            "content/reports/2024-03-20-g.md": article("2024-03-20", "庚报告", "代表工作"),
            "content/news/2024-08-10-h.md": article("2024-08-10", "辛会议", "监督工作"),
        ])
    }

    /// The related links of a page, in order; nil when it has no 相关阅读.
    private func related(_ output: URL, _ page: String) throws -> [String]? {
        let html = try String(contentsOf: output.appendingPathComponent(page + "index.html"), encoding: .utf8)
        guard let list = html.range(of: #"<ul class="related-list">[\s\S]*?</ul>"#, options: .regularExpression) else { return nil }
        #expect(html.contains(#"<h2 class="related-title" id="related-heading">相关阅读</h2>"#))
        return html[list].components(separatedBy: #"<li><a href=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func articlesSharingATopicNearestInDateNewestFirst() throws {
        let (output, result) = build(root: try site())
        _ = try result.get()
        // 戊: its 上一篇 丁 and 下一篇 己 are linked already; of 辛 (92 days), 丙 (61) and 乙 (90),
        // the nearest two, newest first.
        #expect(try related(output, "news/e/") == ["/news/c/", "/news/b/"])
        // 甲 shares both topics with 己 (152 days), one with 丙 (60 days) and 庚 (70 days): 己 comes
        // first though farther, found in 代表工作's list alone (监督工作's two nearest are 乙, its
        // 下一篇, and 丙), so what counts is the topics it shares, not the lists it was found in.
        #expect(try related(output, "news/a/") == ["/news/f/", "/news/c/"])
        // A report's related articles may be news; its section is named beside each.
        #expect(try related(output, "reports/g/") == ["/news/f/", "/news/a/"])
        let report = try String(contentsOf: output.appendingPathComponent("reports/g/index.html"), encoding: .utf8)
        #expect(report.contains(#"<span class="related-meta"><time datetime="2024-06-10T00:00:00+08:00">2024年6月10日</time><span>工作动态</span></span>"#))
        // An article without topics has none.
        #expect(try related(output, "news/d/") == nil)
    }

    @Test func siteYmlSetsHowManyOrNone() throws {
        let (five, fiveResult) = build(root: try site(related: ""))
        _ = try fiveResult.get()
        // By default up to five: here the five others sharing its topic less its 下一篇 己 (its
        // 上一篇 丁 shares none).
        #expect(try related(five, "news/e/") == ["/news/h/", "/news/c/", "/news/b/", "/news/a/"])
        let (none, noneResult) = build(root: try site(related: "related: 0\n"))
        _ = try noneResult.get()
        #expect(try related(none, "news/e/") == nil && related(none, "news/a/") == nil)
        let refused = try #require(refusal(build(root: try site(related: "related: 50\n")).1))
        #expect(refused.errors.contains { $0.message == "related 应为 0 到 20 之间的整数" && $0.location.line == 3 })
    }
}
