import Foundation
import RendaCore
import RendaTemplates
import Testing

@Suite("Themes and templates")
struct ThemeLoaderTests {
    @Test func rendersWithInheritanceAndPartials() throws {
        let (theme, problems) = try ThemeFixture([:]).load()
        #expect(problems.isEmpty)
        let html = try #require(theme).templates.render("home", context: ["page": ["title": "首页"], "site": ["title": "测试"]])
        #expect(String(decoding: html, as: UTF8.self) == "<title>首页</title>home<footer>测试</footer>")
    }

    @Test func standalonePartialsAreIndentedLineByLine() throws {
        let (theme, _) = try ThemeFixture([
            "themes/base/templates/home.mustache": "<nav>\n  {{> partials/menu}}\n</nav>\n",
            "themes/base/templates/partials/menu.mustache": "<ul>\n{{#menu}}\n  <li>{{.}}</li>\n{{/menu}}\n</ul>\n",
        ]).load()
        let html = try #require(theme).templates.render("home", context: ["menu": ["首页", "专题"]])
        #expect(String(decoding: html, as: UTF8.self) == "<nav>\n  <ul>\n    <li>首页</li>\n    <li>专题</li>\n  </ul>\n</nav>\n")
    }

    @Test func theOutermostBlockDefinitionWins() throws {
        // home → section layout → base: home's title beats the layout's, the layout fills main.
        let (theme, _) = try ThemeFixture([
            "themes/base/templates/base.mustache": "[{{$title}}站点{{/title}}|{{$main}}{{/main}}]",
            "themes/base/templates/section.mustache": "{{<base}}{{$title}}栏目{{/title}}{{$main}}<{{$body}}{{/body}}>{{/main}}{{/base}}",
            "themes/base/templates/home.mustache": "{{<section}}{{$title}}{{name}}{{/title}}{{$body}}正文{{/body}}{{/section}}",
        ]).load()
        let html = try #require(theme).templates.render("home", context: ["name": "首页"])
        #expect(String(decoding: html, as: UTF8.self) == "[首页|<正文>]")
    }

    /// A misspelt UI string key renders as nothing: the template line is named, with the key meant.
    @Test func aUIStringMissingFromTheLanguageFileIsAWarningOnItsLine() throws {
        let (theme, problems) = try ThemeFixture([
            "themes/base/templates/partials/footer.mustache": "<footer>\n  <a href=\"/\">{{t.home}}</a> <a>{{ t.nwes }}</a>\n{{#t.nwes}}{{/t.nwes}}</footer>",
        ]).load()
        #expect(theme != nil)
        // The section's two tags are one slip, named at the opening one.
        #expect(problems.map(\.location.line) == [2, 3])
        let warning = try #require(problems.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "themes/base/templates/partials/footer.mustache", line: 2, column: 33))
        #expect(warning.message == "界面文字 t.nwes 在 i18n/zh-CN.yml 中没有，网页上这里会是空的")
        #expect(warning.hint?.hasPrefix("是否想写 t.news？") == true)
    }

    @Test func aMissingLanguageFileIsOneWarning() throws {
        let fixture = try ThemeFixture(["themes/base/templates/partials/footer.mustache": "{{t.home}}{{t.news}}"])
        let (theme, problems) = ThemeLoader.load(root: fixture.root, name: "base", language: "en")
        #expect(theme != nil)
        #expect(problems.map(\.message) == ["主题没有语言 en 的界面文字文件，按钮、标题等界面文字都会是空的"])
    }

