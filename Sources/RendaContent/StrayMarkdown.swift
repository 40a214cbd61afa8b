import RendaCore

/// Markdown that no section reads: saved straight into `content/`, or into a folder that is not
/// a section (`content/通知/`, `content/News/`). Nothing reads it, so it used to vanish without a
/// word. `content/static/` is copied as it is, and names starting with `.` or `_` are left out on
/// purpose, as in the section folders (a note for colleagues can be `_说明.md`).
enum StrayMarkdown {
    static func check(contentFolder: String) -> [Diagnostic] {
        guard let entries = FileSystem.entries(in: contentFolder) else { return [] }
        var problems: [Diagnostic] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where !isLeftOut(entry.name) {
            let display = "content/" + entry.name
            if entry.isDirectory {
                if SectionKind(rawValue: entry.name) != nil || entry.name == "static" { continue }
                let guess = Suggestion.closest(to: entry.name, in: SectionKind.allCases.map(\.rawValue))
                    .map { "是否想放在 content/\($0)/？" } ?? ""
                for file in markdownFiles(in: contentFolder + "/" + entry.name, display: display) {
                    problems.append(.warning(SourceLocation(file: file),
                                             "文件夹 content/\(entry.name)/ 不是栏目，其中的 Markdown 文件不会发布，已忽略",
                                             hint: guess + sectionsHint))
                }
            } else if MarkdownFileName.matches(entry.name) {
                problems.append(.warning(SourceLocation(file: display), "Markdown 文件直接放在 content/ 中，不属于任何栏目，不会发布，已忽略",
                                         hint: sectionsHint))
            }
        }
        return problems
    }

    /// Where articles go, every section named, and how to keep a note that is not one.
    static var sectionsHint: String {
        let sections = SectionKind.allCases.map { "content/\($0.rawValue)/（\($0.title)）" }.joined(separator: "、")
        return "请把文章移到栏目文件夹中：\(sections)。不需要发布的说明文件，请在文件名前加 _（如 _说明.md）。"
    }

    private static func isLeftOut(_ name: String) -> Bool { SystemFiles.contains(name) || name.hasPrefix("_") }

    /// Every Markdown file below a folder, as `content/…` paths in name order.
    static func markdownFiles(in folder: String, display: String) -> [String] {
        guard let entries = FileSystem.entries(in: folder) else { return [] }
        var files: [String] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where !isLeftOut(entry.name) {
            if entry.isDirectory {
                files += markdownFiles(in: folder + "/" + entry.name, display: display + "/" + entry.name)
            } else if MarkdownFileName.matches(entry.name) {
                files.append(display + "/" + entry.name)
            }
        }
        return files
    }
}
