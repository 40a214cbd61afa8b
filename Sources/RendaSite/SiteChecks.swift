import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// Editorial checks that are not errors in a single file: they need the whole site, or they are
/// advice rather than refusals. `renda build` and `renda check` both run them, so the two can
/// never disagree.
struct SiteChecks {
    let content: SiteContent
    let model: SiteModel
    let now: SiteDate
    let root: URL
    /// What the theme's archetypes give a new item to replace, by section.
    let examples: [SectionKind: ArchetypeExamples]

    /// `archetypeFolders` are the loaded theme's (`Theme.archetypeFolders`, child first); none
    /// when the theme did not load, and then the example text is not looked for.
    init(content: SiteContent, model: SiteModel, now: SiteDate, root: URL, archetypeFolders: [URL]) {
        self.content = content
        self.model = model
        self.now = now
        self.root = root
        examples = SiteChecks.archetypeExamples(in: archetypeFolders)
    }

    /// Each section's archetype, filled in as `renda new` fills it, read for its examples.
    static func archetypeExamples(in folders: [URL]) -> [SectionKind: ArchetypeExamples] {
        let names: [SectionKind: String] = [.news: "news", .reports: "report", .deputies: "deputy", .pages: "page"]
        let context = ThemeLoader.archetypeContext(yamlTitle: "\"示例\"", date: SiteDate(year: 2000, month: 1, day: 1)!, slug: "example")
        var examples: [SectionKind: ArchetypeExamples] = [:]
        for (kind, name) in names {
            guard let file = folders.map({ $0.appendingPathComponent("\(name).md") })
                      .first(where: { FileManager.default.fileExists(atPath: $0.path) }),
                  let text = try? String(contentsOf: file, encoding: .utf8),
                  case .success(let filled) = TemplateSet.renderStandalone(text, context: context) else { continue }
            examples[kind] = ArchetypeExamples(archetype: filled)
        }
        return examples
    }

    /// `images` are the files the build uses; `unpublished`, the source paths of the items it
    /// leaves out (drafts, items dated later).
    func run(images: [URL], unpublished: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        problems += itemNotes()
        problems += emptyTopics()
        problems += DuplicateItems.check(model)
        problems += model.parentPages.problems
        problems += unlistedDelegations()
        problems += largeImages(images)
        problems += unusedLooseFiles(used: images, unpublished: unpublished)
        return problems
    }

    /// Files beside the articles of a section that no article uses: an image put there for a
    /// single-file article is copied beside its page, anything else is left out of the site.
    private func unusedLooseFiles(used: [URL], unpublished: Set<String>) -> [Diagnostic] {
        guard !content.looseFiles.isEmpty else { return [] }
        let usedPaths = Set(used.map(\.standardizedFileURL.path))
        // Drafts and items dated later are not rendered by a build: one naming the file uses it.
        let waiting = content.items.filter { unpublished.contains($0.sourcePath) }
        return content.looseFiles.filter { file in
            !usedPaths.contains(content.root + "/" + file) && !waiting.contains { Self.item($0, names: file) }
                && !namedInAnotherCase(file)
        }.map { file in
            let (message, hint) = Self.looseFileAdvice(file)
            return .warning(SourceLocation(file: file), message, hint: hint)
        }
    }

    /// `李红.JPG` written `李红.jpg` in an item beside it: the reference's error names the file and
    /// the case to write; calling the file unused as well would contradict it.
    private func namedInAnotherCase(_ file: String) -> Bool {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let folder = String(file.dropLast(name.count))
        let lower = name.lowercased()
        // Asked only of files no item uses, which a site has few of, and of the single-file items
        // of their folder.
        return content.items.contains { item in
            item.sourcePath.hasPrefix(folder) && !item.isBundle
                && ([item.cover, item.deputy?.photo].contains { $0?.lowercased() == lower } || item.body.lowercased().contains(lower))
        }
    }

