@testable import RendaSite
import Testing

@Suite("Hints for broken links")
struct LinkHintTests {
    private static let inventory: SiteInventory = {
        var inventory = SiteInventory()
        for path in ["/news/huiyi/", "/news/huiyi-2/", "/news/shicha/", "/reports/half-year-report/", "/news/huiyi/photo.png"] {
            inventory.add(path)
        }
        return inventory
    }()

    /// One slip from a page of the same section: a character wrong, left out, added, or two
    /// swapped. Two slips, or another section, are no guess.
    @Test(arguments: [
        ("/news/huiyu/", "/news/huiyi/"),
        ("/news/huyi/", "/news/huiyi/"),
        ("/news/huiyii/", "/news/huiyi/"),
        ("/news/hiuyi/", "/news/huiyi/"),
        ("/news/shica/", "/news/shicha/"),
        ("/reports/half-year-reprot/", "/reports/half-year-report/"),
    ])
    func aPageOneSlipAwayIsGuessed(written: String, page: String) {
        #expect(LinkHints().closestPage(to: written, inventory: Self.inventory) == page)
    }

    @Test(arguments: ["/news/xyzzy/", "/news/hiuyu/", "/reports/shicha/", "/news/huiyi/photo.pgn"])
    func nothingNearIsNoGuess(written: String) {
        #expect(LinkHints().closestPage(to: written, inventory: Self.inventory) == nil)
    }

    /// An article found by the name of its file or bundle folder, wherever the link looked.
    @Test func articlesAreFoundByTheirFileOrFolderName() {
        let sources = ["content/reports/2023-07-26-report.md": "/reports/report/",
                       "content/news/2023-05-12-shicha/index.md": "/news/shicha/",
                       "content/news/2023-05-13-tongzhi.markdown": "/news/tongzhi/"]
        let hints = LinkHints()
        #expect(hints.articles(named: "2023-07-26-report", among: sources) == ["content/reports/2023-07-26-report.md"])
        #expect(hints.articles(named: "2023-05-12-shicha", among: sources) == ["content/news/2023-05-12-shicha/index.md"])
        #expect(hints.articles(named: "2023-05-13-tongzhi", among: sources) == ["content/news/2023-05-13-tongzhi.markdown"])
        #expect(hints.articles(named: "index", among: sources).isEmpty)
    }
}
