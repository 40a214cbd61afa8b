/// A parsed Mustache template: the tags already parsed, names already split, text already in
/// UTF-8. `TemplateLinker` then lays the templates of a set out as one `TemplateProgram`, which
/// is what renders.
public struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    /// Every `{{> name}}` and `{{< name}}` in the file, to check that each one exists.
    let references: [TemplateReference]
    /// Every `{{t.key}}` (variable or section), to check that the UI strings have the key.
    let uiStrings: [UIStringUse]
}

/// `{{t.key}}` where it is written.
struct UIStringUse: Sendable {
    var key: String
    var line: Int
    var column: Int
}

struct TemplateReference: Sendable {
    var name: String
    var isParent: Bool
    var line: Int
    var column: Int
}

/// What a tag refers to.
enum TemplateName: Sendable, Hashable {
    /// `{{.}}`: the value on top of the stack.
    case current
    /// `{{a.b}}`: `a` looked up from the top of the stack down, then `b` inside it.
    case stack(first: String, rest: [String])
    /// `{{.a.b}}`: `a` looked up only in the value on top of the stack, never below it.
    case local([String])
    /// `{{#first()}}`, `{{#last()}}`: the position in the list being iterated.
    case first
    case last
}

/// Literal text of a template, in UTF-8 (the linker copies it into the program's byte table).
struct TemplateText: Sendable {
    let bytes: [UInt8]

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = Array(bytes)
    }

    var isBlank: Bool { bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } }
}

indirect enum TemplateNode: Sendable {
    case text(TemplateText)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a standalone tag's indentation is repeated on every line of the partial.
    case partial(String, indentation: [UInt8])
    /// `{{< name}}…{{/name}}`: render `name` with these blocks replacing its own.
    case parent(String, blocks: [String: [TemplateNode]], indentation: [UInt8])
    /// `{{$ name}}default{{/name}}`: an inherited block, or its default.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
}

/// A template that cannot be compiled, with where and why (the message is for staff, in Chinese).
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
    /// The source line, for the hint.
    public var sourceLine: String
}
