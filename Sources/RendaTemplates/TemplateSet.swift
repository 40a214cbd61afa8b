import Mustache
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
    private let library: MustacheLibrary
    public let names: Set<String>

    /// The page kinds every theme chain must provide between its layers.
    public static let requiredTemplates = ["base", "home", "single", "list", "archive", "archive-year",
                                           "topics", "topic", "deputies-year", "page", "404"]

    /// The first of `candidates` that exists: `["news/single", "single"]` is Hugo's lookup order.
    public func lookup(_ candidates: [String]) -> String? {
        candidates.first(where: names.contains)
    }

    /// Renders a named template. The name must come from `lookup` or `requiredTemplates`.
    public func render(_ name: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Compiles every template and checks what swift-mustache would otherwise let pass in silence:
    /// a partial or parent template that does not exist renders as nothing there.
    static func compile(_ sources: [String: TemplateSource], folder: String) -> (TemplateSet?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error(SourceLocation(file: source.file, line: error.context.lineNumber,
                                                      column: error.context.columnNumber),
                                       "模板语法错误：\(describe(error.error))",
                                       hint: "出错的一行：\(error.context.line.trimmingSpaces())"))
            } catch {
                problems.append(.error(SourceLocation(file: source.file), "模板无法解析：\(error)"))
            }
        }
        for source in sources.values {
            for reference in references(in: source.text) where sources[reference.name] == nil {
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
        guard problems.isEmpty else { return (nil, problems) }
        return (TemplateSet(library: library, names: Set(sources.keys)), [])
    }

    struct Reference {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions. Dynamic partials (`{{>*x}}`) are
    /// resolved at render time and not checked.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text[index...].firstRange(of: "}}") {
                var inner = text[text.index(index, offsetBy: 2)..<close.lowerBound].drop(while: { $0 == " " })
                if let marker = inner.first, marker == ">" || marker == "<" {
                    inner = inner.dropFirst().drop(while: { $0 == " " })
                    let name = String(inner.prefix(while: { $0 != " " && $0 != "}" }))
                    if !name.isEmpty, !name.hasPrefix("*") {
                        found.append(Reference(name: name, isParent: marker == "<", line: line, column: column))
                    }
                }
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "区块的结束标签 {{/…}} 与开始标签名称不一致"
        case .unfinishedName: "标签没有正确结束（缺少 }}）"
        case .expectedSectionEnd: "区块缺少结束标签 {{/…}}"
        case .invalidSetDelimiter: "分隔符设置标签格式不正确"
        case .transformAppliedToInheritanceSection: "继承区块不能使用变换函数"
        case .illegalTokenInsideInheritSection: "继承模板 {{<…}} 中只能写 {{$块}} 定义"
        case .textInsideInheritSection: "继承模板 {{<…}} 中不能直接写文字，请放进 {{$块}} 里"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "配置标签格式不正确"
        case nil: "\(error)"
        }
    }
}
