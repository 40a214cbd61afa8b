import RendaCore
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

    /// Lines that each end a sentence are one paragraph, as CommonMark has it: staff may break
    /// lines anywhere in Chinese text (the break joins without a space), at a sentence's end too.
    @Test func linesEndingSentencesAreOneParagraphAsWritten() {
        #expect(slips("5月7日，县人大常委会组织代表视察。\n视察组一行先后来到污水处理厂。\n大家认为：“工作扎实有效。”\n").isEmpty)
    }

    /// 1、 （一） ① ● under another line run on in its paragraph: each such line is named.
    @Test func handNumberedLinesInsideAParagraphAreFound() {
        #expect(slips("主要做法：\n（一）加强组织领导。\n（二）强化督查考核。\n\n会议要求\n1、加强学习\n2、改进作风\n\n●\t第一条\n")
            == [MarkdownSlip(line: 2, kind: .listItemInParagraph), MarkdownSlip(line: 3, kind: .listItemInParagraph),
                MarkdownSlip(line: 6, kind: .listItemInParagraph), MarkdownSlip(line: 7, kind: .listItemInParagraph),
                MarkdownSlip(line: 9, kind: .tabInText)])
        #expect(slips("要求：\n①加强学习\n2. 改进作风\n★ 重点\n3）落实责任\n").map(\.line) == [2, 3, 4, 5])
        #expect(slips("（一）加强组织领导。\n\n1、加强学习\n\n投入1.5亿元，\n2023年完成。\n").isEmpty)
    }

    @Test func aTabInTextIsFound() {
        #expect(slips("正文。\n\n项目\t完成率\n污水处理\t85%\n")
            == [MarkdownSlip(line: 3, kind: .tabInText), MarkdownSlip(line: 4, kind: .tabInText)])
    }

    @Test func aFullWidthExclamationBeforeAnImageIsFound() {
        #expect(slips("会场如下。\n\n！[会场](photo1.png)\n\n详见[通知](a.md)！[附件](b.JPG?v=1)\n")
            == [MarkdownSlip(line: 3, kind: .fullWidthImageMark), MarkdownSlip(line: 5, kind: .fullWidthImageMark)])
        #expect(slips("![会场](photo1.png)\n\n太好了！\n").isEmpty)
        // A sentence ending in ！ before an ordinary link.
        #expect(slips("欢迎广大群众积极参与！[点击查看民生实事专题](/topics/minsheng/)\n\n参与！[报告](../reports/a.md)\n").isEmpty)
    }

    /// `---` right under text makes it a heading (the whole paragraph above it, named at its
    /// first line); after a blank line it is a rule, and `##` is how a heading is meant.
    @Test func anUnderlinedHeadingIsNamedAtItsText() {
        #expect(slips("会议结束。\n---\n\n第二段。\n标题\n===\n\n正文。\n\n---\n\n## 小标题\n")
            == [MarkdownSlip(line: 1, kind: .underlinedHeading(level: 2)), MarkdownSlip(line: 4, kind: .underlinedHeading(level: 1))])
    }

    /// A pasted address with Chinese in it is linked only up to the Chinese: said where the
    /// address ends in a way no complete one does before the Chinese.
    @Test func anAddressCutShortByChineseIsFound() {
        #expect(slips("介绍见https://baike.baidu.com/item/人民代表大会制度，\n\n见https://a.cn/s?q=人大&page=1\n")
            == [MarkdownSlip(line: 1, kind: .addressRunsIntoText), MarkdownSlip(line: 3, kind: .addressRunsIntoText)])
        #expect(slips("详见https://www.example.gov.cn/art/1.html。\n\n网址https://www.gov.cn/，欢迎访问。\n").isEmpty)
    }

    /// An address whose start was typed wrong is no address: named, with what was typed, beside
    /// the addresses that are linked — the input method's colon, semicolon, slash or 、, the
    /// whole start in full width, a missing colon, one slash, backslashes. A `：` before other
    /// slashes, a date and a path are not.
    @Test func anAddressWithAMistypedStartIsFound() {
        func start(_ typed: String, _ right: String = "https://") -> MarkdownSlip.Kind {
            .mistypedAddressStart(MistypedAddressStart(typed: typed, right: right))
        }
        #expect(slips("详见https：//www.example.gov.cn/a.html。\n\n网址 HTTP：//b.cn/ 和 https://c.cn/。\n")
            == [MarkdownSlip(line: 1, kind: start("https：//")), MarkdownSlip(line: 3, kind: start("HTTP：//", "http://"))])
        let typed = ["ｈｔｔｐｓ：／／", "https：／／", "https：、、", "https//", "http:/", "https;//", "ＨＴＴＰＳ://", "https；//"]
        let markdown = typed.map { "详见\($0)www.example.gov.cn/a.html。" }.joined(separator: "\n\n")
        #expect(slips(markdown) == typed.enumerated().map { index, typed in
            MarkdownSlip(line: 2 * index + 1, kind: start(typed, typed.lowercased().hasPrefix("http:") || typed == "http:/" ? "http://" : "https://"))
        })
        #expect(slips("比例：//注释\n\n日期：2024/6/30，文号：//\n\n见 news/2024/ 和 C:\\照片\\a.jpg，网址 https://a.cn/，HTTPS://B.CN/。\n").isEmpty)
        #expect(slips("[县人大](https//www.example.gov.cn/)\n").isEmpty, "a link's address is the link resolver's to judge")
    }

    /// A year and a full stop at a line's start is a numbered list item, renumbered after a
    /// list (`2023. 我县…` under 1. and 2. shows as 3.); a real list's numbers are not named.
    @Test func aYearOpeningALineAsAListNumberIsFound() {
        #expect(slips("1. 加强学习\n2. 改进作风\n\n2023. 我县经济持续增长。\n\n2024) 继续推进。\n")
            == [MarkdownSlip(line: 4, kind: .yearAsListNumber("2023.")), MarkdownSlip(line: 6, kind: .yearAsListNumber("2024)"))])
        #expect(slips("1. 加强学习\n2. 改进作风\n\n2023年，我县经济持续增长。\n\n10. 第十项\n").isEmpty)
    }

    /// Markdown typed with the input method's full-width marks stays text: `＃ 标题` at a line's
    /// start, and `［…］（…）` links and pictures; full-width brackets in running text are fine.
    @Test func fullWidthMarkdownIsFound() {
        #expect(slips("＃ 一、总体情况\n\n见［通知］（/news/）。\n\n！［会场］（photo1.png）\n\n［会场］(photo1.png)\n")
            == [MarkdownSlip(line: 1, kind: .fullWidthHeadingMark), MarkdownSlip(line: 3, kind: .unparsedLink),
                MarkdownSlip(line: 5, kind: .unparsedLink), MarkdownSlip(line: 7, kind: .unparsedLink)])
        #expect(slips("《条例》［2023］第5号（试行）文件，编号＃3。\n").isEmpty)
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
