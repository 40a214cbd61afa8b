import Foundation
import RendaCore
import Yams

/// A theme with its `extends` chain resolved: templates, UI strings and static folders merged so
/// that a child theme overrides only what it changes (Hugo's lookup order, one level per theme).
public struct Theme: Sendable {
    /// Theme names from the selected one to the last parent: `["county-red", "default"]`.
    public let chain: [String]
    public let templates: TemplateSet
    /// UI strings for the site's language, child keys over parent keys.
    public let strings: [String: String]
    /// `static/` folders, parent first, so copying them in order lets the child win.
    public let staticFolders: [URL]
    /// `archetypes/` folders, child first (used by `renda new`).
    public let archetypeFolders: [URL]
}

/// Finds and loads a theme and its parents from `<root>/themes/`.
public enum ThemeLoader {
    public static func load(root: URL, name: String, language: String) -> (Theme?, [Diagnostic]) {
        var (chain, folders, problems) = resolveChain(root: root, name: name)
        guard !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }

        var sources: [String: TemplateSource] = [:]
        var strings: [String: String] = [:]
        for (themeName, folder) in zip(chain, folders).reversed() {
            for source in templateSources(in: folder, themeName: themeName) { sources[source.name] = source }
            strings.merge(loadStrings(folder: folder, themeName: themeName, language: language, problems: &problems)) { _, child in child }
        }
        let (templates, templateProblems) = TemplateSet.compile(sources, folder: "themes/\(name)/templates", theme: name,
                                                                strings: strings, language: language)
        problems += templateProblems
        guard let templates, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let theme = Theme(
            chain: chain, templates: templates, strings: strings,
            staticFolders: folders.reversed().map { $0.appendingPathComponent("static") }
                .filter { FileManager.default.fileExists(atPath: $0.path) },
            archetypeFolders: folders.map { $0.appendingPathComponent("archetypes") }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        )
        return (theme, problems)
    }

    /// The archetype for a new item of `kind` (`news.md`, `deputy.md`…), child theme first,
    /// found without compiling the templates (a broken template must not stop `renda new`).
    public static func archetype(root: URL, theme: String, kind: String) -> URL? {
        resolveChain(root: root, name: theme).folders
            .map { $0.appendingPathComponent("archetypes/\(kind).md") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// What an archetype's `{{…}}` stand for: `renda new` fills them for the new item, and the
    /// check for example text left in published items fills them alike to read the examples.
    /// `yamlTitle` is the title already written as a YAML value.
    public static func archetypeContext(yamlTitle: String, date: SiteDate, slug: String) -> TemplateValue {
        ["title": yamlTitle, "date": date.isoDate, "year": String(date.year), "slug": slug] as TemplateValue
    }

    /// Theme names and folders from the selected theme to its last parent.
    private static func resolveChain(root: URL, name: String) -> (chain: [String], folders: [URL], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var chain: [String] = []
        var folders: [URL] = []
        var current: String? = name
        let themesFolder = root.appendingPathComponent("themes")
        while let themeName = current {
            if chain.contains(themeName) {
                problems.append(.error(SourceLocation(file: "themes/\(themeName)/theme.yml"),
                                       "主题继承形成循环：\((chain + [themeName]).joined(separator: " → "))",
                                       hint: "检查各主题 theme.yml 中的 extends。"))
                break
            }
            let folder = themesFolder.appendingPathComponent(themeName)
            guard FileManager.default.fileExists(atPath: folder.path) else {
                let available = (try? FileManager.default.contentsOfDirectory(atPath: themesFolder.path))?.sorted() ?? []
                let referrer = chain.last.map { "themes/\($0)/theme.yml" } ?? "content/site.yml"
                problems.append(.error(SourceLocation(file: referrer), "找不到主题“\(themeName)”（应在 themes/\(themeName)/）",
                                       hint: available.isEmpty ? "将默认主题放在 themes/default/。"
                                           : "可用的主题：\(available.joined(separator: "、"))。"))
                break
            }
            chain.append(themeName)
            folders.append(folder)
            current = parentName(of: folder, themeName: themeName, problems: &problems)
        }
        return (chain, folders, problems)
    }

    /// The `extends:` of `theme.yml`, if any.
    private static func parentName(of folder: URL, themeName: String, problems: inout [Diagnostic]) -> String? {
        let file = folder.appendingPathComponent("theme.yml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        do {
            let node = try Yams.compose(yaml: text)
            return node?.mapping?["extends"]?.string
        } catch {
            problems.append(.error(SourceLocation(file: "themes/\(themeName)/theme.yml"), "theme.yml 无法解析：\(error)",
                                   hint: "theme.yml 只需写 extends: default 这样的设置。"))
            return nil
        }
    }

    /// Every `*.mustache` under `templates/`, named by its path without the extension.
    private static func templateSources(in folder: URL, themeName: String) -> [TemplateSource] {
        let templates = folder.appendingPathComponent("templates")
        guard let enumerator = FileManager.default.enumerator(atPath: templates.path) else { return [] }
        var sources: [TemplateSource] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            let url = templates.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            sources.append(TemplateSource(name: String(path.dropLast(".mustache".count)),
                                          file: "themes/\(themeName)/templates/\(path)", text: text))
        }
        return sources.sorted { $0.name < $1.name }
    }

    /// `i18n/<language>.yml`: a flat map of UI strings.
    private static func loadStrings(folder: URL, themeName: String, language: String,
                                    problems: inout [Diagnostic]) -> [String: String] {
        let file = folder.appendingPathComponent("i18n/\(language).yml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        do {
            var strings: [String: String] = [:]
            for (key, value) in try Yams.compose(yaml: text)?.mapping ?? [:] {
                if let key = key.string, let value = value.string { strings[key] = value }
            }
            return strings
        } catch {
            problems.append(.error(SourceLocation(file: "themes/\(themeName)/i18n/\(language).yml"), "界面文字文件无法解析：\(error)",
                                   hint: "每行写成 键: 文字。"))
            return [:]
        }
    }
}
