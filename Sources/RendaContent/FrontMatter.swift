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
    /// The YAML between the `---` lines, for messages that quote a field's line as written.
    var yaml = ""
    /// Lines (of the file) where a `#` after a space follows text: YAML ends the value there
    /// and drops the rest as a comment (`标题: 会议通知 #1号`). Empty in almost every file.
    var trailingCommentLines: [Int] = []

    subscript(field: Field) -> Entry? { entries[field] }

    /// The key to name `field` by in a hint: as written in this file, else in the language of
    /// the file's other keys (Chinese unless they are all English).
    func key(for field: Field) -> String {
        if let entry = entries[field] { return entry.key }
        let english = !entries.isEmpty && entries.values.allSatisfy { $0.key.utf8.allSatisfy { $0 < 0x80 } }
        return english ? field.rawValue : field.chineseKeys[0]
    }

    /// For a text value cut at a ` #`: the warning that says what was dropped. Only a plain
    /// (unquoted) value can be cut; `"会议 #1号"` keeps its `#`.
    func cutByComment(_ entry: Entry, value: String, file: String) -> Diagnostic? {
        guard trailingCommentLines.contains(entry.line), entry.value.scalar?.style == .plain,
              let written = YAMLCommentValue.valueAsWritten(line: entry.line - 1, in: yaml) else { return nil }
        return .warning(SourceLocation(file: file, line: entry.line),
                        "字段“\(entry.key)”里“#”及后面的文字被当作注释，网页上只有“\(value)”",
                        hint: "如果 # 是内容的一部分，请把整个值用英文双引号括起来：\(entry.key): \(YAMLCommentValue.doubleQuoted(written))；如果 # 后面是写给自己的备注，可以不管这条提示。")
    }

    /// Fields whose line ends with the archetype's `# 示例` mark (`性别: "男"  # 示例`), which
    /// staff delete once they have checked the value. Only the lines with a comment after a
    /// value (`trailingCommentLines`, found already for every file) are looked at.
    func fieldsMarkedAsExamples() -> Set<Field> {
        guard !trailingCommentLines.isEmpty else { return [] }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var marked: Set<Field> = []
        // Entry lines count from the file's `---`, the YAML's from the line after it.
        for (field, entry) in entries where trailingCommentLines.contains(entry.line) && entry.line - 2 < lines.count {
            if lines[entry.line - 2].contains(" # 示例") || lines[entry.line - 2].contains("\t# 示例") { marked.insert(field) }
        }
        return marked
    }

    /// For an empty field: the hint that its value, starting with `#`, was read as a comment.
    func commentHint(_ entry: Entry) -> String? {
        // Entry lines count from the file's `---`, the YAML's from the line after it.
        YAMLCommentValue.hint(key: entry.key, line: entry.line - 1, in: yaml)
    }

    /// Finds the `---` lines by scanning UTF-8 bytes (the body can be long; only the head matters).
    /// Returns the YAML between them, the body after, and the body's first line number.
    static func split(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index? = nil
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            // Most lines are fields: one that does not start with `-`, `.` or a space is not a
            // delimiter, and is not trimmed (a new string) to find that out.
            let first = utf8[lineStart..<lineEnd].first
            let mayDelimit = first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || first == UInt8(ascii: " ")
                || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r") || first == 0xE3  // 0xE3: U+3000
            let isDelimiter = mayDelimit && (line.trimmingSpaces() == "---" || (yamlStart != nil && line == "..."))
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineNumber == 1 {
                guard isDelimiter else { return nil }
                yamlStart = next
            } else if isDelimiter, let start = yamlStart {
                let yamlEnd = start < lineStart ? utf8.index(before: lineStart) : start
                return (String(text[start..<yamlEnd]), String(text[next...]), lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        return nil
    }

    /// A trimmed line of two or more dashes of any kind: `---` and the ones staff mistype for it
    /// (`----`, the input method's `———`, `－－－`, `───`).
    private static func isDashLine(_ trimmed: String) -> Bool {
        trimmed.count >= 2 && trimmed.allSatisfy { "-—－–─━".contains($0) }
    }

    /// For a file `split` finds no front matter in: the block between the first two lines of
    /// dashes as staff mistype them (`----`, `———`, below blank lines), so that its body can be
    /// checked all the same (`ItemParser.bodyAlone`). Nil when there are no such lines.
    static func lenientSplit(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        func isDashes(_ line: Substring) -> Bool { isDashLine(line.trimmingSpaces()) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let opening = lines.prefix(20).firstIndex(where: { !$0.trimmingSpaces().isEmpty }), isDashes(lines[opening]),
              let closing = lines[(opening + 1)...].prefix(60).firstIndex(where: isDashes) else { return nil }
        return (lines[(opening + 1)..<closing].joined(separator: "\n"),
                lines[(closing + 1)...].joined(separator: "\n"), closing + 2)
    }

    /// Lines made of nothing but the dashes a Chinese input method types for `-` (——, －－－,
    /// ───) where `---` delimiters were meant: the first line and the next such line among the
    /// next 60 (the closing one), or, after an opening `---`, that next line alone.
    static func imeDashLines(in text: String) -> [(line: Int, text: String)] {
        func isDashes(_ line: Substring) -> Bool {
            let trimmed = line.trimmingSpaces()
            return isDashLine(trimmed) && trimmed.contains(where: { $0 != "-" })
        }
        let lines = text.split(separator: "\n", maxSplits: 61, omittingEmptySubsequences: false).prefix(61)
        guard let first = lines.first, isDashes(first) || first.trimmingSpaces() == "---" else { return [] }
        let opening = isDashes(first) ? [(line: 1, text: first.trimmingSpaces())] : []
        let closing = lines.enumerated().dropFirst().first { isDashes($0.element) }.map { (line: $0.offset + 1, text: $0.element.trimmingSpaces()) }
        return opening + (closing.map { [$0] } ?? [])
    }

    /// Why no front matter was found: the delimiter lines staff mistyped, named each, or else
    /// what is missing. Messages speak of 字段区 (the fields between the `---` lines), as the
    /// 写作指南 does.
    static func missingDelimiters(in text: String, file: String) -> [Diagnostic] {
        let dashes = imeDashLines(in: text)
        if !dashes.isEmpty {
            return dashes.map { dashes in
                .error(SourceLocation(file: file, line: dashes.line, column: 1),
                       "“\(dashes.text)”是中文输入法打出的破折号，字段区的开始和结束要用三个英文减号 ---",
                       hint: "把这一行改成 ---（切换到英文输入法再输入三个减号）。")
            }
        }
        let lines = text.split(separator: "\n", maxSplits: 61, omittingEmptySubsequences: false).prefix(61)
            .map { $0.trimmingSpaces() }
        // `----`: one dash too many (or more), on either delimiter line.
        let long = lines.enumerated().filter { $0.element.count > 3 && $0.element.allSatisfy { $0 == "-" } }
        if let first = lines.first, first == "---" || long.first?.offset == 0 {
            let slips = long.prefix(first == "---" ? 1 : 2)
            if !slips.isEmpty {
                return slips.map { line in
                    .error(SourceLocation(file: file, line: line.offset + 1, column: 1),
                           "这一行有 \(line.element.count) 个减号，字段区的开始和结束要正好三个减号 ---",
                           hint: "把这一行改成 ---。")
                }
            }
        }
        // Blank lines above the opening `---`: it must be the file's first line.
        if let opening = lines.firstIndex(where: { !$0.isEmpty }), opening > 0, lines[opening] == "---" {
            return [.error(SourceLocation(file: file, line: opening + 1, column: 1),
                           "字段区的 --- 上面有 \(opening) 个空行，--- 要写在文件的第一行",
                           hint: "删去 --- 上面的空行。")]
        }
        let opens = text.utf8.starts(with: "---".utf8)
        return [.error(SourceLocation(file: file, line: 1, column: 1),
                       opens ? "字段区没有结束的 --- 行" : "文件开头缺少字段区（以 --- 开始、以 --- 结束，写标题、日期等的几行）",
                       hint: opens ? "在最后一个字段之后单独写一行 ---，再写正文。"
                           : "在第一行写 ---，然后逐行写 标题: …、日期: 2023-06-30 等字段，再用一行 --- 结束。")]
    }

    /// Splits a file into front matter and body and composes the YAML. Problems in keys
    /// (unknown, duplicated across languages) are reported; the values are checked by `ItemParser`.
    static func parse(_ text: String, file: String) -> (FrontMatter?, [Diagnostic]) {
        guard let split = FrontMatter.split(text) else {
            // A file left empty (made in a file browser, or a save that failed) is refused like
            // any other without a title: publishing without it would drop its page in silence.
            if text.allSatisfy(\.isWhitespace) {
                return (nil, [.error(SourceLocation(file: file), "文件是空的",
                                     hint: "写上字段和正文（可用 renda new 新建文章再把内容移过去），不需要的话删掉这个文件。")])
            }
            return (nil, missingDelimiters(in: text, file: file))
        }
        let yaml = split.yaml
        var matter = FrontMatter(body: split.body, bodyLine: split.bodyLine, yaml: yaml)
        matter.trailingCommentLines = YAMLCommentValue.trailingCommentLines(in: yaml).map { $0 + 1 }
        var problems: [Diagnostic] = []

        let node: Node?
        switch YAMLSupport.compose(yaml, file: file, lineOffset: 1) {
        case .success(let n): node = n
        case .failure(let refusal): return (nil, refusal.diagnostics)
        }
        guard let node else { return (matter, []) }
        guard let mapping = node.mapping else {
            let slips = YAMLLineCheck.slips(in: yaml, file: file, lineOffset: 1)
            return (nil, slips.isEmpty ? [.error(SourceLocation(file: file, line: 2), "字段区的每一行应为“字段: 值”",
                                                 hint: "每行写一个字段，例如 标题: 县人大常委会召开第十次会议")] : slips)
        }
        var unknown: [(key: String, value: Node, line: Int, column: Int?)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            let line = (keyNode.line ?? 1) + 1
            guard let field = Field(key: key) else {
                unknown.append((key, value, line, keyNode.mark?.column))
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
        for key in unknown {
            problems.append(.warning(SourceLocation(file: file, line: key.line, column: key.column),
                                     "未知字段“\(key.key)”，已忽略", hint: matter.guess(forUnknown: key.key, value: key.value)))
        }
        return (matter, problems.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) })
    }

    /// What an unknown key was meant as. A key shortened or written out longer (`上级` for
    /// 上级页面) means the one it starts or is started by, which edit distance alone misses
    /// (`上级` → 层级); a word staff use for a field (`出生日期`) means that field. When the file
    /// has that field already (`工作单位` beside `职务`), the two lines are to be one.
    private func guess(forUnknown key: String, value: Node) -> String {
        let related = Field.allKeys.filter { $0.hasPrefix(key) || key.hasPrefix($0) }
        let synonym = Field.meant(by: key)
        let meant = synonym.map { $0.chineseKeys[0] }
            ?? (Set(related.compactMap(Field.init(key:))).count == 1 ? related.first : Suggestion.closest(to: key, in: Field.allKeys))
        guard let meant, let field = Field(key: meant) else { return "如不需要请删除这一行。" }
        guard let given = entries[field] else { return "是否想写 \(meant)？" }
        // A misspelling of a field the file has (`titel` beside `title`) is a stray line.
        guard synonym != nil else { return "第 \(given.line) 行已经有“\(given.key)”；如不需要请删除这一行。" }
        let written = value.text ?? ""
        let other = given.value.text ?? ""
        let joined = other.isEmpty || written.contains(other) ? written : other.contains(written) ? other : written + other
        return "“\(key)”和第 \(given.line) 行的“\(given.key)”是同一个字段（\(field.chineseKeys[0])），要合成一行，例如 \(field.chineseKeys[0]): \(joined)"
    }
}
