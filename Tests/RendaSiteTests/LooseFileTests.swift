import Foundation
import RendaCore
import Testing

/// Files beside the articles of a section folder, not in a bundle.
@Suite("Loose files in section folders")
struct LooseFileTests {
    @Test func anImageBesideASingleFileArticleIsUsedAndOnlyAnUnusedOneIsNamed() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\ntopics: [监督工作]\n---\n正文。\n\n![会议现场](huiyi.png)\n",
            "content/news/huiyi.png": "png",
            "content/news/notes.docx": "docx",
            // A draft's image, used once the draft is published.
            "content/news/2024-03-02-b.md": "---\ntitle: 草稿\ndate: 2024-03-02\ntopics: [监督工作]\ndraft: true\n---\n![现场](draft-photo.png)\n",
            "content/news/draft-photo.png": "png",
        ])
        let (out, result) = build(root: root)
        let report = try result.get()
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/a/huiyi.png").path))
        let loose = report.diagnostics.warnings.filter { $0.message.contains("不是 Markdown 文件") }
        #expect(loose.map(\.location.file) == ["content/news/notes.docx"])
        #expect(loose.first?.message == "不是 Markdown 文件，也没有文章用到它，已忽略")
    }

    /// A picture named in another case (`李红.jpg` for `李红.JPG`) gets its error on the reference,
    /// with the name to write; it is not also called unused.
    @Test func aFileNamedInAnotherCaseIsNotAlsoCalledUnused() throws {
        let root = try makeSite([
            "content/deputies/2024-05-09-li.md": "---\ntitle: 李红\ndate: 2024-05-09\n姓名: 李红\n性别: 女\n工作单位及职务: 教师\n"
                + "选区: 城关镇\n届次: 第十九届\n照片: 李红.jpg\n---\n正文。\n",
            "content/deputies/李红.JPG": "jpg",
            "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\n---\n![会场](Huiyi.PNG)\n",
            "content/news/huiyi.png": "png",
        ])
        let found = try #require(refusal(build(root: root).1), "the references in another case are errors")
        #expect(found.errors.map(\.location.file) == ["content/deputies/2024-05-09-li.md", "content/news/2024-03-01-a.md"])
        #expect(!found.all.contains { $0.message.contains("没有文章用到它") }, "\(found.all)")
    }

    /// A text file is most likely an article saved by Notepad (`x.md.txt` shows as `x.md` where
    /// Windows hides extensions): it is told the name to give it, and nothing of images.
    @Test(arguments: [
        ("2024-03-03-c.md.txt", "文件名是 2024-03-03-c.md.txt，Windows 可能隐藏了扩展名 .txt，这篇文章没有发布",
         "请改名为 2024-03-03-c.md（在资源管理器的“查看”中勾选“文件扩展名”，就能看到完整的文件名）。"),
        ("2024-03-03-c.txt", "2024-03-03-c.txt 是文本文件，不会发布，已忽略",
         "如果它是文章，请改名为 2024-03-03-c.md；只是说明的话，请在文件名前加 _（如 _2024-03-03-c.txt）。"),
    ])
    func aTextFileIsToldItsMarkdownName(name: String, message: String, hint: String) throws {
        let root = try makeSite([
            "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\ntopics: [监督工作]\n---\n正文。\n",
            "content/news/\(name)": "---\ntitle: 视察\ndate: 2024-03-03\ntopics: [监督工作]\n---\n正文。\n",
        ])
        let report = try build(root: root).1.get()
        let warning = try #require(report.diagnostics.warnings.first { $0.location.file == "content/news/\(name)" })
        #expect(warning.message == message)
        #expect(warning.hint == hint)
    }

    /// A `.markdown` file is an article wherever `.md` is one: a link to it reaches its page, and
    /// in a bundle it is not copied beside the page as a file.
    @Test func aMarkdownFileIsAnArticleForLinksAndBundles() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a.markdown": "---\ntitle: 会议\ndate: 2024-03-01\ntopics: [监督工作]\n---\n正文。\n",
            "content/news/2024-03-02-b/index.md":
                "---\ntitle: 视察\ndate: 2024-03-02\ntopics: [监督工作]\n---\n见[会议](../2024-03-01-a.markdown)。\n",
            "content/news/2024-03-02-b/notes.markdown": "草稿笔记\n",
        ])
        let (out, result) = build(root: root)
        let report = try result.get()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics)")
        let page = try String(contentsOf: out.appendingPathComponent("news/b/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"/news/a/\">会议</a>"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("news/b/notes.markdown").path))
    }
}
