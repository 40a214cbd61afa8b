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

    @Test func plainTextJoinsParagraphsWithoutStraySpaces() {
        let result = renderer.render("## 标题不算\n\n县人大常委会\n召开会议。\n\n![图](a.png)\n\n会议听取 GDP\nreport 报告。") { _ in .keep }
        #expect(result.plainText == "县人大常委会召开会议。会议听取 GDP report 报告。")
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
