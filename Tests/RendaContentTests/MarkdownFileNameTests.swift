import Foundation
import RendaContent
import RendaCore
import Testing

/// `.markdown`, as Hugo and Jekyll read it, is an article's file as `.md` is.
@Suite("Markdown file names")
struct MarkdownFileNameTests {
    static let article = "---\ntitle: 县人大常委会召开会议\ndate: 2023-07-01\n---\n正文。\n"

    @Test(arguments: ["2023-07-01-huiyi.markdown", "2023-07-01-huiyi.Markdown", "2023-07-01-huiyi.MARKDOWN",
                      "2023-07-01-huiyi.md", "2023-07-01-huiyi.MD"])
    func aMarkdownExtensionInAnyCaseIsAnArticle(name: String) throws {
        let site = try TestSite(files: ["content/news/\(name)": Self.article])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.all.isEmpty, "\(diagnostics)")
        let item = try #require(content?.items.first)
        #expect(item.sourcePath == "content/news/\(name)")
        #expect(item.path == "/news/huiyi/")
        #expect(Slug.fromFileName(name) == "huiyi")
    }

    @Test func anMdAndAMarkdownFileOfOneNameShareTheAddress() throws {
        let site = try TestSite(files: [
            "content/news/2023-07-01-huiyi.md": Self.article,
            "content/news/2023-07-02-huiyi.markdown": Self.article.replacingOccurrences(of: "07-01", with: "07-02"),
        ])
        let errors = site.load().1.errors
        #expect(errors.map(\.location.file).sorted() == ["content/news/2023-07-01-huiyi.md", "content/news/2023-07-02-huiyi.markdown"])
        #expect(errors.allSatisfy { $0.message.contains("的网址相同：/news/huiyi/") })
    }

    @Test func aCopyIsNamedWithItsOriginalWhateverEitherExtension() throws {
        let site = try TestSite(files: [
            "content/news/2023-07-01-huiyi.md": Self.article,
            "content/news/2023-07-01-huiyi - 副本.markdown": Self.article,
        ])
        let warning = try #require(site.load().1.warnings.first)
        #expect(warning.location.file == "content/news/2023-07-01-huiyi - 副本.markdown")
        #expect(warning.message == "文件名像是 content/news/2023-07-01-huiyi.md 的副本，没有发布")
    }

    @Test func aMarkdownFileStraightInContentIsNamed() throws {
        let site = try TestSite(files: ["content/2023-07-01-huiyi.markdown": Self.article])
        let warning = try #require(site.load().1.warnings.first)
        #expect(warning.location.file == "content/2023-07-01-huiyi.markdown")
        #expect(warning.message.hasPrefix("Markdown 文件直接放在 content/ 中"))
    }
}
