import Foundation
import RendaContent
import RendaCore
import Testing

@Suite("A bundle's index.md")
struct BundleIndexTests {
    @Test(arguments: ["Index.md", "INDEX.MD", "index.MD"])
    func aBundlesIndexInAnotherCaseIsNamedWithTheRightName(name: String) throws {
        let site = try TestSite(files: ["content/news/2023-07-01-huiyi/\(name)": "---\ntitle: 县人大常委会召开会议\ndate: 2023-07-01\n---\n正文。\n"])
        let (content, diagnostics) = site.load()
        #expect(content?.items.isEmpty == true)
        let warning = try #require(diagnostics.warnings.first)
        #expect(diagnostics.all.count == 1)
        #expect(warning.location == SourceLocation(file: "content/news/2023-07-01-huiyi/\(name)"))
        #expect(warning.message == "正文文件名应为小写的 index.md，这里是 \(name)，整个文件夹已忽略")
        #expect(warning.hint == "把 \(name) 改名为 index.md（全部小写），文章才会发布。")
    }
}
