import Foundation
import RendaCore
import RendaSite
import Testing

@Suite("Markdown that will not show as written")
struct MarkdownNotesTests {
    @Test func boldThatDidNotCloseIsAWarningOnItsLine() throws {
        let root = try makeSite(["content/news/2024-03-01-a.md":
            "---\ntitle: 宪法宣传周\ndate: 2024-03-01\ntopics: [监督工作]\n---\n第一段。\n\n**宪法进校园。**县人大组织宣讲。\n"])
        let report = try build(root: root).1.get()
        let warning = try #require(report.diagnostics.warnings.first { $0.message.contains("**") })
        #expect(warning.location == SourceLocation(file: "content/news/2024-03-01-a.md", line: 8))
        #expect(warning.message == "这一行的 ** 没有变成加粗，会原样显示")
    }
}
