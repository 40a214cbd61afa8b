import Foundation
import RendaContent
import RendaCore
import Testing

@Suite("site.yml")
struct SiteConfigTests {
    @Test func aBaseURLCopiedWithItsPageNameIsRefusedWithTheFolder() throws {
        let site = try TestSite()
        try site.write("content/site.yml", "title: 测试\nbase_url: https://rd.example.gov.cn/rd/index.html\n")
        let error = try #require(site.load().1.errors.first)
        #expect(error.location == SourceLocation(file: "content/site.yml", line: 2))
        #expect(error.message == "base_url 以文件名“index.html”结尾：“https://rd.example.gov.cn/rd/index.html”")
        #expect(error.hint == "base_url 写网站所在的文件夹，去掉“index.html”：https://rd.example.gov.cn/rd/")
    }

    /// Menu and footer links take Chinese keys as the articles' fields do; a Chinese colon and an
    /// address without https:// or with its start mistyped get their own hints.
    @Test func linksTakeChineseKeysAndNameTheirSlips() throws {
        let site = try TestSite()
        try site.write("content/site.yml", """
            title: 测试
            base_url: https://rd.example.gov.cn/
            footer_links:
              - { 名称: "网站声明", 网址: "/statement/" }
              - { name："隐私政策", url: "/privacy/" }
              - { name: "县政府", url: "www.example.gov.cn" }
              - { name: "中国人大网", url: "http：//www.npc.gov.cn/" }
            """)
        let (config, diagnostics) = site.load()
        #expect(config?.config.footerLinks.map(\.name) == ["网站声明"])
        #expect(diagnostics.errors.map { "\($0.location.line ?? 0) \($0.hint ?? "")" } == [
            "5 name 和 url 后面要用英文冒号，不能用中文冒号“：”。写成 - { name: \"工作动态\", url: \"/news/\" }",
            "6 其他网站写完整网址：https://www.example.gov.cn",
            "7 网址要在英文输入法下输入：中文输入法打出的“：”“／”“、”和全角字母都不是网址。改为：http://www.npc.gov.cn/",
        ])
    }

    @Test func aSiteTitleStartingWithAHashIsNamedAsAComment() throws {
        let site = try TestSite()
        try site.write("content/site.yml", "base_url: https://rd.example.gov.cn/\ntitle: #青禾县人大\n")
        let error = try #require(site.load().1.errors.first)
        #expect(error.message == "缺少必填设置项 title")
        #expect(error.hint == "“#”及后面的文字被当作注释，这个字段实际是空的。以 # 开头的值要用英文双引号括起来：title: \"#青禾县人大\"")
    }

    /// Typos that would break every link are mended: repeated slashes (`//rd/` is a link to a
    /// host called rd), `.` and `..`, the scheme's case; credentials are refused.
    @Test(arguments: [("https://www.example.gov.cn//rd/", "https://www.example.gov.cn/rd/"),
                      ("https://www.example.gov.cn/rd/./", "https://www.example.gov.cn/rd/"),
                      ("https://www.example.gov.cn/a/../rd", "https://www.example.gov.cn/rd/"),
                      ("HTTPS://WWW.Example.gov.cn/rd/", "https://www.example.gov.cn/rd/"),
                      ("http://127.0.0.1:8080", "http://127.0.0.1:8080/")])
    func baseURLTyposAreMended(written: String, read: String) {
        #expect(SiteConfig.normalizedBaseURL(written) == read)
    }

    @Test func aBaseURLWithCredentialsIsRefused() {
        #expect(SiteConfig.normalizedBaseURL("https://user:pw@www.example.gov.cn/rd/") == nil)
        #expect(SiteConfig.baseURLMistake("https://user:pw@www.example.gov.cn/rd/").hasPrefix("网址里不能带用户名和密码"))
    }

    @Test(arguments: ["https://rd.example.gov.cn", "https://rd.example.gov.cn/", "http://127.0.0.1:8080/rd",
                      "https://www.example.gov.cn/rd.v2/"])
    func folderAddressesAreAccepted(url: String) {
        #expect(SiteConfig.normalizedBaseURL(url) != nil)
        #expect(SiteConfig.fileName(in: url) == nil)
    }
}
