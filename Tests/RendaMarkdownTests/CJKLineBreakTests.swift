import RendaMarkdown
import Testing

private func html(_ markdown: String) -> String {
    MarkdownRenderer().render(markdown) { _ in .keep }.html
}

@Suite("Soft line breaks in Chinese text")
struct CJKLineBreakTests {
    /// 首行缩进 pasted from Word: the theme indents paragraphs, so the spaces go, from the page,
    /// the summary and the search text alike; spaces inside a line stay.
    @Test func aFirstLineIndentIsDropped() {
        let rendered = MarkdownRenderer(keepsFullText: true).render(
            "\u{3000}\u{3000}会议听取了报告。\n\n\u{A0}\u{A0}第二段，共\u{3000}3\u{3000}项。\n\n\u{3000}\u{3000}**重点**任务。\n") { _ in .keep }
        #expect(rendered.html == "<p>会议听取了报告。</p>\n<p>第二段，共\u{3000}3\u{3000}项。</p>\n<p><strong>重点</strong>任务。</p>\n")
        #expect(rendered.plainText == "会议听取了报告。第二段，共\u{3000}3\u{3000}项。重点任务。")
        #expect(rendered.fullText.map { String(decoding: $0, as: UTF8.self) }
            == "会议听取了报告。\n第二段，共\u{3000}3\u{3000}项。\n重点任务。")
    }

    /// Paragraphs indented with a Tab or four spaces are CommonMark's code: holding Chinese, they
    /// are the paragraphs they were meant as, in the page, the summary and the links' lines.
    /// Fenced code, and an indented block without Chinese, stay code.
    @Test func paragraphsIndentedWithATabOrSpacesAreParagraphs() {
        var lines: [Int] = []
        let rendered = MarkdownRenderer().render(
            "\t7月30日，县人大常委会执法检查组深入各乡镇。\n\n\t检查组一行实地查看了农贸市场，\n\t详见[通知](a.md)。\n\n    检查组指出，要进一步压实责任。\n") { reference in
            lines.append(reference.line)
            return .keep
        }
        #expect(rendered.html == "<p>7月30日，县人大常委会执法检查组深入各乡镇。</p>\n<p>检查组一行实地查看了农贸市场，详见<a href=\"a.md\">通知</a>。</p>\n<p>检查组指出，要进一步压实责任。</p>\n")
        #expect(rendered.plainText.hasPrefix("7月30日，县人大常委会执法检查组深入各乡镇。"))
        #expect(lines == [4])
        #expect(html("```\n    缩进的代码 x = 1\n```\n") == "<pre><code>    缩进的代码 x = 1\n</code></pre>\n")
        #expect(html("    let x = 1\n") == "<pre><code>let x = 1\n</code></pre>\n")
    }

    @Test func joinsTwoChineseLines() {
        #expect(html("县人大常委会\n召开第十次会议。") == "<p>县人大常委会召开第十次会议。</p>\n")
    }

    @Test func joinsAfterChinesePunctuation() {
        #expect(html("会议指出，\n要坚持以人民为中心。") == "<p>会议指出，要坚持以人民为中心。</p>\n")
    }

    /// Chinese official style sets numbers and Latin words in Chinese text without spaces: a
    /// break beside them joins too, as in text pasted from a PDF. Between Latin words, and beside
    /// ASCII punctuation, it stays a space.
    @Test func joinsBetweenChineseAndNumbersOrLatinWords() {
        #expect(html("2023年\n6月30日，县人大常委会召开第\n20次会议，共有\n23名组成人员出席，审议了\nGDP增长目标。")
            == "<p>2023年6月30日，县人大常委会召开第20次会议，共有23名组成人员出席，审议了GDP增长目标。</p>\n")
        #expect(html("拨打\n12345 热线") == "<p>拨打12345 热线</p>\n")
        #expect(html("GDP\n增长") == "<p>GDP增长</p>\n")
        #expect(html("the People's\nCongress") == "<p>the People's\nCongress</p>\n")
        #expect(html("中国人大网\n(npc.gov.cn)") == "<p>中国人大网\n(npc.gov.cn)</p>\n")
    }

    @Test func looksThroughEmphasisToDecide() {
        #expect(html("会议听取了\n*专项工作报告*") == "<p>会议听取了<em>专项工作报告</em></p>\n")
        #expect(html("**重点任务**\n全部完成") == "<p><strong>重点任务</strong>全部完成</p>\n")
    }

    /// Looked up through markup: Latin emphasis and link text join as plain text does; code,
    /// in emphasis too, keeps its space.
    @Test func looksThroughMarkupAndKeepsTheSpaceBesideCode() {
        #expect(html("系统名为\n*Renda*") == "<p>系统名为<em>Renda</em></p>\n")
        #expect(html("运行命令\n`renda build`") == "<p>运行命令\n<code>renda build</code></p>\n")
        #expect(html("运行命令\n**`renda build`**") == "<p>运行命令\n<strong><code>renda build</code></strong></p>\n")
        #expect(html("`renda build`\n生成网站") == "<p><code>renda build</code>\n生成网站</p>\n")
        let link = MarkdownRenderer().render("访问\n[gov.cn](https://www.gov.cn/)") { .external($0.destination) }.html
        #expect(link == "<p>访问<a href=\"https://www.gov.cn/\" class=\"external\" rel=\"external noopener noreferrer\">gov.cn</a></p>\n")
    }

    @Test func joinsBeforeAChineseLink() {
        let out = MarkdownRenderer().render("详见\n[工作报告](/reports/)") { _ in .rewrite("/rd/reports/") }.html
        #expect(out == "<p>详见<a href=\"/rd/reports/\">工作报告</a></p>\n")
    }

    @Test func neverTouchesSpacesWrittenOnOneLine() {
        #expect(html("中文 *强调* 中文") == "<p>中文 <em>强调</em> 中文</p>\n")
        #expect(html("使用 Swift 语言") == "<p>使用 Swift 语言</p>\n")
    }

    /// `**宪法进校园。**县人大` is not bold in CommonMark; the space staff must write is not shown.
    @Test func theSpaceCommonMarkNeedsAfterBoldPunctuationIsNotShown() {
        #expect(html("**宪法进校园。** 县人大常委会组织宣讲。") == "<p><strong>宪法进校园。</strong>县人大常委会组织宣讲。</p>\n")
        #expect(html("开展 **“宪法宣传周”** 活动") == "<p>开展<strong>“宪法宣传周”</strong>活动</p>\n")
        #expect(html("**第一，** Swift 语言") == "<p><strong>第一，</strong> Swift 语言</p>\n")
        #expect(html("**宪法进校园。**县人大") == "<p>**宪法进校园。**县人大</p>\n")
    }

    @Test func asterisksLeftAsTextAreFoundByLine() {
        let rendered = MarkdownRenderer().render("第一段。\n\n**宪法进校园。**县人大组织宣讲。\n\n**好** 与 2\\*3\\*4\n") { _ in .keep }
        #expect(rendered.slips == [MarkdownSlip(line: 3, kind: .literalAsterisks)])
    }

    @Test func hardLineBreaksStay() {
        #expect(html("第一行\\\n第二行") == "<p>第一行<br />\n第二行</p>\n")
    }
}
