import Foundation
import RendaContent
import RendaCore
import Testing

@Suite("Markdown outside the section folders")
struct StrayMarkdownTests {
    static let article = "---\ntitle: 关于召开常委会会议的通知\ndate: 2023-07-01\n---\n正文。\n"

    @Test func eachFileNoSectionReadsIsNamedWithTheSections() throws {
        let site = try TestSite(files: [
            "content/2023-07-01-tongzhi.md": Self.article,
            "content/News/2023-07-01-huiyi.md": Self.article,
            "content/通知/2023-07-02-tongzhi/index.md": Self.article,
            "content/通知/2023-07-02-tongzhi/photo1.png": "",
        ])
        let warnings = site.load().1.warnings
        try #require(warnings.map(\.location.file) == ["content/2023-07-01-tongzhi.md", "content/News/2023-07-01-huiyi.md",
                                                  "content/通知/2023-07-02-tongzhi/index.md"])
        let sections = "请把文章移到栏目文件夹中：content/news/（工作动态）、content/reports/（工作报告）、"
            + "content/deputies/（代表风采）、content/pages/（页面）。不需要发布的说明文件，请在文件名前加 _（如 _说明.md）。"
        #expect(warnings[0].message == "Markdown 文件直接放在 content/ 中，不属于任何栏目，不会发布，已忽略")
        #expect(warnings[0].hint == sections)
        #expect(warnings[1].message == "文件夹 content/News/ 不是栏目，其中的 Markdown 文件不会发布，已忽略")
        #expect(warnings[1].hint == "是否想放在 content/news/？" + sections)
        #expect(warnings[2].hint == sections)
    }

    @Test func settingsStaticFilesNotesAndBundlesAreLeftAlone() throws {
        let site = try TestSite(files: [
            "content/_说明.md": "给同事的说明",
            "content/.draft.md": "",
            "content/_drafts/a.md": "",
            "content/static/docs/readme.md": "copied as it is",
            "content/static/images/a.png": "",
            "content/logo.png": "",
            "content/news/2023-07-01-huiyi/index.md": Self.article,
            "content/news/2023-07-01-huiyi/fujian.md": "a file beside the article",
            "content/pages/about.md": "---\ntitle: 关于我们\n---\n正文。\n",
        ])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(content?.items.count == 2)
    }
}
