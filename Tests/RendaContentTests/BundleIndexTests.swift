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

    /// Articles sorted into a folder of their own (`content/news/2024年/`) are not published:
    /// each is named, bundles inside included, with where articles go. Word's owner file
    /// (`~$…md`) and Windows' `Thumbs.db` are no articles; a folder of pictures alone is told
    /// what a bundle is.
    @Test func articlesInAFolderOfTheirOwnAreEachNamed() throws {
        let article = "---\ntitle: 县人大常委会召开会议\ndate: 2024-07-01\n---\n正文。\n"
        let site = try TestSite(files: [
            "content/news/2024年/2024-07-01-huiyi.md": article, "content/news/2024年/2024-08-01-shicha.md": article,
            "content/news/2024年/2024-09-01-zuotan/index.md": article, "content/news/2024年/~$24-07-01-huiyi.md": "\u{0}\u{1}",
            "content/news/2024年/Thumbs.db": "\u{0}", "content/news/tupian/photo1.png": "png",
        ])
        let (content, diagnostics) = site.load()
        #expect(content?.items.isEmpty == true)
        #expect(diagnostics.warnings.map { "\($0.location.file) \($0.message)" } == [
            "content/news/2024年/2024-07-01-huiyi.md 这篇文章在文件夹 content/news/2024年/ 里，不会发布",
            "content/news/2024年/2024-08-01-shicha.md 这篇文章在文件夹 content/news/2024年/ 里，不会发布",
            "content/news/2024年/2024-09-01-zuotan/index.md 这篇文章在文件夹 content/news/2024年/ 里，不会发布",
            "content/news/tupian 文件夹中没有 index.md，已忽略",
        ])
        #expect(diagnostics.warnings.first?.hint?.hasPrefix("栏目文件夹里不能再分文件夹：请把文章移到 content/news/ 中") == true)
        #expect(diagnostics.errors.isEmpty)
    }

    /// One dated article alone in a year folder is such an article too, not the folder's text
    /// under another name: renaming it index.md, as that hint says, published it at /news/2026/.
    @Test func aDatedArticleAloneInAYearFolderIsNamedAsOne() throws {
        let site = try TestSite(files: [
            "content/news/2026/2026-11-22-fagui-beian.md": "---\ntitle: 县人大常委会开展备案审查\ndate: 2026-11-22\n---\n正文。\n",
        ])
        let (content, diagnostics) = site.load()
        #expect(content?.items.isEmpty == true)
        #expect(diagnostics.warnings.map { "\($0.location.file) \($0.message)" } == [
            "content/news/2026/2026-11-22-fagui-beian.md 这篇文章在文件夹 content/news/2026/ 里，不会发布",
        ])
    }

    /// The owner file Word and WPS keep beside an open document ends in `.md` and is not text:
    /// it is no article, and stops nothing.
    @Test func wordsOwnerFileIsNoArticle() throws {
        let site = try TestSite(files: [
            "content/news/2024-07-01-huiyi.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-07-01\n---\n正文。\n",
            "content/news/~$24-07-01-huiyi.md": "\u{0}\u{5}李明\u{0}", "content/news/desktop.ini": "[.ShellClassInfo]\n",
        ])
        let (content, diagnostics) = site.load()
        #expect(content?.items.map(\.sourcePath) == ["content/news/2024-07-01-huiyi.md"])
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(content?.looseFiles.isEmpty == true)
    }
}
