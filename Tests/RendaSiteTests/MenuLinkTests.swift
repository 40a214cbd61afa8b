import Foundation
import RendaCore
import RendaSite
import Testing

@Suite("Menu links")
struct MenuLinkTests {
    @Test func aMenuLinkToAMissingPageIsAnErrorOnItsLine() throws {
        let root = try makeSite([
            "content/site.yml": """
            title: 测试县人大常委会
            base_url: https://rd.example.gov.cn/
            menu:
              - { name: "工作动态", url: "/news/" }
              - { name: "联系我们", url: "/contcat/" }
              - { name: "县政府", url: "https://www.example.gov.cn/" }
            """,
            "content/pages/contact.md": "---\ntitle: 联系我们\n---\n电话。\n",
        ])
        guard case .failure(.content(let diagnostics)) = build(root: root).1 else {
            Issue.record("a broken menu link must stop the build"); return
        }
        #expect(diagnostics.errors.map(\.description) == [
            "content/site.yml:5: error: 菜单“联系我们”的链接 /contcat/ 指向的页面不存在\n    提示：是否想写 /contact/？单页面的网址是 / 加它的文件名（如 content/pages/contact.md → /contact/）。",
        ])
    }

    /// `footer_links` (网站声明, 联系我们) are in the footer of every page, under the base path,
    /// and checked like the menu's.
    @Test func footerLinksAreOnEveryPageAndChecked() throws {
        let files = [
            "content/site.yml": """
            title: 测试县人大常委会
            base_url: https://rd.example.gov.cn/rd/
            footer_links:
              - { name: "网站声明", url: "/statement/" }
              - { name: "县政府", url: "https://www.example.gov.cn/" }
            """,
            "content/pages/statement.md": "---\ntitle: 网站声明\n---\n声明。\n",
            "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\n---\n正文。\n",
        ]
        let root = try makeSite(files)
        let (output, result) = build(root: root)
        _ = try result.get()
        for page in ["index.html", "news/a/index.html", "statement/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<li><a href=\"/rd/statement/\">网站声明</a></li>"), "\(page)")
            #expect(html.contains("<li><a href=\"https://www.example.gov.cn/\">县政府</a></li>"), "\(page)")
        }
        var withoutThePage = files
        withoutThePage["content/pages/statement.md"] = nil
        let broken = try makeSite(withoutThePage)
        guard case .failure(.content(let diagnostics)) = build(root: broken).1 else {
            Issue.record("a broken footer link must stop the build"); return
        }
        #expect(diagnostics.errors.map(\.message) == ["页脚链接“网站声明”的链接 /statement/ 指向的页面不存在"])
    }
}
