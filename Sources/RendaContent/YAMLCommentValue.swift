/// `title: #会议通知`: YAML reads a `#` after a space as the start of a comment, so the field is
/// empty although the line looks filled in, and staff are told only that it is empty. Looked for
/// where an empty required value is reported, never on the way of a good file.
enum YAMLCommentValue {
    /// The value as written (`#会议通知`) when line `line` (1-based) of `text` is `key: #…`;
    /// nil when that line's value is not a comment.
    static func commented(line: Int, in text: String) -> String? {
        guard line >= 1 else { return nil }
        let lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line <= lines.count else { return nil }
        var content = lines[line - 1]
        if content.hasSuffix("\r") { content = content.dropLast() }
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let afterColon = content[content.index(after: colon)...]
        // `key:#…` is a slip of its own (no space after the colon), named by YAMLLineCheck.
        guard let first = afterColon.first, first == " " || first == "\t" else { return nil }
        let value = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        guard value.hasPrefix("#"), value.count > 1 else { return nil }
        return value.trimmingSpaces()
    }

    /// The hint for an empty `key`, when its line shows a value YAML took for a comment.
    static func hint(key: String, line: Int, in text: String) -> String? {
        guard let value = commented(line: line, in: text) else { return nil }
        // `date: #2023-06-30`: the # was a slip, and a quoted "#2023-06-30" is no date either.
        let rest = value.dropFirst().trimmingSpaces()
        if key == "date" || key == "日期", let first = rest.first, first.isASCIIDigit {
            return "“#”及后面的文字被当作注释，这个字段实际是空的。请删去 #：\(key): \(rest)"
        }
        let quoted = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "“#”及后面的文字被当作注释，这个字段实际是空的。以 # 开头的值要用英文双引号括起来：\(key): \"\(quoted)\""
    }
}
