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

    @Test func joinsTwoChineseLines() {
        #expect(html("县人大常委会\n召开第十次会议。") == "<p>县人大常委会召开第十次会议。</p>\n")
    }

    @Test func joinsAfterChinesePunctuation() {
        #expect(html("会议指出，\n要坚持以人民为中心。") == "<p>会议指出，要坚持以人民为中心。</p>\n")
    }

    @Test func keepsTheSpaceBetweenChineseAndLatin() {
        #expect(html("拨打\n12345 热线") == "<p>拨打\n12345 热线</p>\n")
        #expect(html("GDP\n增长") == "<p>GDP\n增长</p>\n")
    }

    @Test func looksThroughEmphasisToDecide() {
        #expect(html("会议听取了\n*专项工作报告*") == "<p>会议听取了<em>专项工作报告</em></p>\n")
        #expect(html("**重点任务**\n全部完成") == "<p><strong>重点任务</strong>全部完成</p>\n")
    }

    // goldmark's CJK extension once removed these spaces too: the break sits next to markup
    // whose text is Latin, so it is a word space and must stay.
    @Test func keepsTheSpaceBeforeLatinEmphasisCodeAndLinks() {
        #expect(html("系统名为\n*Renda*") == "<p>系统名为\n<em>Renda</em></p>\n")
        #expect(html("运行命令\n`renda build`") == "<p>运行命令\n<code>renda build</code></p>\n")
        let link = MarkdownRenderer().render("访问\n[gov.cn](https://www.gov.cn/)") { .external($0.destination) }.html
        #expect(link == "<p>访问\n<a href=\"https://www.gov.cn/\" class=\"external\" rel=\"external noopener noreferrer\">gov.cn</a></p>\n")
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
