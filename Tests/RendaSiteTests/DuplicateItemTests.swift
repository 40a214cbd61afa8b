import Foundation
import RendaCore
import RendaSite
import Testing

@Suite("The same article published twice")
struct DuplicateItemTests {
    @Test func sameTitleAndDateInOneSectionWarnOnBoth() throws {
        let meeting = "---\ntitle: 县人大常委会召开第十次会议\ndate: 2024-03-01\ntopics: [监督工作]\n---\n正文。\n"
        let root = try makeSite([
            "content/news/2024-03-01-huiyi.md": meeting,
            "content/news/2024-03-01-changweihui-huiyi.md": meeting,
            // Another day, another section, a draft: none of them is the same published article.
            "content/news/2024-03-02-huiyi-2.md": meeting.replacingOccurrences(of: "2024-03-01", with: "2024-03-02"),
            "content/reports/2024-03-01-huiyi.md": meeting,
            "content/news/2024-03-01-caogao.md": meeting.replacingOccurrences(of: "---\n正文", with: "draft: true\n---\n正文"),
        ])
        let warnings = try build(root: root).1.get().diagnostics.warnings.filter { $0.message.contains("发布两次") }
        #expect(warnings.map(\.location).sorted() == [
            SourceLocation(file: "content/news/2024-03-01-changweihui-huiyi.md", line: 2),
            SourceLocation(file: "content/news/2024-03-01-huiyi.md", line: 2),
        ])
        let onFirst = try #require(warnings.first { $0.location.file == "content/news/2024-03-01-huiyi.md" })
        #expect(onFirst.message == "与 content/news/2024-03-01-changweihui-huiyi.md 的标题和日期都相同，同一篇文章会发布两次")
    }
}
