import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// The kinds `renda new` creates, by the word staff type.
public enum NewItemKind: String, CaseIterable, Sendable {
    case news, report, deputy, page

    public var section: SectionKind {
        switch self {
        case .news: .news
        case .report: .reports
        case .deputy: .deputies
        case .page: .pages
        }
    }

    /// The short Chinese word accepted for the kind (`动态`).
    public var chineseWord: String {
        switch self {
        case .news: "动态"
        case .report: "报告"
        case .deputy: "代表"
        case .page: "页面"
        }
    }

    /// The kinds as messages list them: `news（或 动态）、report（或 报告）、…`.
    public static var listed: String { allCases.map { "\($0.rawValue)（或 \($0.chineseWord)）" }.joined(separator: "、") }

    /// Accepts the archetype name, the section folder or the Chinese section name.
    public init?(word: String) {
        switch word {
        case "news", "动态", "工作动态": self = .news
        case "report", "reports", "报告", "工作报告": self = .report
        case "deputy", "deputies", "代表", "代表风采": self = .deputy
        case "page", "pages", "页面": self = .page
        default: return nil
        }
    }
}

/// Why `renda new` wrote nothing.
public struct NewItemError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Creates a new content file from the theme's archetype for its kind.
public struct NewItem {
    public let root: URL
    public let kind: NewItemKind
    /// The title, or for a deputy the deputy's name.
    public let title: String
    public let bundle: Bool
    /// The URL name asked for, or the title's pinyin; `create()` adds `-2`, `-3`… to the latter
    /// when another item of the section already has it.
    public let slug: String
    /// Whether `slug` was given with `--slug` (then it is used as it is, or refused).
    let slugIsExplicit: Bool
    public let today: SiteDate

    public init(root: URL, kind: NewItemKind, title: String, bundle: Bool, slug: String? = nil, today: SiteDate) {
        self.root = root
        self.kind = kind
        self.title = title.trimmingSpaces()
        self.bundle = bundle
        self.today = today
        self.slug = slug ?? NewItem.slug(for: self.title)
        slugIsExplicit = slug != nil
    }

    /// Pinyin of the title, at most twelve syllables: enough to tell 第十三次会议 from 第十四次
    /// after the 县人大常委会召开 most headlines start with, short enough to read.
    static func slug(for title: String) -> String {
        let full = Slug.fromFileName(title)
        let words = full.split(separator: "-")
        return words.count > 12 ? words.prefix(12).joined(separator: "-") : full
    }

    /// The file to create, relative to the root: `content/news/2026-11-22-<slug>.md` or, for a
    /// bundle, `content/news/2026-11-22-<slug>/index.md`. Pages carry no date.
    func relativePath(slug: String) -> String {
        bundle ? baseName(slug: slug) + "/index.md" : baseName(slug: slug) + ".md"
    }

    /// `content/news/2026-11-22-<slug>`: the file without `.md`, or the bundle folder.
    private func baseName(slug: String) -> String {
        "content/\(kind.section.rawValue)/" + (kind == .page ? slug : "\(today.isoDate)-\(slug)")
    }

    /// The section's files and bundles by the URL name their names give (`2024-03-05-huiyi.md`
    /// and `2023-01-09-huiyi/` are both `huiyi`: the same address).
    private func existingSlugs() -> [String: String] {
        let folder = "content/\(kind.section.rawValue)"
        var slugs: [String: String] = [:]
        for entry in FileSystem.entries(in: root.appendingPathComponent(folder).path) ?? [] {
            guard entry.isDirectory || MarkdownFileName.matches(entry.name) else { continue }
            slugs[Slug.fromFileName(entry.name)] = "\(folder)/\(entry.name)"
        }
        return slugs
    }

