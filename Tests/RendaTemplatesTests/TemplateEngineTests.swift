import RendaTemplates
import Testing

/// The Mustache behaviour themes rely on, one rule per test, through the public API that
/// `renda new` uses (a template on its own) or a theme folder (partials and inheritance).
@Suite("Template engine")
struct TemplateEngineTests {
    private func render(_ text: String, _ context: TemplateValue) throws -> String {
        try TemplateSet.renderStandalone(text, context: context).get()
    }

    private func syntaxError(_ text: String) -> TemplateSyntaxError? {
        if case .failure(let error) = TemplateSet.renderStandalone(text, context: [:]) { return error }
        return nil
    }

    @Test func escapesHTMLInDoubleBracesOnly() throws {
        let context: TemplateValue = ["title": "<b>“人大”&'代表'</b>"]
        #expect(try render("{{title}}", context) == "&lt;b&gt;“人大”&amp;&#39;代表&#39;&lt;/b&gt;")
        #expect(try render("{{{title}}}|{{& title}}", context) == "<b>“人大”&'代表'</b>|<b>“人大”&'代表'</b>")
    }

    /// An article's HTML arrives as UTF-8 bytes and shows exactly as the same text would.
    @Test func utf8ValuesShowLikeStrings() throws {
        let html = "<p>“人大”&代表</p>"
        let bytes: TemplateValue = ["html": TemplateValue.utf8(Array(html.utf8))]
        let text: TemplateValue = ["html": html]
        #expect(try render("{{{html}}}|{{html}}", bytes) == render("{{{html}}}|{{html}}", text))
        #expect(try render("{{#html}}有{{/html}}", bytes) == "有")
    }

    @Test func numbersAndMissingValues() throws {
        #expect(try render("{{year}}年{{month}}月{{missing}}", ["year": 2023, "month": 6]) == "2023年6月")
    }

    @Test func dottedNamesLookInsideAndNeverFallBack() throws {
        let context: TemplateValue = ["page": ["title": "首页"], "title": "站点"]
        #expect(try render("{{page.title}}/{{page.nothing}}/{{title}}", context) == "首页//站点")
    }

    @Test func namesClimbTheStackButLeadingDotStaysOnTop() throws {
        let items: [TemplateValue] = [["title": "甲"], ["title": "乙", "topics": ["监督"]]]
        let context: TemplateValue = ["topics": ["外层"], "items": items]
        let text = "{{#items}}{{title}}:{{#.topics}}{{.}}{{/.topics}}{{^.topics}}无{{/.topics}};{{/items}}"
        #expect(try render(text, context) == "甲:无;乙:监督;")
        #expect(try render("{{#items}}{{#topics}}{{.}}{{/topics}}{{/items}}", context) == "外层监督")
    }

    @Test func sectionsFollowTheValueKind() throws {
        let context: TemplateValue = ["yes": true, "no": false, "empty": [] as [String], "object": ["name": "代表"], "text": "有"]
        let text = "{{#yes}}是{{/yes}}{{#no}}否{{/no}}{{^no}}非{{/no}}{{#empty}}空{{/empty}}{{^empty}}无{{/empty}}"
            + "{{#object}}{{name}}{{/object}}{{#text}}{{.}}{{/text}}{{^missing}}缺{{/missing}}"
        #expect(try render(text, context) == "是非无代表有缺")
    }

    @Test func firstAndLastMarkTheEndsOfAList() throws {
        let context: TemplateValue = ["tags": [["name": "甲"], ["name": "乙"], ["name": "丙"]], "one": [["name": "独"]]]
        let text = "{{#tags}}{{#first()}}<ul>{{/first()}}<li>{{name}}</li>{{#last()}}</ul>{{/last()}}{{/tags}}"
        #expect(try render(text, context) == "<ul><li>甲</li><li>乙</li><li>丙</li></ul>")
        #expect(try render("{{#one}}{{#first()}}[{{/first()}}{{name}}{{#last()}}]{{/last()}}{{/one}}", context) == "[独]")
        #expect(try render("{{#first()}}外{{/first()}}{{^first()}}不在列表中{{/first()}}", context) == "不在列表中")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! note }}\n</ul>\n"
        #expect(try render(text, ["items": ["甲", "乙"]]) == "<ul>\n  <li>甲</li>\n  <li>乙</li>\n</ul>\n")
        #expect(try render("a {{#x}}b{{/x}} c\r\n", ["x": true]) == "a b c\r\n")
    }

    @Test func unsupportedAndBrokenTagsAreRefusedWithTheirLine() throws {
        #expect(syntaxError("a\n{{#items}}\nb")?.message == "区块 {{#items}} 缺少结束标签 {{/items}}")
        #expect(syntaxError("a\n{{#items}}\nb")?.line == 2)
        #expect(syntaxError("x {{/items}}")?.message == "多出的结束标签 {{/items}}，前面没有对应的开始标签")
        #expect(syntaxError("一二{{title")?.column == 3)
        #expect(syntaxError("{{uppercase(title)}}")?.message == "不支持的函数 uppercase(title)：模板中只能用 first() 和 last()")
        #expect(syntaxError("{{=<% %>=}}")?.message == "不支持修改分隔符的标签 {{=…=}}")
        #expect(syntaxError("{{<base}}文字{{/base}}")?.message == "继承模板 {{<base}} 中不能直接写文字，请放进 {{$块}} 里")
    }
}
