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
}
