import Foundation
@testable import RendaContent
import RendaCore
import Testing

@Suite("Files copied in Explorer or Finder")
struct CopiedFileTests {
    @Test(arguments: [
        ("2023-05-16-huanjing-zhuanti-xunwen - 副本", "2023-05-16-huanjing-zhuanti-xunwen"),
        ("2023-05-16-huanjing-zhuanti-xunwen - 副本 (2)", "2023-05-16-huanjing-zhuanti-xunwen"),
        ("2023-05-16-xunwen副本", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen (2)", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen （12）", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen copy", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen - Copy", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen copy 2", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen (copy)", "2023-05-16-xunwen"),
        ("2023-05-16-xunwen (another copy)", "2023-05-16-xunwen"),
    ])
    func aCopysNameGivesTheOriginal(name: String, original: String) {
        #expect(CopiedFiles.originalName(of: name) == original)
    }

    @Test(arguments: ["2023-05-16-xunwen", "2023-05-16-hard-copy", "2023-05-16-policy", "副本", "(2)",
                      "2023-05-16-di-2-ci-huiyi", "2023-05-16-huiyi(2)",
                      "2023-05-16-huiyi (2023)"])
    func ordinaryNamesAreNotCopies(name: String) {
        #expect(CopiedFiles.originalName(of: name) == nil)
    }

    /// A copy beside its original is withheld: published nowhere (it often holds the text from
    /// before an edit), and named with its original.
    @Test func aCopyBesideItsOriginalIsNamedAndWithheld() throws {
        let article = "---\ntitle: 环境专题询问\ndate: 2023-05-16\n---\n正文\n"
        let site = try TestSite(files: [
            "content/news/2023-05-16-xunwen.md": article,
            "content/news/2023-05-16-xunwen - 副本.md": article,
            "content/news/2023-05-16-xunwen (2).md": article.replacingOccurrences(of: "---\n正文", with: "draft: true\n---\n正文"),
            "content/news/2023-05-16-shicha/index.md": article,
            "content/news/2023-05-16-shicha copy/index.md": article,
        ])
        let (content, diagnostics) = site.load()
        let warnings = diagnostics.warnings
        #expect(warnings.map(\.location.file).sorted() == ["content/news/2023-05-16-shicha copy",
                                                            "content/news/2023-05-16-xunwen - 副本.md"], "drafts publish nothing")
        let file = try #require(warnings.first { $0.location.file.hasSuffix(".md") })
        #expect(file.message == "文件名像是 content/news/2023-05-16-xunwen.md 的副本，没有发布")
        #expect(file.hint == "多余的副本请删除；如果确是另一篇文章，请给它改一个自己的名字，不要带“副本”“(2)”“copy”等字样，它才会发布。")
        let folder = try #require(warnings.first { !$0.location.file.hasSuffix(".md") })
        #expect(folder.message == "文件夹名像是 content/news/2023-05-16-shicha/index.md 的副本，没有发布")
        let withheld = (content?.items ?? []).filter { $0.withheld != nil }.map(\.sourcePath).sorted()
        #expect(withheld == ["content/news/2023-05-16-shicha copy/index.md", "content/news/2023-05-16-xunwen - 副本.md"])
    }

    /// A copy whose original is gone may be the only version left: it is published, and named.
    @Test func aCopyWithoutItsOriginalIsPublished() throws {
        let site = try TestSite(files: ["content/news/2023-05-16-xunwen - 副本.md": "---\ntitle: 环境专题询问\ndate: 2023-05-16\n---\n正文\n"])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.warnings.map(\.message) == ["文件名像是复制出来的副本，同一篇文章可能发布了两次"])
        #expect(content?.items.first?.withheld == nil)
    }
}
