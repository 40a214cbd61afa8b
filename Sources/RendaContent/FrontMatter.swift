import RendaCore
import Yams

/// The YAML block between `---` lines at the top of a content file, keyed by canonical field.
struct FrontMatter {
    struct Entry {
        /// The key as written (`title` or `标题`), for messages.
        var key: String
        var value: Node
        var line: Int
    }

    var entries: [Field: Entry] = [:]
    /// Markdown after the closing `---`.
    var body: String
    /// 1-based line of the first body line in the file.
    var bodyLine: Int

    subscript(field: Field) -> Entry? { entries[field] }

    /// Splits a file into front matter and body and composes the YAML. Problems in keys
    /// (unknown, duplicated across languages) are reported; the values are checked by `ItemParser`.
    static func parse(_ text: String, file: String) -> (FrontMatter?, [Diagnostic]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            return (nil, [.error(SourceLocation(file: file, line: 1, column: 1), "文件开头缺少 front matter（以 --- 开始的字段区）",
                                 hint: "在第一行写 ---，然后逐行写 title: 标题、date: 2023-06-30 等字段，再用一行 --- 结束。")])
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" || $0 == "..." }) else {
            return (nil, [.error(SourceLocation(file: file, line: 1, column: 1), "front matter 没有结束的 --- 行",
                                 hint: "在最后一个字段之后单独写一行 ---，再写正文。")])
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        var matter = FrontMatter(body: body, bodyLine: closing + 2)
        var problems: [Diagnostic] = []

        let node: Node?
        switch YAMLSupport.compose(yaml, file: file, lineOffset: 1) {
        case .success(let n): node = n
        case .failure(let d): return (nil, [d])
        }
        guard let node else { return (matter, []) }
        guard let mapping = node.mapping else {
            return (nil, [.error(SourceLocation(file: file, line: 2), "front matter 应为“字段: 值”的形式",
                                 hint: "每行写一个字段，例如 title: 县人大常委会召开第十次会议")])
        }
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            let line = (keyNode.line ?? 1) + 1
            guard let field = Field(key: key) else {
                let guess = Suggestion.closest(to: key, in: Field.allKeys).map { "是否想写 \($0)？" } ?? "如不需要请删除这一行。"
                problems.append(.warning(SourceLocation(file: file, line: line, column: keyNode.mark?.column),
                                         "未知字段“\(key)”，已忽略", hint: guess))
                continue
            }
            if let earlier = matter.entries[field] {
                problems.append(.error(SourceLocation(file: file, line: line, column: keyNode.mark?.column),
                                       "字段“\(key)”与第 \(earlier.line) 行的“\(earlier.key)”重复（同一字段）",
                                       hint: "中英文字段名含义相同，只保留一个。"))
                continue
            }
            matter.entries[field] = Entry(key: key, value: value, line: line)
        }
        return (matter, problems)
    }
}
