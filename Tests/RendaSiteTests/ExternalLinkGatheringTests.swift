import Foundation
import RendaLinkChecker
import RendaSite
import Testing

/// The addresses `renda check --external` asks for: every off-site link of the published
/// articles and of the menu, with the place each is written. Asking for them is tested in
/// `RendaLinkCheckerTests` against a server on loopback.
@Suite("External links of a site")
struct ExternalLinkGatheringTests {
    @Test func theArticlesAndMenuGiveEachAddressOnceWithEveryPlaceItIsWritten() throws {
        let root = try makeSite([
            "content/site.yml": """
                title: 测试县人大常委会
                base_url: https://rd.example.gov.cn/
                menu:
                  - { name: 首页, url: / }
                  - { name: 市人大, url: "http://www.example.gov.cn/" }
                """,
            "content/news/2024-05-06-meeting.md": """
                ---
                title: 常委会召开第十次会议
                date: 2024-05-06
                topics: [监督工作]
                ---

                会议精神见[市人大网站](https://www.example.gov.cn/rd/jingshen.html#part2)。

                全文见[原文](https://www.example.gov.cn/rd/jingshen.html)，本站的[首页](https://rd.example.gov.cn/)、[本站文章](/news/)和[电话](tel:0000-1234567)都不算外部链接，[无协议的](//www.example.org/a)算。
                """,
            "content/news/2024-05-07-draft.md": """
                ---
                title: 草稿
                date: 2024-05-07
                draft: true
                ---

                草稿里的[链接](https://draft.example.gov.cn/)不在已发布的网站上。
                """,
        ])
        let report = try SiteBuilder(options: BuildOptions(root: root, now: testNow)).inspect().get()
        #expect(report.externalLinks.map(\.url) == [
            "http://www.example.gov.cn/", "https://www.example.gov.cn/rd/jingshen.html", "https://www.example.org/a",
        ])
        #expect(report.externalLinks.map { $0.uses.map(\.description) } == [
            ["content/site.yml:5"],
            ["content/news/2024-05-06-meeting.md:7:14", "content/news/2024-05-06-meeting.md:9:9"],
            ["content/news/2024-05-06-meeting.md:9:142"],
        ])
    }
}
