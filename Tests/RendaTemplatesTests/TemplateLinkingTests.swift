import RendaTemplates
import Testing

/// Rules that span templates: once linked, partials, parents and blocks are jumps into one list
/// of instructions, and what each carries along (indentation, block overrides, the list
/// position) is kept by the renderer rather than by the nesting of the templates.
@Suite("Linked templates")
struct TemplateLinkingTests {
    private func render(_ files: [String: String], _ context: TemplateValue = [:]) throws -> String {
        var templates: [String: String] = [:]
        for (name, text) in files { templates["themes/base/templates/\(name).mustache"] = text }
        let (theme, problems) = try ThemeFixture(templates).load()
        #expect(problems.isEmpty)
        return String(decoding: try #require(theme).templates.render("home", context: context), as: UTF8.self)
    }

    @Test func indentationAddsUpThroughNestedPartials() throws {
        let html = try render([
            "home": "<div>\n  {{> a}}\n</div>\n",
            "a": "<p>\n  {{> b}}\n</p>\n{{word}}\n",
            "b": "x\n{{word}}y\n",
        ], ["word": "词"])
        #expect(html == "<div>\n  <p>\n    x\n    词y\n  </p>\n  词\n</div>\n")
    }

    @Test func aStandaloneBlockIndentsItsOverride() throws {
        let html = try render([
            "base": "<body>\n  {{$main}}\n  {{/main}}\n</body>\n",
            "home": "{{<base}}\n{{$main}}\n<p>甲</p>\n<p>乙</p>\n{{/main}}\n{{/base}}\n",
        ])
        #expect(html == "<body>\n  <p>甲</p>\n  <p>乙</p>\n</body>\n")
    }

    @Test func overridesReachBlocksInsidePartialsOfTheParent() throws {
        let html = try render([
            "base": "[{{> frame}}]",
            "frame": "<{{$inner}}默认{{/inner}}>",
            "home": "{{<base}}{{$inner}}覆盖{{/inner}}{{/base}}",
        ])
        #expect(html == "[<覆盖>]")
    }

    @Test func theOutermostDefinitionWinsThroughEveryLevel() throws {
        // home and layout both define title; layout's main uses a block home fills, and the
        // base default of note stays when nobody overrides it.
        let html = try render([
            "base": "{{$title}}站点{{/title}}|{{$main}}{{/main}}|{{$note}}注{{/note}}",
            "layout": "{{<base}}{{$title}}栏目{{/title}}{{$main}}<{{$body}}空{{/body}}:{{$title}}{{/title}}>{{/main}}{{/base}}",
            "home": "{{<layout}}{{$title}}首页{{/title}}{{$body}}正文{{/body}}{{/layout}}",
        ])
        #expect(html == "首页|<正文:首页>|注")
    }

    @Test func aTemplateUsedTwiceAsParentKeepsEachCallersBlocks() throws {
        let html = try render([
            "box": "({{$in}}无{{/in}})",
            "home": "{{<box}}{{$in}}一{{/in}}{{/box}}{{<box}}{{/box}}{{<box}}{{$in}}三{{/in}}{{/box}}",
        ])
        #expect(html == "(一)(无)(三)")
    }

    @Test func partialsStartOutsideAnyList() throws {
        let html = try render([
            "home": "{{#items}}{{#first()}}[{{/first()}}{{> item}}{{/items}}",
            "item": "{{.}}{{#first()}}F{{/first()}}{{^first()}}-{{/first()}}",
        ], ["items": ["甲", "乙"]])
        #expect(html == "[甲-乙-")
    }

    @Test func aPartialThatIncludesItselfStopsAtTheDepthLimit() throws {
        let html = try render(["home": "x{{> home}}"])
        #expect(html == String(repeating: "x", count: 101))
    }
}
