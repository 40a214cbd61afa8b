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
        let diagnostics = try #require(refusal(build(root: root).1), "a broken menu link must stop the build")
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
        let diagnostics = try #require(refusal(build(root: broken).1), "a broken footer link must stop the build")
        #expect(diagnostics.errors.map(\.message) == ["页脚链接“网站声明”的链接 /statement/ 指向的页面不存在"])

        // A link to an article not published yet says so, rather than guessing another.
        var toADraft = files
        toADraft["content/news/2024-03-02-b.md"] = "---\ntitle: 通知\ndate: 2024-03-02\ndraft: true\n---\n正文。\n"
        toADraft["content/site.yml"]! += "\n  - { name: \"通知\", url: \"/news/b/\" }\n"
        let waiting = try #require(refusal(build(root: try makeSite(toADraft)).1), "a footer link to a draft must stop the build")
        #expect(waiting.errors.map(\.message) == ["页脚链接“通知”的链接 /news/b/ 指向的文章尚未发布（草稿或未到发布日期）"])
    }
}

@Suite("上级页面")
struct ParentPageTests {
    /// A page under another shows it in its breadcrumbs, with its menu entry marked; written as
    /// an address or a file name alike.
    @Test func aPageUnderAnotherShowsItInItsBreadcrumbs() throws {
        let root = try makeSite([
            "content/site.yml": "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/rd/\nmenu:\n  - { name: \"机构设置\", url: \"/jigou/\" }\n",
            "content/pages/jigou.md": "---\ntitle: 机构设置\n---\n机构。\n",
            "content/pages/zucheng.md": "---\ntitle: 常委会组成人员\n上级页面: /jigou/\n---\n名单。\n",
            "content/pages/zhuren.md": "---\ntitle: 主任\nparent: zucheng.md\n---\n主任。\n",
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        let html = try String(contentsOf: output.appendingPathComponent("zhuren/index.html"), encoding: .utf8)
        #expect(html.contains("<li><a href=\"/rd/\">首页</a></li>\n      <li><a href=\"/rd/jigou/\">机构设置</a></li>\n"
            + "      <li><a href=\"/rd/zucheng/\">常委会组成人员</a></li>\n      <li><span aria-current=\"page\">主任</span></li>"), "\(html)")
        #expect(html.contains("<li class=\"menu-item is-active\"><a href=\"/rd/jigou/\">机构设置</a>"))
    }

    /// A parent that is no published page, the page itself, or a chain coming round is an error
    /// on the field's line.
    @Test func aParentThatIsNoPageIsAnError() throws {
        let root = try makeSite([
            "content/pages/jigou.md": "---\ntitle: 机构设置\n---\n机构。\n",
            "content/pages/a.md": "---\ntitle: 甲\n上级页面: /jigu/\n---\n甲。\n",
            "content/pages/b.md": "---\ntitle: 乙\n上级页面: /b/\n---\n乙。\n",
            "content/pages/c.md": "---\ntitle: 丙\n上级页面: /d/\n---\n丙。\n",
            "content/pages/d.md": "---\ntitle: 丁\n上级页面: /c/\n---\n丁。\n",
            "content/pages/e.md": "---\ntitle: 戊\n上级页面: /caogao/\n---\n戊。\n",
            "content/pages/caogao.md": "---\ntitle: 草稿页\ndraft: true\n---\n草稿。\n",
            "content/pages/f.md": "---\ntitle: 己\n上级页面: 机构设置\n---\n己。\n",
            "content/pages/g.md": "---\ntitle: 庚\n上级页面: https://rd.example.gov.cn/jigou/\n---\n庚。\n",
            "content/pages/pe.md": "---\ntitle: 辛\n上级页面: /news/\n---\n辛。\n",
        ])
        let found = try #require(refusal(build(root: root).1), "a wrong parent must stop the build")
        #expect(found.sorted.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line ?? 0) \($0.message)" } == [
            "content/pages/a.md:3 上级页面 /jigu/ 不是本站已发布的单页面",
            "content/pages/b.md:3 上级页面不能是这个页面自己（/b/）",
            "content/pages/c.md:3 上级页面绕成了一圈：/c/ → /d/ → /c/",
            "content/pages/d.md:3 上级页面绕成了一圈：/d/ → /c/ → /d/",
            "content/pages/e.md:3 上级页面 /caogao/ 还没有发布（草稿或未到发布日期）",
            "content/pages/pe.md:3 上级页面 /news/ 不是本站已发布的单页面",
        ])
        // The page itself is never the guess.
        #expect(found.errors.first { $0.location.file == "content/pages/pe.md" }?.hint?.contains("/pe/") == false)
        #expect(found.errors.first { $0.location.file == "content/pages/a.md" }?.hint?.hasPrefix("是否想写 /jigou/？") == true)
        // By its title or its whole address, the parent is found (f and g have no error).
    }
}
