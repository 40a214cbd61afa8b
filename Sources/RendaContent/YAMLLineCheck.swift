import RendaCore

/// The slips staff make most often in `key: value` lines, found line by line where libyaml only
/// says, on the line after, that it "could not find expected ':'": a Chinese colon after the key
/// (the README lets keys be Chinese, and a Chinese input method types ：), no space after the
/// colon, and a value whose opening quote is never closed.
enum YAMLLineCheck {
    static func firstSlip(in text: String, file: String, lineOffset: Int) -> Diagnostic? {
        var blockIndent: Int? = nil
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix(while: { $0 == " " }).count
            let content = line.dropFirst(indent)
            // Inside a `|` or `>` block every line is text.
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            guard !content.isEmpty, !content.hasPrefix("#"), !content.hasPrefix("- "), content != "-" else { continue }
            let location = SourceLocation(file: file, line: index + 1 + lineOffset, column: indent + 1)
            if let slip = slip(in: content, location: location) { return slip }
            if let value = value(of: content), value.hasPrefix("|") || value.hasPrefix(">") { blockIndent = indent }
        }
        return nil
    }

    private static func slip(in content: Substring, location: SourceLocation) -> Diagnostic? {
        let colon = content.firstIndex(of: ":")
        if let wide = content.firstIndex(of: "："), colon.map({ wide < $0 }) ?? true {
            let key = content[..<wide].trimmingSpaces()
            if isKey(key) {
                let value = content[content.index(after: wide)...].trimmingSpaces()
                return .error(location, "“\(key)”后面是中文冒号“：”，应为英文冒号",
                              hint: "字段名后面写英文冒号和一个空格：\(key): \(value)")
            }
        }
        guard let colon else { return nil }
        let key = content[..<colon].trimmingSpaces()
        let after = content[content.index(after: colon)...]
        if isKey(key), let next = after.first, next != " ", next != "\t", !content.contains(": ") {
            return .error(location, "“\(key)”的冒号后面缺少空格",
                          hint: "冒号后面加一个空格：\(key): \(after)")
        }
        if isKey(key), let value = value(of: content), let quote = value.first, quote == "\"" || quote == "'",
           !closes(value, quote: quote) {
            return .error(location, "“\(key)”的值以引号 \(quote) 开头，却没有对应的结尾引号",
                          hint: "在值的末尾补上 \(quote)：\(key): \(value)\(quote)")
        }
        return nil
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

    /// Whether a quoted value ends its quote on the same line (`\"` escapes in double quotes,
    /// `''` in single ones).
    private static func closes(_ value: Substring, quote: Character) -> Bool {
        var escaped = false
        for character in value.dropFirst() {
            if quote == "\"", escaped { escaped = false; continue }
            if quote == "\"", character == "\\" { escaped = true; continue }
            if character == quote { return true }
        }
        return false
    }
}
