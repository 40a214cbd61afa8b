import RendaCore
import RendaMarkdown
import Testing

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func chineseHeadingsGetStableIDs() {
        let result = renderer.render("## 一、基本情况\n\n正文\n\n## Section 2: Budget\n\n## 一、基本情况\n") { _ in .keep }
        #expect(result.html.contains("<h2 id=\"一基本情况\">一、基本情况</h2>"))
        #expect(result.html.contains("<h2 id=\"section-2-budget\">Section 2: Budget</h2>"))
        #expect(result.html.contains("<h2 id=\"一基本情况-1\">"))
        #expect(result.toc.map(\.id) == ["一基本情况", "section-2-budget", "一基本情况-1"])
        #expect(result.toc.first?.title == "一、基本情况")
    }

    @Test func bodyLevelOneHeadingsMoveDownSoThePageKeepsOneH1() {
        let result = renderer.render("# 总体情况\n\n## 细节\n") { _ in .keep }
        #expect(result.html.contains("<h2 id=\"总体情况\">总体情况</h2>"))
        #expect(result.html.contains("<h3 id=\"细节\">细节</h3>"))
        #expect(!result.html.contains("<h1"))
        #expect(result.toc.map(\.title) == ["总体情况"])
    }

    /// Under a page's own section heading (a deputy's story under 履职风采) the body's top
    /// headings are h3, a `#` one too, and the contents list those.
    @Test func headingsGoUnderATopLevelOfThree() {
        let result = renderer.render("## 履职情况\n\n### 建议\n") { _ in .keep }
        let under = renderer.render("## 履职情况\n\n### 建议\n", topHeadingLevel: 3) { _ in .keep }
        #expect(result.html.contains("<h2 id=\"履职情况\">"))
        #expect(under.html.contains("<h3 id=\"履职情况\">履职情况</h3>") && under.html.contains("<h4 id=\"建议\">建议</h4>"))
        #expect(under.toc.map(\.title) == ["履职情况"])
        let hashed = renderer.render("# 总体情况\n\n## 细节\n", topHeadingLevel: 3) { _ in .keep }
        #expect(hashed.html.contains("<h3 id=\"总体情况\">") && hashed.html.contains("<h4 id=\"细节\">"))
        #expect(hashed.toc.map(\.title) == ["总体情况"])
    }

    @Test func headingsKeepInlineMarkupAndResolvedLinks() {
        let result = renderer.render("## 关于[预算](../x.md)的*审查*\n") { _ in .rewrite("/rd/reports/x/") }
        #expect(result.html == "<h2 id=\"关于预算的审查\">关于<a href=\"/rd/reports/x/\">预算</a>的<em>审查</em></h2>\n")
    }

    @Test func rawHTMLIsOmittedAndScriptLinksDropped() {
        let result = renderer.render("<script>alert(1)</script>\n\n段落<b>粗</b>\n\n[点我](javascript:alert(1))\n") { _ in .keep }
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<b>"))
        #expect(!result.html.contains("javascript:"))
        #expect(result.html.contains("<a href=\"\">点我</a>"))
    }

    @Test func externalLinksAreMarkedAndEscaped() {
        let result = renderer.render("[门户](https://example.gov.cn/?a=1&b=\"2\" \"标题\")") { reference in
            .external(reference.destination)
        }
        #expect(result.html == "<p><a href=\"https://example.gov.cn/?a=1&amp;b=&quot;2&quot;\" title=\"标题\" class=\"external\" rel=\"external noopener noreferrer\">门户</a></p>\n")
    }

    /// An address pasted as text is a link, checked like any other, ending where Chinese text or
    /// the sentence's punctuation begins; one in a link's text or in code stays as it is.
    @Test func aPastedAddressBecomesALink() {
        var seen: [LinkReference] = []
        let result = renderer.render("""
            详见县政府网站https://www.example.gov.cn/art/2024/1/8/art_1.html。
            （原文：https://www.example.gov.cn/a_(1).html）和 HTTP://Example.gov.cn/b?x=1&y=2.

            [https://www.gov.cn/](https://www.gov.cn/) `https://code.example/` xhttp://no.example/ https://
            """) { reference in
            seen.append(reference)
            return .external(reference.destination)
        }
        #expect(seen.map(\.destination) == ["https://www.gov.cn/", "https://www.example.gov.cn/art/2024/1/8/art_1.html",
                                            "https://www.example.gov.cn/a_(1).html", "HTTP://Example.gov.cn/b?x=1&y=2"])
        #expect(seen.dropFirst().map(\.line) == [1, 2, 2])
        let external = " class=\"external\" rel=\"external noopener noreferrer\">"
        #expect(result.html == "<p>详见县政府网站<a href=\"https://www.example.gov.cn/art/2024/1/8/art_1.html\"\(external)https://www.example.gov.cn/art/2024/1/8/art_1.html</a>。"
            + "（原文：<a href=\"https://www.example.gov.cn/a_(1).html\"\(external)https://www.example.gov.cn/a_(1).html</a>）和 "
            + "<a href=\"HTTP://Example.gov.cn/b?x=1&amp;y=2\"\(external)HTTP://Example.gov.cn/b?x=1&amp;y=2</a>.</p>\n"
            + "<p><a href=\"https://www.gov.cn/\"\(external)https://www.gov.cn/</a> <code>https://code.example/</code> xhttp://no.example/ https://</p>\n",
                "\(result.html)")
        #expect(result.plainText.hasPrefix("详见县政府网站https://www.example.gov.cn/art/2024/1/8/art_1.html。"))
    }

    @Test func resolverSeesEveryLinkWithItsLineAndColumn() {
        var seen: [LinkReference] = []
        _ = renderer.render("第一段\n\n![会议现场](photo1.png)\n\n文字\n文字[见报告](../reports/a.md)\n") { reference in
            seen.append(reference)
            return .keep
        }
        #expect(seen == [
            LinkReference(destination: "photo1.png", kind: .image, line: 3, column: 9, altText: "会议现场"),
            LinkReference(destination: "../reports/a.md", kind: .link, line: 6, column: 9),
        ])
    }

    @Test func resolverSeesAnImagesAltTextOrItsAbsence() {
        var seen: [String] = []
        _ = renderer.render("![会议*现场*](a.png)\n\n![](b.png)\n\n![  ](c.png)\n") { reference in
            seen.append(reference.altText)
            return .keep
        }
        #expect(seen == ["会议现场", "", "  "])
    }

    @Test func imagesAreRewrittenToThePagesOwnURL() {
        let result = renderer.render("![会议现场](photo1.png)") { _ in .rewrite("/rd/news/a/photo1.png") }
        #expect(result.html == "<p><img src=\"/rd/news/a/photo1.png\" alt=\"会议现场\" /></p>\n")
    }

    /// A local picture also links to itself, to be opened whole on a phone; one inside a link
    /// keeps that link.
    @Test func sizedImagesAreWrittenWithTheirSizeAndLaterOnesLazily() {
        let result = renderer.render("![现场 \"一\"](a.png \"标题\")\n\n![图二](b.png)\n\n![图三](c.svg)\n\n[![图四](b.png)](/news/)\n\n"
                                     + "[![图五](b.png)](https://www.gov.cn/)") { reference in
            switch reference.destination {
            case "a.png": .image("/rd/a.png?x=1&y=2", PixelSize(width: 720, height: 450))
            case "b.png": .image("/rd/b.png", PixelSize(width: 300, height: 200))
            case "/news/": .rewrite("/rd/news/")
            case "https://www.gov.cn/": .external("https://www.gov.cn/")
            default: .rewrite("/rd/c.svg")
            }
        }
        #expect(result.html == """
            <figure><a class="image-link" href="/rd/a.png?x=1&amp;y=2"><img src="/rd/a.png?x=1&amp;y=2" alt="现场 &quot;一&quot;" width="720" height="450" /></a><figcaption>标题</figcaption></figure>
            <p><a class="image-link" href="/rd/b.png"><img src="/rd/b.png" alt="图二" width="300" height="200" loading="lazy" /></a></p>
            <p><img src="/rd/c.svg" alt="图三" /></p>
            <p><a href="/rd/news/"><img src="/rd/b.png" alt="图四" width="300" height="200" loading="lazy" /></a></p>
            <p><a href="https://www.gov.cn/" class="external" rel="external noopener noreferrer"><img src="/rd/b.png" alt="图五" width="300" height="200" loading="lazy" /></a></p>

            """)
        #expect(result.plainText.isEmpty)
    }

    /// An image or link written inside an image's description is alt text: never resolved, and
    /// never touched after the image is replaced (which freed it, and crashed or hung the build).
    @Test func linksAndImagesInsideAnImageDescriptionAreAltText() {
        var seen: [String] = []
        let result = renderer.render("![![内](a.png)](b.png)\n\n![外 [链接](https://example.com)](a.png)\n") { reference in
            seen.append(reference.destination)
            return .image("/rd/" + reference.destination, PixelSize(width: 2, height: 1))
        }
        #expect(seen == ["b.png", "a.png"])
        #expect(result.html == """
            <p><a class="image-link" href="/rd/b.png"><img src="/rd/b.png" alt="内" width="2" height="1" /></a></p>
            <p><a class="image-link" href="/rd/a.png"><img src="/rd/a.png" alt="外 链接" width="2" height="1" loading="lazy" /></a></p>

            """)
    }

    @Test func plainTextJoinsParagraphsWithoutStraySpaces() {
        let result = renderer.render("## 标题不算\n\n县人大常委会\n召开会议。\n\n![图](a.png)\n\n会议听取 GDP\nreport 报告。") { _ in .keep }
        #expect(result.plainText == "县人大常委会召开会议。会议听取 GDP report 报告。")
    }

    /// A list of names, or list items without punctuation, must not run together into one word.
    @Test func paragraphsEndingWithoutPunctuationAreKeptApart() {
        let result = renderer.render("- 学习宣传宪法\n- 开展执法检查\n\n周立诚\n\n（按姓氏笔画为序）\n\n陈晓岚") { _ in .keep }
        #expect(result.plainText == "学习宣传宪法；开展执法检查；周立诚；（按姓氏笔画为序）陈晓岚")
        // A paragraph with only an image adds nothing, not even the mark before it.
        #expect(renderer.render("县人大常委会召开第十次会议\n\n![会场](a.png)") { _ in .keep }.plainText == "县人大常委会召开第十次会议")
    }

    /// The lead is the summary: text under the first heading after a whole sentence is left out.
    @Test func theSummaryStopsAtTheFirstSectionAfterTheLead() {
        let page = renderer.render("名单如下（示例数据）。\n\n## 主任\n\n周立诚\n\n## 副主任\n\n陈晓岚") { _ in .keep }
        #expect(page.plainText == "名单如下（示例数据）。")
        // A lead without a sentence end runs on, and text before any heading counts as lead.
        let open = renderer.render("议程如下：\n\n## 一\n\n听取报告。\n\n## 二\n\n审议决定。") { _ in .keep }
        #expect(open.plainText == "议程如下：听取报告。")
        let full = MarkdownRenderer(keepsFullText: true).render("导语。\n\n## 一\n\n正文。") { _ in .keep }
        #expect(full.plainText == "导语。")
        #expect(full.fullText.map { String(decoding: $0, as: UTF8.self) } == "导语。\n一\n正文。")
    }

    @Test func fullTextKeepsHeadingsAndEveryBlockOnItsOwnLine() {
        let full = MarkdownRenderer(plainTextLimit: 5, keepsFullText: true)
        let result = full.render("## 一、基本情况\n\n县人大常委会\n召开会议。\n\n![图](a.png)\n\n- 听取 GDP\n  report 报告") { _ in .keep }
        #expect(result.fullText.map { String(decoding: $0, as: UTF8.self) } == "一、基本情况\n县人大常委会召开会议。\n听取 GDP report 报告")
        #expect(result.plainText == "县人大常委会召开会议。")
        #expect(renderer.render("正文") { _ in .keep }.fullText == nil)
    }
}

@Suite("Automatic summaries")
struct SummaryTests {
    @Test func cutsAtTheLastSentenceEndWithinTheLimit() {
        let text = "第一句话说完了。第二句话也说完了！第三句话很长很长很长很长很长很长很长很长"
        #expect(Summary.cut(text, limit: 20) == "第一句话说完了。第二句话也说完了！")
    }

    @Test func keepsAClosingQuoteWithItsSentence() {
        let text = "他说：“人大代表就要为群众说话。”此后他一直这样做，从未改变过初心和做法"
        #expect(Summary.cut(text, limit: 18) == "他说：“人大代表就要为群众说话。”")
    }

    @Test func withoutASentenceEndCutsByCharactersAndMarksIt() {
        let text = String(repeating: "监督", count: 30)
        let summary = Summary.cut(text, limit: 10)
        #expect(summary == String(repeating: "监督", count: 5) + "……")
    }

    @Test func withoutASentenceEndCutsAtAClauseMarkNearTheLimit() {
        let text = "会议听取和审议了县人民政府关于2023年预算执行情况的报告，关于县级决算草案的报告以及相关审计工作报告的说明"
        #expect(Summary.cut(text, limit: 40) == "会议听取和审议了县人民政府关于2023年预算执行情况的报告……")
        // A clause mark early in the window would leave too little: the cut is at the limit.
        #expect(Summary.cut("会议指出，" + String(repeating: "监督", count: 30), limit: 20)
            == "会议指出，" + String(repeating: "监督", count: 7) + "监……")
    }

    @Test func aSentenceEndEarlyInTheWindowGivesWayToAClauseMark() {
        let text = "会议强调。各级人大代表要认真履行职责，密切联系群众，依法开展监督和调研，不断提升履职水平和能力"
        #expect(Summary.cut(text, limit: 40) == "会议强调。各级人大代表要认真履行职责，密切联系群众，依法开展监督和调研……")
    }

    @Test func shortTextIsKeptWhole() {
        #expect(Summary.cut("短文。", limit: 120) == "短文。")
    }

    /// A letter with a combining accent is one character of two scalars: the limit counts it once.
    @Test func theLimitCountsCharactersNotScalars() {
        let sentence = "会议指出，代表建议办理e\u{301}工作。"
        #expect(sentence.count == 15 && sentence.unicodeScalars.count == 16)
        #expect(Summary.cut(sentence + "此后还有很多很多的文字内容", limit: 15) == sentence)
        // Just past the window: the accent still belongs to the character before it.
        let cut = Summary.cut("代表建议办理工作方面成效明显e\u{301}还有", limit: 14)
        #expect(cut == "代表建议办理工作方面成效明显……")
        let emoji = Summary.cut("代表👍🏽建议办理。工作方面成效明显还有很多", limit: 8)
        #expect(emoji == "代表👍🏽建议办理。")
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    /// The eight-byte check must see a special character at any offset, next to Chinese text.
    @Test func escapesEachSpecialCharacterAtEveryOffset() {
        for (character, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")] {
            for offset in 0..<17 {
                let padding = String(repeating: "a", count: offset)
                #expect(HTML.escape(padding + character + "人大代表") == padding + entity + "人大代表")
            }
        }
        #expect(HTML.escape("县人大常委会：第十次会议（2023）") == "县人大常委会：第十次会议（2023）")
        #expect(HTML.escape("<a href=\"x?a=1&b='2'\">") == "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;")
    }
}