    @Test func aChildThemeOverridesOnlyWhatItChanges() throws {
        let fixture = try ThemeFixture([
            "themes/red/theme.yml": "extends: base\n",
            "themes/red/templates/partials/footer.mustache": "<footer class=red>{{t.home}}</footer>",
            "themes/red/i18n/zh-CN.yml": "home: 返回首页\n",
        ])
        let (theme, problems) = fixture.load("red")
        #expect(problems.isEmpty)
        let loaded = try #require(theme)
        #expect(loaded.chain == ["red", "base"])
        #expect(loaded.strings == ["home": "返回首页", "news": "工作动态"])
        let html = loaded.templates.render("404", context: ["t": loaded.strings])
        #expect(String(decoding: html, as: UTF8.self) == "<title></title>404<footer class=red>返回首页</footer>")
    }

    @Test func aMissingPartialIsAnErrorAtItsLine() throws {
        let fixture = try ThemeFixture([
            "themes/base/templates/single.mustache": "{{<base}}\n{{$main}}\n  {{> partials/metta}}\n{{/main}}\n{{/base}}",
            "themes/base/templates/partials/meta.mustache": "meta",
        ])
        let (theme, problems) = fixture.load()
        #expect(theme == nil)
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(file: "themes/base/templates/single.mustache", line: 3, column: 3))
        #expect(problem.message == "模板引用了不存在的局部模板“partials/metta”")
        #expect(problem.hint?.hasPrefix("是否想写 partials/meta？") == true)
    }

    @Test func aMissingParentTemplateIsAnError() throws {
        let (_, problems) = try ThemeFixture(["themes/base/templates/topic.mustache": "{{<layout}}{{/layout}}"]).load()
        #expect(problems.map(\.message) == ["模板引用了不存在的父模板“layout”"])
    }

    @Test func aSyntaxErrorNamesFileAndLine() throws {
        let (_, problems) = try ThemeFixture(["themes/base/templates/list.mustache": "<ul>\n{{#items}}\n<li>{{title}}</li>\n{{/itemz}}\n</ul>"]).load()
        let problem = try #require(problems.first)
        #expect(problem.location.file == "themes/base/templates/list.mustache")
        #expect(problem.location.line == 4)
        #expect(problem.message == "模板语法错误：结束标签 {{/itemz}} 与开始标签 {{#items}} 名称不一致")
    }

    @Test func aThemeWithoutARequiredTemplateIsRefused() throws {
        let fixture = try ThemeFixture(["themes/bare/templates/base.mustache": "x"], minimal: false)
        let (theme, problems) = fixture.load("bare")
        #expect(theme == nil)
        #expect(problems.contains { $0.message == "主题缺少必需的模板 home.mustache" })
    }

    /// The search and subscribe pages are the theme's choice: a theme without them loads, and the
    /// site leaves those pages out (`ThemePagesTests` in the site tests).
    @Test func aThemeWithoutTheSearchAndSubscribeTemplatesLoads() throws {
        var files = ["themes/bare/templates/base.mustache": "{{$main}}{{/main}}"]
        for name in TemplateSet.requiredTemplates where name != "base" {
            files["themes/bare/templates/\(name).mustache"] = "{{<base}}{{/base}}"
        }
        let (theme, problems) = try ThemeFixture(files, minimal: false).load("bare")
        #expect(problems.isEmpty, "\(problems)")
        #expect(theme?.templates.lookup(["search"]) == nil && theme?.templates.lookup(["subscribe"]) == nil)
        #expect(theme?.templates.lookup(["404"]) == "404")
    }

    @Test func anUnknownThemeListsTheAvailableOnes() throws {
        let (_, problems) = try ThemeFixture([:]).load("blue")
        #expect(problems.first?.message == "找不到主题“blue”（应在 themes/blue/）")
        #expect(problems.first?.hint == "可用的主题：base。")
    }

    @Test func lookupFollowsHugosOrder() throws {
        let (theme, _) = try ThemeFixture(["themes/base/templates/news/single.mustache": "{{<base}}{{/base}}"]).load()
        let templates = try #require(theme).templates
        #expect(templates.lookup(["news/single", "single"]) == "news/single")
        #expect(templates.lookup(["reports/single", "single"]) == "single")
    }
}