    /// The URL name to use: `slug`, or for one made from the title and already taken by an item
    /// with another title, the first free `slug-2`, `slug-3`…. The same title again is refused:
    /// it is most likely the same article made twice.
    private func availableSlug() throws -> (slug: String, earlier: Profile?) {
        let taken = existingSlugs()
        // A deputy is profiled again each year: the same name in another year's profile is the
        // next one, under that profile's address with the year (deng-haiyan-2025), whatever
        // the earlier profile's title or the way its address was spelled.
        if kind == .deputy, !slugIsExplicit, let earlier = latestProfile(named: title, in: taken) {
            let yearly = "\(earlier.base)-\(today.year)"
            guard earlier.year != today.year, taken[yearly] == nil else {
                throw NewItemError(description: "今年已有“\(title)”的代表风采：\(taken[yearly] ?? earlier.file)，没有做任何改动。"
                    + "同名的另一位代表请用 --slug 指定网址名，例如 --slug \(slug)-chengguan。")
            }
            return (yearly, earlier)
        }
        guard let clash = taken[slug] else { return (slug, nil) }
        let clashText = FileSystem.readBytes(root.appendingPathComponent(clash).path
            + (MarkdownFileName.matches(clash) ? "" : "/index.md")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let sameTitle = clashText.contains(NewItem.yamlString(title)) || clashText.contains("title: \(title)\n")
        if slugIsExplicit || sameTitle {
            let what = kind == .deputy ? "已有“\(title)”的代表风采：\(clash)，没有做任何改动。同名的另一位代表请用 --slug 指定网址名，例如 --slug \(slug)-chengguan。"
                : "已有同名文件：\(clash)，没有做任何改动。请换一个标题，或用 --slug 指定其他网址名。"
            throw NewItemError(description: what)
        }
        var number = 2
        while taken["\(slug)-\(number)"] != nil { number += 1 }
        return ("\(slug)-\(number)", nil)
    }

    /// An earlier profile of the deputy a new one is for.
    struct Profile {
        /// Relative to the root: the `.md` file or the bundle folder.
        var file: String
        /// Its address without a year at the end (`deng-haiyan` of `deng-haiyan-2024`).
        var base: String
        var year: Int
        var fields: [Field: String]
    }

    /// The newest profile of a deputy of this name (its `name` or `姓名` line, read as the
    /// collection prints names). Only files holding the name are read as YAML.
    private func latestProfile(named name: String, in files: [String: String]) -> Profile? {
        let wanted = DeputyFields.name(name)
        var latest: Profile? = nil
        for (slug, file) in files {
            let path = root.appendingPathComponent(file).path + (MarkdownFileName.matches(file) ? "" : "/index.md")
            guard let bytes = FileSystem.readBytes(path) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.contains(wanted) || text.contains(name) else { continue }
            let fields = DeputyFields.writtenFields(of: text)
            let fileName = file.split(separator: "/").last.map(String.init) ?? file
            guard fields[.name].map(DeputyFields.name) == wanted,
                  let year = (fields[.year].map { Int(DeputyFields.narrowDigits($0).prefix(4)) } ?? nil) ?? Int(fileName.prefix(4))
            else { continue }
            var base = Substring(slug)
            if let dash = base.lastIndex(of: "-"), base[base.index(after: dash)...].count == 4,
               base[base.index(after: dash)...].allSatisfy({ $0.isASCII && $0.isNumber }) { base = base[..<dash] }
            if latest.map({ year > $0.year }) ?? true { latest = Profile(file: file, base: String(base), year: year, fields: fields) }
        }
        return latest
    }

    /// What `create()` wrote: the file, relative to the root, and for a returning deputy the
    /// earlier profile whose details it carries over.
    public struct Created {
        public var path: String
        public var carriedFrom: String?
    }

    /// Writes the file, refusing to replace anything already there.
    @discardableResult
    public func create() throws -> Created {
        guard !title.isEmpty else { throw NewItemError(description: "请给出标题，例如：renda new news \"县人大常委会召开第十次会议\"") }
        guard Slug.isValid(slug) else {
            throw NewItemError(description: "网址名“\(slug)”只能包含小写英文字母、数字和连字符，例如 --slug changweihui-huiyi")
        }
        let (config, _) = ContentLoader(root: root).loadConfig()
        if let missing = ContentLoader(root: root).missingContentFolder() {
            throw NewItemError(description: missing.message + (missing.hint.map { "\n提示：" + $0 } ?? ""))
        }
        let (slug, earlier) = try availableSlug()
        let theme = config?.theme ?? "default"
        guard let archetype = ThemeLoader.archetype(root: root, theme: theme, kind: kind.rawValue) else {
            throw NewItemError(description: "主题“\(theme)”中没有 archetypes/\(kind.rawValue).md 模板。")
        }
        let context = ThemeLoader.archetypeContext(yamlTitle: NewItem.yamlString(title), date: today, slug: slug)
        var text: String
        switch TemplateSet.renderStandalone(try String(contentsOf: archetype, encoding: .utf8), context: context) {
        case .success(let rendered): text = rendered
        case .failure(let error):
            let file = archetype.path.replacingOccurrences(of: root.path + "/", with: "")
            throw NewItemError(description: "\(file):\(error.line): 模板语法错误：\(error.message)")
        }
        if let earlier { text = NewItem.carryingOver(earlier.fields, year: earlier.year, into: text) }
        let relativePath = relativePath(slug: slug)
        let file = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // `.withoutOverwriting` makes the refusal hold even against a file created meanwhile.
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        return Created(path: relativePath, carriedFrom: earlier?.file)
    }

    /// Details that last from one year's profile to the next (性别, 民族, 出生年月, 政治面貌, 工作单位及职务,
    /// 选区, 代表级别, 届次), taken from the deputy's earlier profile into the archetype's lines in
    /// place of its examples, each marked to be checked: a post or a 选区 may have changed.
    static func carryingOver(_ written: [Field: String], year: Int, into text: String) -> String {
        let lasting: Set<Field> = [.gender, .ethnicity, .born, .party, .occupation, .delegation, .level, .term]
        var inFields = false, fenceCount = 0
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.elementsEqual("---") { fenceCount += 1; inFields = fenceCount == 1; return String(line) }
            guard inFields, let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"),
                  let field = Field(key: String(line[..<colon])), lasting.contains(field),
                  let value = written[field] else { return String(line) }
            return "\(line[..<colon]): \(yamlString(value))  # 沿用\(year)年的代表风采，请核对"
        }.joined(separator: "\n")
    }

    /// A double-quoted YAML string (JSON's escaping is valid YAML), safe for any title.
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
