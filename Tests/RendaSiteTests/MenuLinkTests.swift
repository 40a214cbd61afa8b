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
}
