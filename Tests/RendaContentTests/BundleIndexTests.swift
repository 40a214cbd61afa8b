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

    /// A folder whose only Markdown file has another name (`文章.md`, `index.markdown`): that file
    /// is named, with the name to give it. Notes (`_说明.md`) do not count.
    @Test(arguments: ["文章.md", "index.markdown", "2023-07-01-huiyi.md"])
    func aBundlesOnlyMarkdownFileIsToldToBeIndex(name: String) throws {
        let site = try TestSite(files: [
            "content/news/2023-07-01-huiyi/\(name)": "---\ntitle: 县人大常委会召开会议\ndate: 2023-07-01\n---\n正文。\n",
            "content/news/2023-07-01-huiyi/_说明.md": "照片由办公室提供。\n",
            "content/news/2023-07-01-huiyi/photo1.png": "png",
        ])
        let (content, diagnostics) = site.load()
        #expect(content?.items.isEmpty == true)
        #expect(diagnostics.all.count == 1)
        let warning = try #require(diagnostics.warnings.first)
        #expect(warning.location == SourceLocation(file: "content/news/2023-07-01-huiyi/\(name)"))
        #expect(warning.message == "正文文件名应为 index.md，这里是 \(name)，整个文件夹已忽略")
        #expect(warning.hint == "把 \(name) 改名为 index.md，文章才会发布。")
    }

    /// With two Markdown files, which one is the text cannot be told.
    @Test func aBundleWithTwoOtherMarkdownFilesIsNamedWithoutAGuess() throws {
        let article = "---\ntitle: 县人大常委会召开会议\ndate: 2023-07-01\n---\n正文。\n"
        let site = try TestSite(files: ["content/news/2023-07-01-huiyi/甲.md": article, "content/news/2023-07-01-huiyi/乙.md": article])
        let warning = try #require(site.load().1.warnings.first)
        #expect(warning.location == SourceLocation(file: "content/news/2023-07-01-huiyi"))
        #expect(warning.message == "文件夹中没有 index.md，已忽略")
    }
}
