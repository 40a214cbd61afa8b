import RendaCore

/// `{{t.key}}` stands for a UI string of the theme's `i18n/<language>.yml`. A key that is not
/// there (misspelt, or added to a template but not to the strings) renders as nothing, so a
/// button or heading goes blank without a word: each one is a warning on its template line.
/// The uses come from the template parser, which already reads every tag.
enum UIStringReferences {
    static func unknown(_ uses: [(file: String, use: UIStringUse)], strings: [String: String], language: String,
                        theme: String) -> [Diagnostic] {
        guard !uses.isEmpty else { return [] }
        // No strings at all: one message for the missing file, not one per tag.
        if strings.isEmpty {
            return [.warning(SourceLocation(file: "themes/\(theme)/i18n/\(language).yml"),
                             "主题没有语言 \(language) 的界面文字文件，按钮、标题等界面文字都会是空的",
                             hint: "在主题的 i18n/ 文件夹里添加 \(language).yml，或把 content/site.yml 的 language 改成主题已有的语言（默认主题是 zh-CN）。")]
        }
        let known = Array(strings.keys)
        return uses.filter { strings[$0.use.key] == nil }.map { file, use in
            let guess = Suggestion.closest(to: use.key, in: known).map { "是否想写 t.\($0)？" } ?? ""
            return .warning(SourceLocation(file: file, line: use.line, column: use.column),
                            "界面文字 t.\(use.key) 在 i18n/\(language).yml 中没有，网页上这里会是空的",
                            hint: "\(guess)界面文字写在主题的 i18n/\(language).yml 里，一行一个，如 \(use.key): 文字。")
        }
    }
}
