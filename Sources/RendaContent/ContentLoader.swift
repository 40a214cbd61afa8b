import Foundation
import RendaCore

/// Everything read from `content/`: settings, topics and every item, drafts included.
public struct SiteContent: Sendable {
    /// Absolute path of the site root (the folder holding `content/` and `themes/`).
    public var root: String
    public var config: SiteConfig
    public var topics: TopicCatalog
    public var items: [Item]
    /// Content files that could not be read into an item (their errors are in the diagnostics).
    public var unreadable: [String] = []
    /// The bodies of those files that have one, as items with nothing else (`ItemParser.bodyAlone`):
    /// checked, never published. A draft among them has its errors as warnings.
    public var unreadableBodies: [Item] = []
    /// Unreadable files that are drafts: links to them are links to an unpublished item.
    public var unreadableDrafts: [String] { unreadableBodies.filter(\.draft).map(\.sourcePath) }
    /// Files in a section folder that are neither Markdown nor a bundle (`content/news/a.png`).
    /// An image beside a single-file article is used by it; the others are reported once the
    /// articles' links are known.
    public var looseFiles: [String] = []
}

/// Stage 1 (load) and 2 (validate): reads the content tree and reports every problem at once.
public struct ContentLoader {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    private var contentFolder: URL { root.appendingPathComponent("content") }

    public func load() -> (SiteContent?, Diagnostics) {
        load(cache: nil)
    }

    /// Reads one item file: `read` does the work, a cache may answer instead.
    package typealias ItemCache = @Sendable (_ source: Source, _ read: () -> (Item?, [Diagnostic])) -> (Item?, [Diagnostic])

    /// `renda serve` passes a cache that answers for files unchanged since it last read them.
    package func load(cache: ItemCache?) -> (SiteContent?, Diagnostics) {
        var diagnostics = Diagnostics()
        if let missing = missingContentFolder() {
            diagnostics.append(missing)
            return (nil, diagnostics)
        }
        let (config, configProblems) = loadConfig()
        diagnostics.append(contentsOf: configProblems)
        let (topics, topicProblems) = loadTopics()
        diagnostics.append(contentsOf: topicProblems)

        var looseFiles: [String] = []
        let sources = SectionKind.allCases.flatMap { findSources(in: $0, diagnostics: &diagnostics, looseFiles: &looseFiles) }
        diagnostics.append(contentsOf: StrayMarkdown.check(contentFolder: contentFolder.path))
        let parsed = sources.parallelMap { source in
            cache.map { $0(source) { readItem(source, topics: topics) } } ?? readItem(source, topics: topics)
        }
        var items: [Item] = []
        var unreadable: [String] = []
        var unreadableBodies: [Item] = []
        for (source, (item, problems)) in zip(sources, parsed) {
            if let item {
                items.append(item)
                diagnostics.append(contentsOf: problems)
                continue
            }
            unreadable.append(source.sourcePath)
            let body = readBodyAlone(source)
            if let body { unreadableBodies.append(body) }
            // A draft is not published: its fields' errors wait for it, as its links' do, and
            // one half-written draft does not stop the office's site from being built.
            diagnostics.append(contentsOf: body?.draft == true ? problems.map { WaitingNote.waiting($0, note: WaitingNote.draft) } : problems)
        }
        diagnostics.append(contentsOf: ContentValidator.check(items))
        diagnostics.append(contentsOf: CopiedFiles.check(&items))
        guard let config else { return (nil, diagnostics) }
        return (SiteContent(root: root.path, config: config, topics: topics, items: items,
                            unreadable: unreadable, unreadableBodies: unreadableBodies, looseFiles: looseFiles), diagnostics)
    }

    /// The error every command gives when the root has no `content/`: nil when it has. Run in a
    /// folder of a site (`content/news`, `site/`), the hint names the site and how to reach it;
    /// the command does not go there by itself, since the folder may be another site's.
    public func missingContentFolder() -> Diagnostic? {
        guard !FileManager.default.fileExists(atPath: contentFolder.path) else { return nil }
        var hint = "在站点根目录运行 renda，或用 --root 指定站点根目录。"
        if let site = enclosingSite {
            let inside = root.path.dropFirst(site.count + 1)
            let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
            hint = root.path == current
                ? "当前目录在站点 \(site) 的 \(inside) 里；请先 cd \(site)，或加上 --root \(site)。"
                : "\(root.path) 在站点 \(site) 的 \(inside) 里；请改用 --root \(site)。"
        }
        return .error(SourceLocation(file: "content"), "找不到 content 文件夹：\(contentFolder.path)", hint: hint)
    }

