import RendaCore

/// The slips staff make most often in `key: value` lines, found line by line where libyaml only
/// says, often on the line after and always in its own terms, that something was not expected:
///
/// - a Chinese colon after the key (the README lets keys be Chinese, and a Chinese input method
///   types ：), and no space after the colon;
/// - a line indented with a tab, or with a full-width or no-break space;
/// - a list item without the space after its dash (`-代表工作`);
/// - a value whose opening quote is never closed, or that goes on after its closing quote
///   (`title: "会议" 通知`);
/// - a list in brackets that is never closed (`topics: [监督工作, 人事任免`), or that goes on after
///   its `]` (`title: [会议] 通知`);
/// - a colon and a space inside a plain value (`标题: 县人大常委会: 召开会议`), which starts a field;
/// - a value starting with a character YAML reserves: `*` and `&` (Markdown bold in a title,
///   `**重要**会议`), `!`, `|` or `>` with text after them, `@` and `` ` ``.
///
/// It runs only when libyaml has refused the text, so a line it flags is a real error there. It
/// names every such line at once: a file typed with the Chinese input method has a Chinese colon
/// on most lines, and one at a time would take as many rounds of mending and checking.
enum YAMLLineCheck {
    static func slips(in text: String, file: String, lineOffset: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var blockIndent: Int? = nil
        // A bracket opened on a field's line and not closed there: a slip unless a following
        // line (a list written over several lines) closes it before the next field.
        var openList: (indent: Int, depth: Int, slip: Diagnostic)? = nil
        // Whether the line before was a field at the margin with its value on the line: a field
        // under it cannot be nested in it, so its indent is a slip.
        var afterMarginField = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix(while: { $0 == " " }).count
            let content = line.dropFirst(indent)
            // Inside a `|` or `>` block every line is text.
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let location = SourceLocation(file: file, line: index + 1 + lineOffset, column: indent + 1)
            if content.first == "\t" {
                found.append(.error(location, "这一行开头是 Tab（制表符），字段区只能用空格缩进",
                                    hint: "把行首的 Tab 换成空格：字段顶格写，列表项和多行文字用两个空格缩进。"))
                continue
            }
            // `　- 监督工作`: the input method's full-width space, or a pasted no-break one.
            if let first = content.first, first == "\u{3000}" || first == "\u{00A0}" {
                let rest = content.drop(while: { $0 == "\u{3000}" || $0 == "\u{00A0}" || $0 == " " })
                found.append(.error(location, "这一行开头是\(first == "\u{3000}" ? "全角空格" : "不间断空格（从网页或 Word 复制来的）")，字段区只能用英文空格缩进",
                                    hint: "删去行首的空白，" + (rest.hasPrefix("-") ? "列表项用两个英文空格缩进：  \(rest)" : "字段顶格写：\(rest)")))
                continue
            }
            // `-代表工作`: a list item without the space after its dash is text, not an item.
            if content.first == "-", let next = content.dropFirst().first, next != " ", next != "-", !next.isNumber {
                found.append(.error(location, "列表项的减号后面缺少空格",
                                    hint: "减号和内容之间空一格：\(String(repeating: " ", count: indent))- \(content.dropFirst())"))
                continue
            }
            if let open = openList {
                if indent > open.indent || content.hasPrefix("]") || content.hasPrefix("}") {
                    let depth = open.depth + bracketDepth(content)
                    openList = depth > 0 ? (open.indent, depth, open.slip) : nil
                    continue
                }
                found.append(open.slip)
                openList = nil
            }
            let wasAfterMarginField = afterMarginField
            afterMarginField = indent == 0 && isFieldWithValue(content)
            if let dash = content.first, "－—–".contains(dash), content.dropFirst().first.map({ $0 == " " || $0 == "\u{3000}" }) ?? true {
                let item = content.dropFirst().drop(while: { $0 == " " || $0 == "\u{3000}" })
                found.append(.error(location, "列表项开头的“\(dash)”是中文输入法打出的符号，应为英文减号 -",
                                    hint: "列表项写成英文减号、一个空格再写内容：\(String(repeating: " ", count: indent))- \(item)"))
                continue
            }
            guard !content.hasPrefix("- "), content != "-" else { continue }
            if indent > 0, wasAfterMarginField, let colon = content.firstIndex(of: ":"), isKey(content[..<colon].trimmingSpaces()) {
                found.append(.error(SourceLocation(file: file, line: location.line, column: 1), "这一行开头多了 \(indent) 个空格，字段要顶格写",
                                    hint: "删去行首的空格：\(content)"))
                afterMarginField = true
                continue
            }
            switch slip(in: content, location: location) {
            case .some(.now(let slip)): found.append(slip)
            case .some(.unlessClosedBelow(let depth, let slip)): openList = (indent, depth, slip)
            case nil: break
            }
            if let value = value(of: content), value.hasPrefix("|") || value.hasPrefix(">") { blockIndent = indent }
        }
        if let open = openList { found.append(open.slip) }
        return found
    }

    private enum Slip {
        case now(Diagnostic)
        /// An unclosed bracket, `depth` deep at the end of its line.
        case unlessClosedBelow(depth: Int, Diagnostic)
    }

    private static func slip(in content: Substring, location: SourceLocation) -> Slip? {
        let colon = content.firstIndex(of: ":")
        // `标题　县人大常委会召开会议`: a space, often the input method's full-width one, where the
        // colon was meant. Only a field's name is taken for a key: any line may hold spaces.
        if colon == nil, !content.contains("："), let space = content.firstIndex(where: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }),
           Field(key: String(content[..<space])) != nil {
            let key = content[..<space]
            let value = content[space...].trimmingSpaces()
            if !value.isEmpty {
                return .now(.error(location, "“\(key)”后面缺少冒号",
                                   hint: "字段名后面写英文冒号和一个空格：\(key): \(value)"))
            }
        }
        if let wide = content.firstIndex(of: "："), colon.map({ wide < $0 }) ?? true {
            let key = content[..<wide].trimmingSpaces()
            if isKey(key) {
                let value = content[content.index(after: wide)...].trimmingSpaces()
                return .now(.error(location, "“\(key)”后面是中文冒号“：”，应为英文冒号",
                                   hint: "字段名后面写英文冒号和一个空格：\(key): \(value)"))
            }
        }
        guard let colon else { return nil }
        let key = content[..<colon].trimmingSpaces()
        let after = content[content.index(after: colon)...]
        guard isKey(key) else { return nil }
        if let next = after.first, next == "\u{3000}" || next == "\u{00A0}" {
            let value = after.drop(while: { $0 == "\u{3000}" || $0 == "\u{00A0}" || $0 == " " })
            return .now(.error(location, "“\(key)”的冒号后面是\(next == "\u{3000}" ? "全角空格" : "不间断空格（从网页或 Word 复制来的）")，应为英文半角空格",
                               hint: "删去冒号后的空白，重新输入一个英文空格：\(key): \(value)"))
        }
        if let next = after.first, next != " ", next != "\t", !content.contains(": ") {
            return .now(.error(location, "“\(key)”的冒号后面缺少空格",
                               hint: "冒号后面加一个空格：\(key): \(after)"))
        }
        guard let value = value(of: content)?.trimmingSpaces(), let first = value.first else { return nil }
        switch first {
        case "\"", "'":
            guard let end = closingQuote(in: value[...], quote: first) else {
                // `"会议”`: Word closes an English quote with a Chinese one.
                if let last = value.last, "”“’‘".contains(last), value.count > 1 {
                    return .now(.error(location, "“\(key)”的值以英文引号 \(first) 开头，却以中文引号 \(last) 结尾",
                                       hint: "两头都用英文引号：\(key): \(first)\(value.dropFirst().dropLast())\(first)"))
                }
                return .now(.error(location, "“\(key)”的值以引号 \(first) 开头，却没有对应的结尾引号",
                                   hint: "在值的末尾补上 \(first)：\(key): \(value)\(first)"))
            }
            let rest = value[value.index(after: end)...].trimmingSpaces()
            guard !rest.isEmpty, !rest.hasPrefix("#") else { return nil }
            // The quotes were meant as text: Chinese quotes need no YAML quoting at all. Around
            // the whole value (`"关于"两会"精神"`) the outer pair quotes it and the inner ones are
            // the text's; at its start only (`"会议" 通知`), the pair is the text's.
            let inner = value[value.index(after: value.startIndex)..<end]
            let text = value.count > 2 && value.last == first
                ? chineseQuotes(value.dropFirst().dropLast(), quote: first) : "“\(inner)”\(rest)"
            return .now(.error(location, "“\(key)”的值在引号 \(first) 结束之后还有文字“\(rest)”",
                               hint: "整个值只能有一对英文引号；值里的引号请用中文引号：\(key): \(text)"))
        case "[", "{":
            let closer: Character = first == "[" ? "]" : "}"
            let depth = bracketDepth(value[...])
            if depth > 0 {
                return .unlessClosedBelow(depth: depth, .error(
                    location, "“\(key)”的值以 \(first) 开头，却没有对应的 \(closer)",
                    hint: value.hasSuffix(",") ? "在列表的最后一项后面补上 \(closer)，各项之间用英文逗号。"
                        : "在值的末尾补上 \(closer)，各项之间用英文逗号：\(key): \(value)\(closer)"))
            }
            guard let end = value.lastIndex(of: closer) else { return nil }
            let rest = value[value.index(after: end)...].trimmingSpaces()
            guard !rest.isEmpty, !rest.hasPrefix("#") else { return nil }
            return .now(.error(location, "“\(key)”的值以 \(first) 开头，\(closer) 之后还有文字“\(rest)”",
                               hint: "以 \(first) 开头的值会被当作列表；要原样使用时把整个值用引号括起来：\(key): \(quoted(value))"))
        case "-" where value.hasPrefix("- "):
            return .now(.error(location, "“\(key)”的值以“- ”开头，会被当作列表",
                               hint: "把整个值用英文双引号括起来：\(key): \(quoted(value))"))
        case "*", "&", "!", "@", "`", "|", ">":
            // `|` and `>` start a block of text on the next lines; with text after them on the
            // same line (other than how to keep line ends), they were meant as text.
            if first == "|" || first == ">",
               value.dropFirst().allSatisfy({ "+-0123456789 ".contains($0) }) || value.dropFirst().trimmingSpaces().hasPrefix("#") {
                return nil
            }
            // `封面: ![会场](photo1.png)`: Markdown for a picture, where the field takes its file.
            if value.hasPrefix("!["), let open = value.range(of: "]("), value.hasSuffix(")") {
                let file = value[open.upperBound..<value.index(before: value.endIndex)].trimmingSpaces()
                return .now(.error(location, "“\(key)”里只写图片的文件名，不用 ![说明](…) 的写法",
                                   hint: "写成 \(key): \(file)"))
            }
            return .now(.error(location, "“\(key)”的值以“\(first)”开头，会被当作特殊符号",
                               hint: "把整个值用英文双引号括起来：\(key): \(quoted(value))"
                                   + (value.hasPrefix("**") ? "（标题和字段里的 ** 不会显示为粗体）" : "")))
        default:
            // `标题: 县人大常委会: 召开会议`: a colon and a space inside a plain value start
            // another field there.
            guard let inner = value.range(of: ": ") ?? (value.hasSuffix(":") ? value.index(before: value.endIndex)..<value.endIndex : nil) else {
                return nil
            }
            // `作者: 林静 来源: 办公室`: two fields on one line.
            let before = value[..<inner.lowerBound]
            if let start = before.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }).map(before.index(after:)),
               Field(key: String(before[start...])) != nil {
                return .now(.error(location, "这一行写了两个字段：“\(key)”和“\(before[start...])”",
                                   hint: "每个字段单独一行：把“\(value[start...])”移到下一行。"))
            }
            let chinese = value.unicodeScalars.contains { $0.properties.isIdeographic }
            let widened = value.replacingOccurrences(of: ": ", with: "：").replacingOccurrences(of: ":", with: "：")
            return .now(.error(location, "“\(key)”的值里有英文冒号加空格“: ”，会被当作又一个字段",
                               hint: chinese ? "中文里的冒号用中文冒号（\(key): \(widened)）；要保留英文冒号时，把整个值用英文双引号括起来（\(key): \(quoted(value))）。"
                                   : "把整个值用英文双引号括起来：\(key): \(quoted(value))"))
        }
    }

    /// `key: value` on one line, also with the colon slips named above (`标题：会议`, `作者:李明`):
    /// a line under it cannot belong to it.
    private static func isFieldWithValue(_ content: Substring) -> Bool {
        guard let colon = content.firstIndex(where: { $0 == ":" || $0 == "：" }), isKey(content[..<colon].trimmingSpaces()) else {
            return false
        }
        let value = content[content.index(after: colon)...].trimmingSpaces()
        return !value.isEmpty && !"|>[{".contains(value.first!)
    }

    /// The text with its `quote` marks made Chinese ones, opening and closing in turn:
    /// `关于"两会"精神` → `关于“两会”精神`.
    private static func chineseQuotes(_ text: Substring, quote: Character) -> String {
        var opening = true
        return String(text.map { character -> Character in
            guard character == quote else { return character }
            defer { opening.toggle() }
            return quote == "\"" ? (opening ? "“" : "”") : (opening ? "‘" : "’")
        })
    }

    /// `value` in YAML quotes: double ones, or single ones when it holds a double quote.
    private static func quoted(_ value: String) -> String {
        value.contains("\"") ? "'" + value.replacingOccurrences(of: "'", with: "''") + "'" : "\"" + value + "\""
    }

    /// Brackets opened and not closed in `text` (outside quotes it is the same count: a quoted
    /// bracket inside a list is rare enough to read as a bracket).
    private static func bracketDepth(_ text: Substring) -> Int {
        text.reduce(0) { depth, character in
            "[{".contains(character) ? depth + 1 : "]}".contains(character) ? depth - 1 : depth
        }
    }

    /// A plain field name: letters (Chinese included), digits, `_` and `-`, no spaces or quotes.
    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 20 && key.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// What follows `key: `, trimmed; nil when the line is not `key: value`.
    private static func value(of content: Substring) -> Substring? {
        guard let range = content.range(of: ": ") else { return content.hasSuffix(":") ? "" : nil }
        return content[range.upperBound...].drop(while: { $0 == " " })
    }

    /// Where a quoted value's quote closes on the same line (`\"` escapes in double quotes, `''`
    /// in single ones); nil when it does not.
    private static func closingQuote(in value: Substring, quote: Character) -> Substring.Index? {
        var escaped = false
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let character = value[index]
            if quote == "\"", escaped {
                escaped = false
            } else if quote == "\"", character == "\\" {
                escaped = true
            } else if character == quote {
                let next = value.index(after: index)
                // '' inside single quotes is one quote.
                guard quote == "'", next < value.endIndex, value[next] == "'" else { return index }
                index = next
            }
            index = value.index(after: index)
        }
        return nil
    }
}
