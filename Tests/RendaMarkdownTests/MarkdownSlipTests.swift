import RendaMarkdown
import Testing

/// Markdown that shows differently from what the writer meant, found by line.
@Suite("Markdown slips")
struct MarkdownSlipTests {
    private func slips(_ markdown: String) -> [MarkdownSlip] {
        MarkdownRenderer().render(markdown) { _ in .keep }.slips
    }

    @Test func htmlPastedFromWordIsFoundOnItsLine() {
        let markdown = "第一段。\n\n第二行<br>第三行<br>第四行\n\n<table><tr><td>预算</td></tr></table>\n"
        #expect(slips(markdown) == [MarkdownSlip(line: 3, kind: .rawHTML), MarkdownSlip(line: 5, kind: .rawHTML)])
    }

    /// An indented line right under another reads as a new paragraph in the editor and runs on
    /// in the page; after a blank line or a hard break it is what the writer meant.
    @Test func anIndentedLineInsideAParagraphIsFound() {
        #expect(slips("\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段。\n\n\u{3000}\u{3000}第三段。\\\n\u{3000}\u{3000}另起一行。\n")
            == [MarkdownSlip(line: 2, kind: .indentedLineInParagraph)])
    }

    @Test func htmlCommentsAreMeantToBeHidden() {
        #expect(slips("<!-- 待核实 -->\n\n正文。<!-- 备注 -->\n").isEmpty)
    }

    @Test func aHashWithoutItsSpaceIsFound() {
        #expect(slips("#一、总体情况\n\n正文。\n\n##二、主要工作\n正文。\n") == [
            MarkdownSlip(line: 1, kind: .headingWithoutSpace), MarkdownSlip(line: 5, kind: .headingWithoutSpace),
        ])
    }

    @Test func topicTagsEscapesAndHeadingsAreNotSlips() {
        #expect(slips("## 一、总体情况\n\n#宪法宣传周#活动启动。\n\n\\#1号议案已办结。\n\n正文 #标签\n\n#2会议室已布置。\n").isEmpty)
    }

    @Test func aPipeTableIsNamedAtItsHeader() {
        let markdown = "预算如下：\n\n| 项目 | 金额 |\n| --- | ---: |\n| 教育 | 3.2亿元 |\n\n项目 | 金额\n:---|---\n"
        #expect(slips(markdown) == [MarkdownSlip(line: 3, kind: .table), MarkdownSlip(line: 7, kind: .table)])
    }

    @Test func dashesAndRulesAreNotTables() {
        #expect(slips("正文。\n\n---\n\n- 第一条\n- 第二条\n\n2023-2024 年度\n").isEmpty)
    }

    @Test func linksThatStayedTextAreFound() {
        let markdown = "![会议现场](hui yi.jpg)\n\n详见[通知]（https://example.gov.cn/a）。\n\n[文字](a.md) 与 [正常](b.md)\n"
        #expect(slips(markdown) == [MarkdownSlip(line: 1, kind: .unparsedLink), MarkdownSlip(line: 3, kind: .unparsedLink)])
    }

    @Test func escapedBracketsAreMeantAsText() {
        #expect(slips("引用格式：\\[作者\\](年份)。\n").isEmpty)
    }
}