    /// The nearest folder above the root that holds `content/site.yml`.
    private var enclosingSite: String? {
        var folder = root.path
        while folder != "/" {
            folder = (folder as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: folder + "/content/site.yml") { return folder }
        }
        return nil
    }

    // MARK: - Settings

    private func readText(_ path: String, display: String) -> (String?, [Diagnostic]) {
        guard let bytes = FileSystem.readBytes(path) else {
            return (nil, [.error(SourceLocation(file: display), "无法读取文件", hint: "检查文件是否存在以及读取权限。")])
        }
        switch SourceText.decode(bytes) {
        case .success(let source):
            var problems: [Diagnostic] = []
            if source.encoding != .utf8 {
                problems.append(.warning(SourceLocation(file: display),
                                         "文件编码为 \(source.encoding.rawValue)，已按此编码读取",
                                         hint: "请在编辑器中“另存为”UTF-8 编码，以免其他工具显示乱码。"))
            }
            return (source.text, problems)
        case .failure(.binary):
            return (nil, [.error(SourceLocation(file: display), "这不是文本文件（含有二进制数据）",
                                 hint: "Markdown 文件应为纯文本；图片等文件请放在页面文件夹或 content/static 中。")])
        case .failure(.strayBytes(let line)):
            return (nil, [.error(SourceLocation(file: display, line: line),
                                 "这一行有不是 UTF-8 编码的字符（文件其余部分是 UTF-8），会显示成乱码",
                                 hint: "这一行多半是从其他文档复制来的：在编辑器里找到显示为乱码或方框的字，删掉后重新输入，再保存为 UTF-8。")])
        case .failure(.undecodable):
            return (nil, [.error(SourceLocation(file: display),
                                 "文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK",
                                 hint: "用记事本或 WPS 打开后选择“另存为”，编码选 UTF-8。")])
        }
    }

