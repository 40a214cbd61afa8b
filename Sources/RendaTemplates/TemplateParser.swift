/// Compiles Mustache text (the spec's tags, standalone lines, partials and inheritance) into
/// `TemplateNode`s. Works on UTF-8 bytes: every tag delimiter is ASCII.
///
/// Not supported, each refused with a message rather than rendered wrongly: lambdas, set
/// delimiters (`{{=<% %>=}}`), dynamic partial names (`{{>*name}}`) and functions other than
/// `first()` and `last()`.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var references: [TemplateReference] = []
    private var uiStrings: [UIStringUse] = []

    static func compile(_ text: String) -> Result<CompiledTemplate, TemplateSyntaxError> {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            let nodes = try parser.parseNodes(until: nil)
            return .success(CompiledTemplate(nodes: nodes, references: parser.references, uiStrings: parser.uiStrings))
        } catch let error as TemplateSyntaxError {
            return .failure(error)
        } catch {
            return .failure(TemplateSyntaxError(line: 1, column: 1, message: "\(error)", sourceLine: ""))
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// One tag as written.
    private struct Tag {
        var sigil: UInt8?
        var content: String
        var start: Int
        var end: Int
        /// Standalone tags take their whole line; `indentation` is what stood before them.
        var standalone = false
        var indentation: [UInt8] = []
    }

    private static let open: [UInt8] = Array("{{".utf8)
    private static let sigils: Set<UInt8> = Set("#^/>!<$&={".utf8)
    /// Tags that may stand alone on a line; variables never do.
    private static let standaloneSigils: Set<UInt8> = Set("#^/>!<$".utf8)

    /// Parses up to the closing tag of `section` (or the end of the text when `nil`).
    private mutating func parseNodes(until section: (name: String, tag: Tag)?) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while true {
            guard let tagStart = find(Self.open, from: position) else {
                if position < bytes.count { nodes.append(.text(TemplateText(bytes[position...]))) }
                position = bytes.count
                if let section {
                    throw error(at: section.tag.start, "区块 {{#\(section.name)}} 缺少结束标签 {{/\(section.name)}}")
                }
                return nodes
            }
            var tag = try readTag(at: tagStart)
            if let sigil = tag.sigil, Self.standaloneSigils.contains(sigil) { markStandalone(&tag) }
            let textEnd = tag.standalone ? tag.start - tag.indentation.count : tag.start
            if textEnd > position { nodes.append(.text(TemplateText(bytes[position..<textEnd]))) }
            position = tag.end

            switch tag.sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "/"):
                guard let section else { throw error(at: tag.start, "多出的结束标签 {{/\(tag.content)}}，前面没有对应的开始标签") }
                guard tag.content == section.name else {
                    throw error(at: tag.start, "结束标签 {{/\(tag.content)}} 与开始标签 {{#\(section.name)}} 名称不一致")
                }
                return nodes
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let name = try parseName(tag)
                noteUIString(name, tag)
                let body = try parseNodes(until: (tag.content, tag))
                nodes.append(.section(name, body, inverted: tag.sigil == UInt8(ascii: "^")))
            case UInt8(ascii: ">"):
                try checkPartialName(tag)
                references.append(reference(tag, isParent: false))
                nodes.append(.partial(tag.content, indentation: tag.indentation))
            case UInt8(ascii: "<"):
                try checkPartialName(tag)
                references.append(reference(tag, isParent: true))
                let blocks = try parseParentBody(tag)
                nodes.append(.parent(tag.content, blocks: blocks, indentation: tag.indentation))
            case UInt8(ascii: "$"):
                let body = try parseNodes(until: (tag.content, tag))
                nodes.append(.block(tag.content, defaultNodes: body, indentation: tag.indentation))
            case UInt8(ascii: "="):
                throw error(at: tag.start, "不支持修改分隔符的标签 {{=…=}}", )
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                let name = try parseName(tag)
                noteUIString(name, tag)
                nodes.append(.variable(name, escaped: false))
            default:
                let name = try parseName(tag)
                noteUIString(name, tag)
                nodes.append(.variable(name, escaped: true))
            }
        }
    }

    /// Inside `{{< parent}}` only block definitions (and comments, blank text) may appear.
    private mutating func parseParentBody(_ parent: Tag) throws -> [String: [TemplateNode]] {
        var blocks: [String: [TemplateNode]] = [:]
        for node in try parseNodes(until: (parent.content, parent)) {
            switch node {
            case .block(let name, let body, _):
                if blocks[name] == nil { blocks[name] = body }
            case .text(let text) where text.isBlank:
                continue
            case .text:
                throw error(at: parent.start, "继承模板 {{<\(parent.content)}} 中不能直接写文字，请放进 {{$块}} 里")
            default:
                throw error(at: parent.start, "继承模板 {{<\(parent.content)}} 中只能写 {{$块}} 定义")
            }
        }
        return blocks
    }

    private func readTag(at start: Int) throws -> Tag {
        var cursor = start + 2
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        var sigil: UInt8?
        if cursor < bytes.count, Self.sigils.contains(bytes[cursor]) {
            sigil = bytes[cursor]
            cursor += 1
        }
        let closing: [UInt8] = sigil == UInt8(ascii: "{") ? Array("}}}".utf8)
            : sigil == UInt8(ascii: "=") ? Array("=}}".utf8) : Array("}}".utf8)
        guard let close = find(closing, from: cursor) else {
            throw error(at: start, "标签没有正确结束（缺少 \(String(decoding: closing, as: UTF8.self))）")
        }
        let content = String(decoding: bytes[cursor..<close], as: UTF8.self)
        let trimmed = sigil == UInt8(ascii: "!") ? content : content.trimmingCharacters(in: " \t\r\n")
        if sigil != UInt8(ascii: "!"), sigil != UInt8(ascii: "="), trimmed.isEmpty {
            throw error(at: start, "标签中缺少名称")
        }
        return Tag(sigil: sigil, content: trimmed, start: start, end: close + closing.count)
    }

    /// The spec's standalone rule: a tag alone on its line (only spaces or tabs around it)
    /// removes the whole line from the output.
    private func markStandalone(_ tag: inout Tag) {
        var lineStart = tag.start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") {
            guard Self.isIndent(bytes[lineStart - 1]) else { return }
            lineStart -= 1
        }
        var after = tag.end
        while after < bytes.count, Self.isIndent(bytes[after]) { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: "\r") { after += 1 }
        if after < bytes.count {
            guard bytes[after] == UInt8(ascii: "\n") else { return }
            after += 1
        }
        tag.standalone = true
        tag.indentation = Array(bytes[lineStart..<tag.start])
        tag.end = after
    }

    private func parseName(_ tag: Tag) throws -> TemplateName {
        let text = tag.content
        if text == "." { return .current }
        if text.contains("(") {
            switch text {
            case "first()": return .first
            case "last()": return .last
            default:
                throw error(at: tag.start, "不支持的函数 \(text)：模板中只能用 first() 和 last()")
            }
        }
        if text.contains(" ") { throw error(at: tag.start, "名称“\(text)”中不能有空格") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if text.hasPrefix(".") {
            let rest = Array(parts.dropFirst())
            guard !rest.contains(where: \.isEmpty) else { throw error(at: tag.start, "名称“\(text)”写法不正确") }
            return .local(rest)
        }
        guard !parts.contains(where: \.isEmpty) else { throw error(at: tag.start, "名称“\(text)”写法不正确") }
        return .stack(first: parts[0], rest: Array(parts.dropFirst()))
    }

    private func checkPartialName(_ tag: Tag) throws {
        if tag.content.hasPrefix("*") { throw error(at: tag.start, "不支持动态的局部模板名 \(tag.content)") }
        if tag.content.contains(" ") { throw error(at: tag.start, "模板名“\(tag.content)”中不能有空格") }
    }

    /// `t.key` names a UI string (the theme's `i18n/<language>.yml`, given to every page as `t`).
    private mutating func noteUIString(_ name: TemplateName, _ tag: Tag) {
        guard case .stack(first: "t", rest: let rest) = name, rest.count == 1 else { return }
        let (line, column, _) = location(of: tag.start)
        uiStrings.append(UIStringUse(key: rest[0], line: line, column: column))
    }

    private func reference(_ tag: Tag, isParent: Bool) -> TemplateReference {
        let (line, column, _) = location(of: tag.start)
        return TemplateReference(name: tag.content, isParent: isParent, line: line, column: column)
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column, text) = location(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message, sourceLine: text)
    }

    /// Line and column (in characters) of a byte offset, and the text of that line.
    private func location(of offset: Int) -> (Int, Int, String) {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column, String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isIndent(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let last = lastIndex(where: { !characters.contains($0) })!
        return String(self[first...last])
    }
}
