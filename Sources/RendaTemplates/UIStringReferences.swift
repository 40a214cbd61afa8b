import RendaCore

/// `{{t.key}}` stands for a UI string of the theme's `i18n/<language>.yml`. A key that is not
/// there (misspelt, or added to a template but not to the strings) renders as nothing, so a
/// button or heading goes blank without a word: each one is a warning on its template line.
enum UIStringReferences {
    static func unknown(in sources: [TemplateSource], strings: [String: String], language: String,
                        theme: String) -> [Diagnostic] {
        guard sources.contains(where: { !keys(inText: $0.text).isEmpty }) else { return [] }
        // No strings at all: one message for the missing file, not one per tag.
        if strings.isEmpty {
            return [.warning(SourceLocation(file: "themes/\(theme)/i18n/\(language).yml"),
                             "主题没有语言 \(language) 的界面文字文件，按钮、标题等界面文字都会是空的",
                             hint: "在主题的 i18n/ 文件夹里添加 \(language).yml，或把 content/site.yml 的 language 改成主题已有的语言（默认主题是 zh-CN）。")]
        }
        var problems: [Diagnostic] = []
        let known = Array(strings.keys)
        for source in sources {
            for (offset, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (key, column) in keys(in: line) where strings[key] == nil {
                    let guess = Suggestion.closest(to: key, in: known).map { "是否想写 t.\($0)？" } ?? ""
                    problems.append(.warning(SourceLocation(file: source.file, line: offset + 1, column: column),
                                             "界面文字 t.\(key) 在 i18n/\(language).yml 中没有，网页上这里会是空的",
                                             hint: "\(guess)界面文字写在主题的 i18n/\(language).yml 里，一行一个，如 \(key): 文字。"))
                }
            }
        }
        return problems
    }

    private static func keys(inText text: String) -> [(key: String, column: Int)] {
        text.split(separator: "\n").flatMap { keys(in: $0) }
    }

    /// The `t.` keys named by the tags of one line, with the 1-based column of each tag.
    static func keys(in line: Substring) -> [(key: String, column: Int)] {
        var found: [(String, Int)] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            // A closing tag (`{{/t.x}}`) names the key its section already named.
            let tag = rest[open.upperBound...].drop { "{#^&> \t".contains($0) }
            if tag.hasPrefix("t.") {
                let key = tag.dropFirst(2).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if !key.isEmpty { found.append((String(key), line.distance(from: line.startIndex, to: open.lowerBound) + 1)) }
            }
            rest = rest[open.upperBound...]
        }
        return found
    }
}