    private func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// `content/site.yml` alone (for commands that need the settings but not the items).
    public func loadConfig() -> (SiteConfig?, [Diagnostic]) {
        let url = contentFolder.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (nil, [.error(SourceLocation(file: relative(url)), "缺少站点设置文件 content/site.yml",
                                 hint: "复制示例站点的 content/site.yml 并修改标题和网址。")])
        }
        let (text, problems) = readText(url.path, display: relative(url))
        guard let text else { return (nil, problems) }
        let (config, configProblems) = SiteConfig.parse(text, file: relative(url))
        return (config, problems + configProblems)
    }

    private func loadTopics() -> (TopicCatalog, [Diagnostic]) {
        let url = contentFolder.appendingPathComponent("topics.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return (TopicCatalog([]), []) }
        let (text, problems) = readText(url.path, display: relative(url))
        guard let text else { return (TopicCatalog([]), problems) }
        let (catalog, topicProblems) = TopicCatalog.parse(text, file: relative(url))
        return (catalog, problems + topicProblems)
    }

    // MARK: - Items

    package struct Source: Sendable {
        package var kind: SectionKind
        /// The file's absolute path.
        package var file: String
        var isBundle: Bool
        var slugSource: String
        /// `content/news/x.md`, as messages and the model show it.
        var sourcePath: String
        /// The absolute folder the file is in, for resolving its relative links.
        var folder: String
    }

    /// The items of one section folder: `*.md` and `*.markdown` files and folders with `index.md`, in name order;
    /// other files go to `looseFiles`.
    private func findSources(in kind: SectionKind, diagnostics: inout Diagnostics, looseFiles: inout [String]) -> [Source] {
        // Paths are joined as strings (the same ones URL would give): this runs once per item.
        let folder = contentFolder.appendingPathComponent(kind.rawValue)
        let folderPath = folder.path
        let display = "content/" + kind.rawValue + "/"
        guard let entries = FileSystem.entries(in: folderPath) else { return [] }
        var sources: [Source] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where !SystemFiles.contains(entry.name) && !entry.name.hasPrefix("_") {
            let name = entry.name
            let path = folderPath + "/" + name
            if entry.isDirectory {
                let index = path + "/index.md"
                if FileManager.default.fileExists(atPath: index) {
                    sources.append(Source(kind: kind, file: index, isBundle: true, slugSource: name,
                                          sourcePath: display + name + "/index.md", folder: folderPath + "/" + name))
                } else if let text = Self.textInPlaceOfIndex(in: path),
                          // A dated article alone in an undated folder (`2026/2026-11-22-x.md`)
                          // was sorted into a folder, not meant as the folder's text.
                          !(Slug.datePrefix(of: text) != nil && Slug.datePrefix(of: name) == nil) {
                    let otherCase = text.lowercased() == "index.md"
                    diagnostics.append(.warning(SourceLocation(file: display + name + "/" + text),
                                                "正文文件名应为\(otherCase ? "小写的 " : " ")index.md，这里是 \(text)，整个文件夹已忽略",
                                                hint: "把 \(text) 改名为 index.md\(otherCase ? "（全部小写）" : "")，文章才会发布。"))
                } else if case let articles = StrayMarkdown.markdownFiles(in: path, display: display + name), !articles.isEmpty {
                    // `content/news/2024年/`: articles sorted into a folder of their own, which
                    // is read as a bundle without its index.md. Each is named: none is published.
                    for article in articles {
                        diagnostics.append(.warning(SourceLocation(file: article), "这篇文章在文件夹 \(display + name)/ 里，不会发布",
                                                    hint: "栏目文件夹里不能再分文件夹：请把文章移到 \(display) 中（文件名开头的日期已按时间排好）。"
                                                        + "带图片的文章才单独建文件夹，正文写在其中的 index.md 里；"
                                                        + "不需要发布的材料放在以 _ 开头的文件夹里（如 \(display)_素材/）。"))
                    }
                } else {
                    diagnostics.append(.warning(SourceLocation(file: display + name), "文件夹中没有 index.md，已忽略",
                                                hint: "带图片的文章应为一个文件夹，正文写在其中的 index.md 里。"))
                }
            } else if MarkdownFileName.matches(name) {
                sources.append(Source(kind: kind, file: path, isBundle: false, slugSource: name,
                                      sourcePath: display + name, folder: folderPath))
            } else {
                looseFiles.append(display + name)
            }
        }
        return sources
    }

    /// The file meant as a bundle's `index.md`, in a folder without one: `Index.md`, `INDEX.MD`…
    /// (on a case-insensitive disk, Windows or macOS, it passes for `index.md`, on Linux it is
    /// another name), else the folder's only Markdown file (`文章.md`, `index.markdown`). Notes
    /// (`_说明.md`) are not counted.
    private static func textInPlaceOfIndex(in folder: String) -> String? {
        let files = (FileSystem.entries(in: folder) ?? []).filter {
            !$0.isDirectory && !SystemFiles.contains($0.name) && !$0.name.hasPrefix("_")
        }
        if let otherCase = files.first(where: { $0.name.lowercased() == "index.md" }) { return otherCase.name }
        let markdown = files.filter { MarkdownFileName.matches($0.name) }
        return markdown.count == 1 ? markdown[0].name : nil
    }

    /// A file that gave no item, read again for its body (only files with errors come here).
    private func readBodyAlone(_ source: Source) -> Item? {
        guard let text = readText(source.file, display: source.sourcePath).0 else { return nil }
        return ItemParser.bodyAlone(of: text, kind: source.kind, sourcePath: source.sourcePath, sourceFolder: source.folder,
                                    isBundle: source.isBundle, slugSource: source.slugSource)
    }

    /// One item file (`renda serve` reads again only the file that was saved).
    package func readItem(_ source: Source, topics: TopicCatalog) -> (Item?, [Diagnostic]) {
        let (text, readProblems) = readText(source.file, display: source.sourcePath)
        guard let text else { return (nil, readProblems) }
        var parser = ItemParser(
            kind: source.kind, sourcePath: source.sourcePath,
            sourceFolder: source.folder,
            isBundle: source.isBundle, slugSource: source.slugSource, topics: topics
        )
        guard var item = parser.parse(text) else { return (nil, readProblems + parser.problems) }
        let problems = readProblems + parser.problems
        // A draft with a field in error (an empty 工作单位及职务, a 性别 of 男性) stops no build
        // either: it is checked as a draft, and shown nowhere until mended.
        guard item.draft, problems.contains(where: { $0.severity == .error }) else { return (item, problems) }
        item.withheld = .fieldsInError
        return (item, problems.map { WaitingNote.waiting($0, note: WaitingNote.draft) })
    }
}
