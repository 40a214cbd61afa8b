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

    /// Addresses mistyped with the input method, or without their https://, are told what they
    /// are rather than taken for a missing file; a file's path is none of them.
    @Test func mistypedAddressesAreNamed() {
        #expect(LinkResolver.mistypedAddress("https：//www.example.gov.cn/")?.message == "链接地址的开头“https：//”写错了：https：//www.example.gov.cn/")
        #expect(LinkResolver.mistypedAddress("https：//www.example.gov.cn/")?.hint
            == "网址要在英文输入法下输入：中文输入法打出的“：”“／”“、”和全角字母都不是网址。改为：https://www.example.gov.cn/")
        #expect(LinkResolver.mistypedAddress("HTTP：//a.cn/")?.hint.hasSuffix("改为：http://a.cn/") == true)
        #expect(LinkResolver.mistypedAddress("https//a.cn/x.html")?.hint == "https 后面少了冒号。改为：https://a.cn/x.html")
        #expect(LinkResolver.mistypedAddress("http:/a.cn/")?.hint == "冒号后面是两个斜杠。改为：http://a.cn/")
        #expect(LinkResolver.mistypedAddress("https:\\\\a.cn\\")?.hint == "斜杠要向右斜（/），不是反斜杠（\\）。改为：https://a.cn\\")
        #expect(LinkResolver.mistypedAddress("ｈｔｔｐｓ：／／a.cn/")?.hint.hasSuffix("改为：https://a.cn/") == true)
        #expect(LinkResolver.mistypedAddress("“/news/”")?.hint == "[文字](地址) 里的地址不加引号：(/news/)")
        #expect(LinkResolver.mistypedAddress("www.npc.gov.cn")?.hint == "写成完整网址：https://www.npc.gov.cn")
        for path in ["photo1.png", "../reports/2023-07-26-report.md", "tongzhi.pdf", "www-notes.md"] {
            #expect(LinkResolver.mistypedAddress(path) == nil, "\(path)")
        }
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