    /// What is said of a loose file no article uses. A text file is most likely an article saved
    /// by Notepad: `x.md.txt` shows as `x.md` where Windows hides extensions. Each gets the name
    /// to give it; other files, where articles and images go.
    static func looseFileAdvice(_ file: String) -> (message: String, hint: String) {
        let name = (file as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard ext.lowercased() == "txt" else {
            return ("不是 Markdown 文件，也没有文章用到它，已忽略",
                    "文章请用 .md 结尾；图片请在文章里用 ![说明](文件名) 引用，或放进文章文件夹、content/static/。")
        }
        if MarkdownFileName.matches(stem) {
            return ("文件名是 \(name)，Windows 可能隐藏了扩展名 .\(ext)，这篇文章没有发布",
                    "请改名为 \(stem)（在资源管理器的“查看”中勾选“文件扩展名”，就能看到完整的文件名）。")
        }
        return ("\(name) 是文本文件，不会发布，已忽略", "如果它是文章，请改名为 \(stem).md；只是说明的话，请在文件名前加 _（如 _\(name)）。")
    }

    /// Whether an item not rendered (a draft) names a loose file, by its file name: one that
    /// does keeps the file from the unused-file warning. `renda serve` asks it of edited drafts.
    static func item(_ item: Item, names looseFile: String) -> Bool {
        item.body.contains(looseFile.split(separator: "/").last.map(String.init) ?? looseFile)
    }

    private func itemNotes() -> [Diagnostic] {
        Array(content.items.indices).parallelMap { itemNotes(for: content.items[$0]) }.flatMap { $0 }
    }

    /// Drafts, future items, long titles and summaries, profiles without a portrait: one item's
    /// notes (`renda serve` redoes them for the file that changed).
    func itemNotes(for item: Item) -> [Diagnostic] {
        let config = content.config
        var problems: [Diagnostic] = []
        if item.draft {
            // A profile's draft says whose: the office looks down the list for the year's
            // deputies not finished yet.
            let whose = item.deputy.map { "：\($0.year) 年代表风采，\($0.delegation)“\($0.name)”" } ?? ""
            problems.append(Diagnostic(.info, at: item.location(of: .draft), "草稿，不会发布" + whose,
                                       hint: item.withheld == .fieldsInError ? "字段有误（见本文件的警告），改正之前预览（--drafts）也不显示它；改正后，准备发布时删去这一行。"
                                           : "准备发布时删去这一行（或把值改为 false）。"))
        } else if let date = item.date, date > now {
            problems.append(.warning(item.location(of: .date), "日期 \(date.chinese) 在未来，到那天之前不会发布",
                                     hint: "如果日期写错了请改正；预览时可用 renda build --drafts。"))
        }
        if item.title.count > config.maxTitleLength {
            problems.append(.warning(item.location(of: .title),
                                     "标题有 \(item.title.count) 个字，超过设定的 \(config.maxTitleLength) 个字",
                                     hint: "列表中过长的标题会折行，请精简；上限可在 site.yml 的 max_title_length 中调整。"))
        }
        if let summary = item.summary, summary.count > config.summaryLength {
            problems.append(.warning(item.location(of: .summary),
                                     "摘要有 \(summary.count) 个字，超过设定的 \(config.summaryLength) 个字",
                                     hint: "请精简摘要；上限是 site.yml 中的 summary_length。"))
        }
        var waiting: [Diagnostic] = []
        if let examples = examples[item.kind] {
            // A draft's examples are what is left to fill in: said now, as the draft's.
            if item.draft { waiting += examples.problems(in: item, published: false) }
            else { problems += examples.problems(in: item, published: item.date.map { $0 <= now } ?? true) }
        }
        if let deputy = item.deputy, deputy.photo == nil {
            waiting.append(.warning(SourceLocation(file: item.sourcePath, line: 1), "代表风采缺少照片（photo）",
                                    hint: photoHint(for: item)))
        }
        // The page and the collection show a portrait at 3:4, cropped from the middle: a
        // landscape photo (a group at work) may lose the deputy's head.
        if let photo = item.deputy?.photo, !photo.hasPrefix("/"), !photo.contains("://"),
           let size = ImageHeader.size(ofFileAt: item.sourceFolder + "/" + photo), size.width > size.height {
            waiting.append(.warning(item.location(of: .photo), "照片是横向的（\(size.width)×\(size.height)），页面和汇编按竖向证件照比例（3:4）从中间裁切，可能裁掉人像",
                                    hint: "换一张竖向的半身照，或先把照片裁成竖向（宽:高 约 3:4）再用。"))
        }
        return problems + (item.draft ? waiting.map { WaitingNote.waiting($0, note: WaitingNote.draft) } : waiting)
    }

    /// The picture already beside the profile when there is one (a camera's `IMG_5521.JPG`),
    /// else where a photo goes.
    private func photoHint(for item: Item) -> String {
        let pictures = item.isBundle ? (FileSystem.entries(in: item.sourceFolder) ?? [])
            .map(\.name).filter { PictureFormats.all.contains(($0 as NSString).pathExtension.lowercased()) }.sorted() : []
        if pictures.count == 1 {
            return "文件夹里有 \(pictures[0])：如果它是这位代表的照片，加一行 照片: \(pictures[0])"
        }
        if item.isBundle { return "把照片放在文章文件夹中，并加一行 photo: portrait.jpg（或 照片: portrait.jpg）。" }
        // A single-file profile has no folder of its own: the photo goes beside the file.
        let folder = String(item.sourcePath.prefix(upTo: item.sourcePath.lastIndex(of: "/") ?? item.sourcePath.endIndex))
        return "把照片放在这篇文章旁边（\(folder)/ 中），并加一行 photo: 照片的文件名（或 照片: 照片的文件名）；"
            + "照片较多时，可用 renda new deputy --bundle 为代表建文件夹。"
    }

    /// A menu or footer link to a page the site does not have is a broken link on every page.
    /// `waiting`: the site paths of the items not published yet, which a link may be meant for.
    static func menuLinks(_ menu: [MenuLink], inventory: SiteInventory, pages: [String], waiting: Set<String> = [],
                          what: String = "菜单") -> [Diagnostic] {
        menu.filter { $0.url.hasPrefix("/") && !$0.url.hasPrefix("//") && !inventory.contains($0.url) }.map { link in
            if waiting.contains(link.url) {
                return .error(SourceLocation(file: "content/site.yml", line: link.line),
                              "\(what)“\(link.name)”的链接 \(link.url) 指向的文章尚未发布（草稿或未到发布日期）",
                              hint: "等那篇文章发布后再加这个链接，或先删去这一项。")
            }
            let guess = Suggestion.closest(to: link.url, in: pages).map { "是否想写 \($0)？" } ?? "请改成站内已有页面的网址。"
            return .error(SourceLocation(file: "content/site.yml", line: link.line), "\(what)“\(link.name)”的链接 \(link.url) 指向的页面不存在",
                          hint: "\(guess)单页面的网址是 / 加它的文件名（如 content/pages/contact.md → /contact/）。")
        }
    }

    /// With `delegations` in site.yml, a profile's 选区 that is not among them is most likely
    /// written another way (城关 for 城关镇): the collection would give it a group of its own,
    /// after the others.
    private func unlistedDelegations() -> [Diagnostic] {
        let listed = Set(content.config.delegations)
        guard !listed.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for (_, groups) in model.deputyYears {
            for (delegation, indexes) in groups where !listed.contains(delegation) {
                // 城关镇第三选区 is in 城关镇; else the closest spelling (城关 → 城关镇).
                let guess = (content.config.delegations.first { delegation.hasPrefix($0) }
                    ?? Suggestion.closest(to: delegation, in: content.config.delegations)).map { "是否想写“\($0)”？" } ?? ""
                for index in indexes {
                    let item = model.items[index]
                    problems.append(.warning(item.location(of: .delegation),
                                             "选区“\(delegation)”不在 site.yml 的 delegations 中，汇编会把它单列在最后",
                                             hint: guess + "写成 delegations 里的名称；确是新的选区时，把它加进 site.yml 的 delegations。"))
                }
            }
        }
        return problems
    }

    /// A topic nobody has written for yet shows an empty page to readers.
    private func emptyTopics() -> [Diagnostic] {
        content.topics.topics.filter { model.byTopic[$0.slug]?.isEmpty ?? true }.map { topic in
            .warning(SourceLocation(file: "content/topics.yml", line: topic.line), "专题“\(topic.name)”还没有任何已发布的文章",
                     hint: "读者会看到一个空专题页；可在文章的 topics 中加上它，或暂时从 topics.yml 中删去。")
        }
    }

    /// Large photos load slowly on phones.
    private func largeImages(_ files: [URL]) -> [Diagnostic] {
        let limit = content.config.maxImageKB * 1024
        let prefix = root.standardizedFileURL.path + "/"
        var seen = Set<String>()
        var problems: [Diagnostic] = []
        for file in files where PictureFormats.all.contains(file.pathExtension.lowercased()) {
            let path = file.standardizedFileURL.path
            guard seen.insert(path).inserted,
                  let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit
            else { continue }
            let display = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            problems.append(.warning(SourceLocation(file: display), "图片有 \(size / 1024) KB，超过设定的 \(content.config.maxImageKB) KB",
                                     hint: "请压缩或缩小图片（宽 1600 像素以内的 JPEG 通常足够）；上限可在 site.yml 的 max_image_kb 中调整。"))
        }
        return problems
    }
}
