import RendaCore

/// One template file's text and where it came from.
struct TemplateSource: Sendable {
    var name: String
    /// Path from the site root, for messages.
    var file: String
    var text: String
}

/// The theme's compiled templates, shared read-only by every rendering thread.
public struct TemplateSet: Sendable {
    private let program: TemplateProgram

    /// The page kinds every theme chain must provide between its layers.
    public static let requiredTemplates = ["base", "home", "single", "list", "archive", "archive-year",
                                           "topics", "topic", "deputies-year", "page", "404"]

    /// Pages a theme may leave out: without the template the build writes no such page and gives
    /// the templates no link to it (`site.search_href`, `site.subscribe_href`, `section.subscribe`).
    public static let optionalTemplates = ["search", "subscribe"]

    /// The first of `candidates` that exists: `["news/single", "single"]` is Hugo's lookup order.
    public func lookup(_ candidates: [String]) -> String? {
        candidates.first { program.templateNumbers[$0] != nil }
    }

    /// Renders a named template into UTF-8. The name must come from `lookup` or `requiredTemplates`.
    public func render(_ name: String, context: TemplateValue) -> [UInt8] {
        guard let number = program.templateNumbers[name] else { return [] }
        // About the size of an article page, so most pages never grow the buffer.
        var renderer = TemplateRenderer(program: program, capacity: 16_384)
        renderer.render(template: number, context: context)
        return renderer.output
    }

    /// Compiles one template on its own (no partials), as `renda new` does for archetypes.
    public static func renderStandalone(_ text: String, context: TemplateValue) -> Result<String, TemplateSyntaxError> {
        TemplateParser.compile(text).map { template in
            let program = TemplateProgram([("", template)])
            var renderer = TemplateRenderer(program: program, capacity: text.utf8.count * 2)
            renderer.render(template: 0, context: context)
            return String(decoding: renderer.output, as: UTF8.self)
        }
    }

    /// Compiles every template and checks that every partial and parent template it names exists
    /// (one that does not would otherwise render as nothing, in silence).
    /// `strings` are the theme's UI strings for `language`: a `{{t.key}}` they lack is a warning.
    static func compile(_ sources: [String: TemplateSource], folder: String, theme: String,
                        strings: [String: String], language: String) -> (TemplateSet?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var templates: [String: CompiledTemplate] = [:]
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            switch TemplateParser.compile(source.text) {
            case .success(let template):
                templates[source.name] = template
            case .failure(let error):
                problems.append(.error(SourceLocation(file: source.file, line: error.line, column: error.column),
                                       "模板语法错误：\(error.message)",
                                       hint: "出错的一行：\(error.sourceLine.trimmingSpaces())"))
            }
        }
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            for reference in templates[source.name]?.references ?? [] where sources[reference.name] == nil {
                let guess = Suggestion.closest(to: reference.name, in: Array(sources.keys)).map { "是否想写 \($0)？" } ?? ""
                problems.append(.error(SourceLocation(file: source.file, line: reference.line, column: reference.column),
                                       "模板引用了不存在的\(reference.isParent ? "父模板" : "局部模板")“\(reference.name)”",
                                       hint: "\(guess)模板文件应在主题的 templates/\(reference.name).mustache。"))
            }
        }
        let missing = requiredTemplates.filter { sources[$0] == nil }
        for name in missing {
            problems.append(.error(SourceLocation(file: "\(folder)/\(name).mustache"), "主题缺少必需的模板 \(name).mustache",
                                   hint: "在主题的 templates/ 中添加它，或在 theme.yml 中写 extends: default 继承默认主题。"))
        }
        let uses = sources.values.sorted(by: { $0.name < $1.name }).flatMap { source in
            (templates[source.name]?.uiStrings ?? []).map { (file: source.file, use: $0) }
        }
        problems += UIStringReferences.unknown(uses, strings: strings, language: language, theme: theme)
        guard !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let named = templates.sorted { $0.key < $1.key }.map { (name: $0.key, template: $0.value) }
        return (TemplateSet(program: TemplateProgram(named)), problems)
    }
}
