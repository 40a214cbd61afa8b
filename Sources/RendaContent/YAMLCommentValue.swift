/// YAML reads a `#` after a space as the start of a comment. `title: #会议通知` leaves the field
/// empty although the line looks filled in, and `title: 会议通知 #1号` cuts it short; staff would
/// be told only that it is empty, or nothing. Looked for where an empty value is reported, and
/// on the few lines a byte scan finds, never on the way of a good file.
enum YAMLCommentValue {
    /// The value as written (`#会议通知`) when line `line` (1-based) of `text` is `key: #…`;
    /// nil when that line's value is not a comment.
    static func commented(line: Int, in text: String) -> String? {
        guard let afterColon = afterColon(line: line, in: text),
              // `key:#…` is a slip of its own (no space after the colon), named by YAMLLineCheck.
              let first = afterColon.first, first == " " || first == "\t" else { return nil }
        let value = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        guard value.hasPrefix("#"), value.count > 1 else { return nil }
        return value.trimmingSpaces()
    }

    /// What follows `key:` on line `line` (1-based) of `text`, comment and all, trimmed.
    static func valueAsWritten(line: Int, in text: String) -> String? {
        guard let value = afterColon(line: line, in: text)?.trimmingSpaces(), !value.isEmpty else { return nil }
        return value
    }

    private static func afterColon(line: Int, in text: String) -> Substring? {
        guard line >= 1 else { return nil }
        let lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line <= lines.count else { return nil }
        var content = lines[line - 1]
        if content.hasSuffix("\r") { content = content.dropLast() }
        guard let colon = content.firstIndex(of: ":") else { return nil }
        return content[content.index(after: colon)...]
    }

    /// `value` in double quotes, as YAML reads it back: a `#` inside is text.
    static func doubleQuoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The 1-based lines of `yaml` where a `#` after a space or tab follows other text on its
    /// line: a comment YAML cuts a value short at. Found with `memchr`, as every file is read.
    static func trailingCommentLines(in yaml: String) -> [Int] {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var lines: [Int] = []
            var offset = 0
            while let hash = bytes.firstIndex(of: 0x23, from: offset) {
                offset = hash + 1
                guard hash > 0, bytes[hash - 1] == 0x20 || bytes[hash - 1] == 0x09 else { continue }
                var start = hash
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                // Text before it, and the line is not a comment itself (`# 以 # 开头的行是说明`).
                guard let first = bytes[start..<hash].first(where: { $0 != 0x20 && $0 != 0x09 }), first != 0x23 else { continue }
                let line = bytes[..<start].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                if lines.last != line { lines.append(line) }
            }
            return lines
        }
    }

    /// The hint for an empty `key`, when its line shows a value YAML took for a comment.
    static func hint(key: String, line: Int, in text: String) -> String? {
        guard let value = commented(line: line, in: text) else { return nil }
        // `date: #2023-06-30`: the # was a slip, and a quoted "#2023-06-30" is no date either.
        let rest = value.dropFirst().trimmingSpaces()
        if key == "date" || key == "日期", let first = rest.first, first.isASCIIDigit {
            return "“#”及后面的文字被当作注释，这个字段实际是空的。请删去 #：\(key): \(rest)"
        }
        return "“#”及后面的文字被当作注释，这个字段实际是空的。以 # 开头的值要用英文双引号括起来：\(key): \(doubleQuoted(value))"
    }
}
