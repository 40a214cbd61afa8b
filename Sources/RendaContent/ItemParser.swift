import RendaCore
import Yams

/// Turns one file's front matter and body into an `Item`, checking every field's value.
struct ItemParser {
    let kind: SectionKind
    let sourcePath: String
    let sourceFolder: String
    let isBundle: Bool
    /// File or folder name the default slug comes from.
    let slugSource: String
    let topics: TopicCatalog

    private(set) var problems: [Diagnostic] = []

    mutating func parse(_ source: String) -> Item? {
        let (parsed, frontMatterProblems) = FrontMatter.parse(source, file: sourcePath)
        problems += frontMatterProblems
        guard let matter = parsed else { return nil }

        for (field, entry) in matter.entries {
            if let only = field.onlyFor, only != kind {
                problems.append(.warning(at(entry), "字段“\(entry.key)”只用于\(only.title)，在\(kind.title)中会被忽略",
                                         hint: "如不需要请删除这一行。"))
            }
        }

        let title = requiredText(.title, in: matter)
        let date = kind.isDated ? parseDate(matter) : optionalDate(matter)
        let slug = parseSlug(matter)
        var item = Item(.init(
            kind: kind, sourcePath: sourcePath, sourceFolder: sourceFolder, isBundle: isBundle,
            slug: slug, path: Item.path(kind: kind, slug: slug), title: title ?? "", date: date, topics: parseTopics(matter),
            summary: text(.summary, in: matter), draft: parseFlag(.draft, in: matter),
            author: text(.author, in: matter), source: text(.source, in: matter), cover: text(.cover, in: matter),
            aliases: parseAliases(matter), deputy: nil, report: nil, body: matter.body, bodyLine: matter.bodyLine,
            fieldLines: matter.entries.mapValues(\.line)
        ))
        if kind == .deputies {
            item.deputy = parseDeputy(matter, date: date)
            if item.deputy != nil { checkEmptyDetails(matter, draft: item.draft) }
        }
        item.markedExamples = matter.fieldsMarkedAsExamples()
        if kind == .reports { item.report = parseReport(matter) }
        if kind == .pages { item.parent = text(.parent, in: matter) }
        if let title { checkOpening(of: matter, title: title) }
        return title == nil ? nil : item
    }

    /// For a file whose fields could not be read: an item holding its body alone, so the body's
    /// Markdown and links are checked in the same round as the fields (staff would otherwise mend
    /// the fields, check again, and only then learn of the body's problems). Never published.
    /// Nil when the file has no body to find (no `---` lines, or dashes meant as them). A `draft: true` line is honoured
    /// as written, so a draft's body problems stay warnings.
    static func bodyAlone(of source: String, kind: SectionKind, sourcePath: String, sourceFolder: String,
                          isBundle: Bool, slugSource: String) -> Item? {
        guard let split = FrontMatter.split(source) ?? FrontMatter.lenientSplit(source) else { return nil }
        let draft = split.yaml.split(separator: "\n").contains { line in
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
            guard parts.count == 2, Field(key: parts[0].trimmingSpaces()) == .draft else { return false }
            return YAMLSupport.flag(parts[1].trimmingSpaces()) == true
        }
        let slug = Slug.fromFileName(slugSource)
        return Item(.init(
            kind: kind, sourcePath: sourcePath, sourceFolder: sourceFolder, isBundle: isBundle,
            slug: slug, path: Item.path(kind: kind, slug: slug), title: "", date: nil, topics: [],
            summary: nil, draft: draft, author: nil, source: nil, cover: nil, aliases: [], deputy: nil, report: nil,
            body: split.body, bodyLine: split.bodyLine, fieldLines: [:]
        ))
    }

    /// A body left empty publishes a page with a title alone; a body opening with the title (as
    /// a heading, in bold or plain: pasted with the document) shows it twice, since the page prints it.
    private mutating func checkOpening(of matter: FrontMatter, title: String) {
        // Bytes, not Characters: every item's body is read here, and only to its first text.
        let body = matter.body.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let start = body.firstIndex(where: { !isSpace($0) }) else {
            problems.append(.warning(SourceLocation(file: sourcePath, line: matter.bodyLine - 1), "正文是空的，网页上只有标题",
                                     hint: "在最后一行 --- 下面写正文；还没写好的文章先加上 draft: true，写好再发布。"))
            return
        }
        let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
        // As a heading (`# 标题`), in bold (`**标题**`) or plain: only a line about the title's
        // length can be it, which most first lines (a paragraph) are not.
        let length = body.distance(from: start, to: end), titleLength = title.utf8.count
        guard length >= titleLength, length <= titleLength + 12 else { return }
        let first = matter.body[start..<end].trimmingSpaces()
        let shown: Substring
        if first.hasPrefix("#") {
            let heading = first.drop { $0 == "#" }
            guard heading.first == " " else { return }
            shown = heading
        } else if first.count > 4, first.hasPrefix("**"), first.hasSuffix("**") {
            shown = first.dropFirst(2).dropLast(2)
        } else {
            shown = first[...]
        }
        // With a full stop added (县人大常委会召开会议。), it is the title still.
        let line = shown.trimmingSpaces()
        guard line == title.trimmingSpaces() || (line.hasSuffix("。") && line.dropLast() == title.trimmingSpaces()) else { return }
        let offset = body[..<start].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        problems.append(.warning(SourceLocation(file: sourcePath, line: matter.bodyLine + offset),
                                 "正文第一行又写了一遍标题，网页上标题会显示两次",
                                 hint: "网页会用“\(matter.key(for: .title))”字段显示标题，请删去正文里的这一行。"))
    }

    // MARK: - Fields

    private func at(_ entry: FrontMatter.Entry) -> SourceLocation {
        SourceLocation(file: sourcePath, line: entry.line)
    }

    private var topOfFile: SourceLocation { SourceLocation(file: sourcePath, line: 1) }

    private mutating func text(_ field: Field, in matter: FrontMatter) -> String? {
        guard let entry = matter[field] else { return nil }
        if entry.value.scalar == nil {
            problems.append(.error(at(entry), "字段“\(entry.key)”应为一段文字", hint: "写成 \(entry.key): 内容"))
            return nil
        }
        guard let value = entry.value.text, !value.isEmpty else { return nil }
        if let cut = matter.cutByComment(entry, value: value, file: sourcePath) { problems.append(cut) }
        if let mixed = mixedQuotes(entry, value: value) { problems.append(mixed) }
        return value
    }

    /// `标题: “会议"`: an English quote beside Chinese text (closing a Chinese one, typed with the
    /// input method switched) is published as typed. Quoted values are YAML's quotes, not text.
    private func mixedQuotes(_ entry: FrontMatter.Entry, value: String) -> Diagnostic? {
        guard value.utf8.contains(UInt8(ascii: "\"")), entry.value.scalar?.style == .plain,
              value.unicodeScalars.contains(where: { $0.properties.isIdeographic || $0 == "“" || $0 == "”" }) else { return nil }
        var open = false
        let fixed = String(value.map { character -> Character in
            switch character {
            case "“": open = true; return character
            case "”": open = false; return character
            case "\"": open.toggle(); return open ? "“" : "”"
            default: return character
            }
        })
        return .warning(at(entry), "“\(entry.key)”里有英文引号 \"，网页上会照原样显示：\(value)",
                        hint: "中文里的引号用中文引号：\(entry.key): \(fixed)")
    }

    private mutating func requiredText(_ field: Field, in matter: FrontMatter) -> String? {
        if matter[field] == nil {
            problems.append(.error(topOfFile, "缺少必填字段 \(field.displayName)",
                                   hint: "在两行 --- 之间加一行 \(matter.key(for: field)): …"))
            return nil
        }
        let value = text(field, in: matter)
        if value == nil, let entry = matter[field], entry.value.scalar != nil {
            problems.append(.error(at(entry), "字段 \(field.displayName)不能为空",
                                   hint: matter.commentHint(entry) ?? "在冒号后填写内容。"))
        }
        return value
    }

    private mutating func parseDate(_ matter: FrontMatter) -> SiteDate? {
        let named = Slug.datePrefix(of: slugSource)
        guard let entry = matter[.date] else {
            let example = named?.isoDate
            problems.append(.error(topOfFile, "缺少必填字段 \(Field.date.displayName)",
                                   hint: (example.map { "文件名里的日期是 \($0)：" } ?? "")
                                       + "在两行 --- 之间加一行 \(matter.key(for: .date)): \(example ?? "2023-06-30")"))
            return nil
        }
        let date = optionalDate(matter)
        // `2024-06-09-huiyi.md` dated 2023-01-01: one of the two was mistyped, and lists sort by
        // the front matter while staff look for the file by its name.
        if let date, let named, (date.year, date.month, date.day) != (named.year, named.month, named.day) {
            problems.append(.warning(at(entry), "日期 \(date.chinese) 与文件名里的日期 \(named.chinese) 不一致",
                                     hint: "网页上显示、排序用的是 \(entry.key) 的日期；请改正写错的那一个（文件名里的日期不影响网址）。"))
        }
        return date
    }

    private mutating func optionalDate(_ matter: FrontMatter) -> SiteDate? {
        guard let entry = matter[.date] else { return nil }
        guard let raw = entry.value.text else {
            problems.append(.error(at(entry), "日期不能为空", hint: matter.commentHint(entry) ?? "写成 \(entry.key): 2023-06-30"))
            return nil
        }
        // Full-width digits and marks (２０２３－０６－３０, typed with the Chinese input method)
        // read as what they show.
        let halfWidth = CJK.halfWidth(raw)
        switch SiteDate.parse(halfWidth) {
        case .success(let date):
            return date
        case .failure(.impossible):
            problems.append(.error(at(entry), "日期“\(raw)”不存在", hint: "检查月份和日期，例如 2 月没有 30 日。"))
        case .failure(.malformed):
            // `3月5日`: the year is what is missing.
            let yearless = halfWidth.range(of: #"^\d{1,2}月\d{1,2}日"#, options: .regularExpression) != nil
            problems.append(.error(at(entry), yearless ? "日期“\(raw)”缺少年份" : "无法识别的日期“\(raw)”",
                                   hint: "请写成 2023-06-30，或带时间 2023-06-30 09:30（北京时间）。"))
        }
        return nil
    }

    private mutating func parseSlug(_ matter: FrontMatter) -> String {
        if let entry = matter[.slug], let raw = entry.value.text, !raw.isEmpty {
            if Slug.isValid(raw) { return raw }
            // A whole address copied from the browser means its last part; Chinese, its pinyin.
            let lastPart = raw.contains("://") || raw.hasPrefix("/")
                ? raw.split(separator: "/").last.map(String.init) ?? raw : raw
            let fixed = Slug.isValid(lastPart) ? lastPart : Slug.fromFileName(lastPart)
            let key = entry.key.utf8.allSatisfy { $0 < 0x80 } ? entry.key + " " : entry.key
            problems.append(.error(at(entry), "\(key)“\(raw)”只能包含小写英文字母、数字和连字符",
                                   hint: "例如 \(entry.key): \(Slug.isValid(fixed) ? fixed : "changweihui-huiyi")"
                                       + (raw.contains("://") ? "（只写网址最后一段，不写整个网址）" : "")))
        }
        return Slug.fromFileName(slugSource)
    }

    private mutating func parseFlag(_ field: Field, in matter: FrontMatter) -> Bool {
        guard let entry = matter[field] else { return false }
        guard let flag = entry.value.flag else {
            problems.append(.error(at(entry), "字段“\(entry.key)”应为 true 或 false", hint: "草稿写 draft: true，发布时删去或改为 false。"))
            return false
        }
        return flag
    }

    private mutating func parseTopics(_ matter: FrontMatter) -> [String] {
        guard let entry = matter[.topics] else { return [] }
        let values: [(String, Int)]
        // 专题: 监督工作、代表工作 — staff separate names with 、 or commas, Chinese ones inside
        // brackets too ([监督工作，代表工作] is one YAML item), and write list items with the dash
        // the Chinese input method types (`－ 监督工作` on lines of their own is one text to YAML).
        // A name that is itself a topic stays whole.
        func names(_ text: String) -> [String] {
            let dashed = text.first.map { "－—–".contains($0) } ?? false
            return topics.topic(named: text) != nil ? [text]
                : text.split(whereSeparator: { "、,，;；".contains($0) || (dashed && "－—–".contains($0)) })
                    .map { String($0).trimmingSpaces() }
        }
        if let list = entry.value.sequence {
            values = list.flatMap { node in
                (node.text.map(names) ?? []).map { ($0, (node.line ?? 0) + 1) }
            }
        } else if let single = entry.value.text {
            values = names(single).map { ($0, entry.line) }
        } else {
            values = []
        }
        var slugs: [String] = []
        for (value, line) in values where !value.isEmpty {
            if let topic = topics.topic(named: value) {
                if !slugs.contains(topic.slug) { slugs.append(topic.slug) }
            } else {
                // `监督工作 代表工作`: two names apart by a space, which is no separator.
                let words = value.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
                let spaced = words.count > 1 && words.allSatisfy { topics.topic(named: $0) != nil }
                let hint = spaced ? "多个专题之间用顿号或逗号隔开：\(entry.key): \(words.joined(separator: "、"))。"
                    : topics.suggestion(for: value).map { "是否想写“\($0)”？" } ?? ""
                // A new topic is added in one place, which the message says, with the lines to add.
                let slug = Slug.transliterated(value) ?? "xin-zhuanti"
                problems.append(.error(SourceLocation(file: sourcePath, line: line), "专题“\(value)”不在 topics.yml 中",
                                       hint: hint + "可用的专题：\(topics.topics.map(\.name).joined(separator: "、"))。"
                                           + (spaced ? "" : "要新设这个专题，在 content/topics.yml 末尾照已有的专题加一项"
                                               + "（slug: \(slug)，name: \(value)，description: 一句话介绍）。")))
            }
        }
        return slugs
    }

    /// One address, or a list of them. Whether each can be served is decided with the site's
    /// settings (`Redirects` in RendaSite).
    private mutating func parseAliases(_ matter: FrontMatter) -> [Alias] {
        guard let entry = matter[.aliases] else { return [] }
        if entry.value.scalar != nil {
            // One address, or none when left empty (`旧网址:`).
            return entry.value.text.flatMap { $0.isEmpty ? nil : [Alias(address: $0, line: entry.line)] } ?? []
        }
        guard let list = entry.value.sequence else {
            problems.append(.error(at(entry), "字段“\(entry.key)”应为一个网址或网址列表",
                                   hint: "写成 \(entry.key): /news/old-slug/，多个时每行一个：- /art/2023/6/30/art_1_2.html"))
            return []
        }
        var aliases: [Alias] = []
        for node in list {
            let line = (node.line ?? 0) + 1
            guard let text = node.text, !text.isEmpty else {
                problems.append(.error(SourceLocation(file: sourcePath, line: line), "旧网址应为一个网址",
                                       hint: "每行写一个，例如 - /news/old-slug/"))
                continue
            }
            aliases.append(Alias(address: text, line: line))
        }
        return aliases
    }

    private mutating func parseDeputy(_ matter: FrontMatter, date: SiteDate?) -> DeputyProfile? {
        let name = requiredText(.name, in: matter).map(DeputyFields.name)
        let delegation = requiredText(.delegation, in: matter)
        // The collection prints these for every deputy; a profile without them is incomplete.
        var gender = requiredText(.gender, in: matter)
        if let written = gender, let entry = matter[.gender] {
            gender = DeputyFields.gender(written)
            if gender == nil {
                problems.append(.error(at(entry), "\(matter.key(for: .gender))“\(written)”应为“男”或“女”",
                                       hint: "写成 \(matter.key(for: .gender)): 男 或 \(matter.key(for: .gender)): 女"))
                gender = written
            }
        }
        let occupation = requiredText(.occupation, in: matter)
        var term = requiredText(.term, in: matter)
        if let written = term, let entry = matter[.term] {
            let read = DeputyFields.term(written)
            term = read ?? written
            if read == nil {
                problems.append(.warning(at(entry), "\(matter.key(for: .term))“\(written)”不是届次的写法，汇编会照原样印出",
                                         hint: "写成 \(matter.key(for: .term)): 第十九届（或只写数字 19）。"))
            }
        }
        let born = parseBorn(matter, date: date)
        var year = date?.year
        if let entry = matter[.year] {
            // `2024年` and `2024年度` are read as 2024.
            let written = entry.value.text.map { text in
                ["年度", "年"].first(where: text.hasSuffix).map { String(text.dropLast($0.count)) } ?? text
            }
            let key = matter.key(for: .year)
            if let value = entry.value.integer ?? written.flatMap({ Int(DeputyFields.narrowDigits($0)) }), (1949...9999).contains(value) {
                year = value
                // 年度 puts the profile into that year's collection: one later than its date, or
                // two before, is most likely a slip (or the archetype's year left as it was).
                if let dated = date?.year, value > dated || value < dated - 1 {
                    problems.append(.warning(at(entry), "\(key) \(value) 与日期的年份 \(dated) 相差较大，这篇会收入 \(value) 年的代表风采汇编",
                                             hint: "核对 \(key)：它是收入哪一年汇编的年份，通常与日期同年，或是上一年。"))
                }
            } else {
                problems.append(.error(at(entry), "\(key)“\(entry.value.text ?? "")”应为四位年份",
                                       hint: "例如 \(key): \(date?.year ?? 2023)"))
            }
        }
        guard let name, let delegation, let year else { return nil }
        return DeputyProfile(
            name: name, gender: gender, ethnicity: checkedValue(.ethnicity, in: matter, read: DeputyFields.ethnicity,
                                                                hint: "写民族的全称，例如 汉族、回族、土家族"),
            born: born,
            party: checkedValue(.party, in: matter, read: { DeputyFields.parties[$0.trimmingSpaces()] },
                                hint: "写成登记表上的用语，例如 中共党员、中共预备党员、共青团员、民盟盟员、九三学社社员、无党派人士、群众"),
            occupation: occupation,
            delegation: delegation, level: text(.level, in: matter), term: term,
            photo: text(.photo, in: matter), year: year
        )
    }

    /// `出生年月:` left empty on a profile: the row leaves the 基本情况 table and the collection
    /// without a word. Said, so an empty line is a choice (not to publish it: delete the line).
    private mutating func checkEmptyDetails(_ matter: FrontMatter, draft: Bool) {
        for field in [Field.ethnicity, .born, .party, .level] {
            guard let entry = matter[field], entry.value.scalar != nil, (entry.value.text ?? "").trimmingSpaces().isEmpty else { continue }
            problems.append(.warning(at(entry), "字段 \(field.displayName)是空的，网页和汇编的基本情况表里不会有这一行"
                                         + (draft ? WaitingNote.draft : ""),
                                     hint: "请填上；确实不公开的话，删去这一行。"))
        }
    }

    /// A field with a closed list of values (民族, 政治面貌), in its printed form; another value is
    /// a warning on its line and printed as written (a list cannot foresee every case).
    private mutating func checkedValue(_ field: Field, in matter: FrontMatter, read: (String) -> String?, hint: String) -> String? {
        guard let written = text(field, in: matter), let entry = matter[field] else { return nil }
        if let value = read(written) { return value }
        problems.append(.warning(at(entry), "\(matter.key(for: field))“\(written)”不是常用的写法，汇编会照原样印出", hint: hint + "。"))
        return written
    }

    /// 出生年月 as 1975年3月; one that cannot be read, or is not a birth month (a future one, one
    /// before 1900), is an error on its line, since the collection would print it as typed.
    private mutating func parseBorn(_ matter: FrontMatter, date: SiteDate?) -> String? {
        guard let written = text(.born, in: matter), let entry = matter[.born] else { return nil }
        let key = matter.key(for: .born)
        guard let (year, month) = DeputyFields.yearMonth(written) else {
            // `82.6`: a year of two digits, as forms abbreviate it; the century is the writer's to say.
            let parts = CJK.halfWidth(written).split(whereSeparator: { !$0.isASCII || !$0.isNumber })
            let guess = parts.count == 2 && parts[0].count == 2 && Int(parts[1]).map({ (1...12).contains($0) }) == true
                ? "是否想写 \(key): 19\(parts[0])-\(parts[1].count == 1 ? "0" : "")\(parts[1])？" : ""
            problems.append(.error(at(entry), "\(key)“\(written)”无法识别，汇编会照原样印出",
                                   hint: guess + "写成年和月，例如 \(key): 1975-03（网页上显示为 1975年3月）。"))
            return written
        }
        if year < 1900 || date.map({ year > $0.year }) == true {
            problems.append(.error(at(entry), "\(key)“\(written)”不像出生年月",
                                   hint: "核对年份，例如 \(key): 1975-03。"))
        }
        return "\(year)年\(month)月"
    }

    private mutating func parseReport(_ matter: FrontMatter) -> ReportInfo {
        var figures: [KeyFigure] = []
        if let entry = matter[.figures] {
            if let list = entry.value.sequence {
                for node in list {
                    let map = node.mapping
                    let label = (map?["label"] ?? map?["名称"])?.text ?? ""
                    let value = (map?["value"] ?? map?["数值"])?.text ?? ""
                    let unit = (map?["unit"] ?? map?["单位"])?.text ?? ""
                    if label.isEmpty || value.isEmpty {
                        problems.append(.error(SourceLocation(file: sourcePath, line: (node.line ?? 0) + 1),
                                               "主要数据的每一项需要 label 和 value",
                                               hint: "写成 - { label: \"召开常委会会议\", value: 6, unit: \"次\" }"))
                    } else {
                        figures.append(KeyFigure(label: label, value: value, unit: unit))
                    }
                }
            } else {
                problems.append(.error(at(entry), "figures 应为列表",
                                       hint: "每项一行：- { label: \"召开常委会会议\", value: 6, unit: \"次\" }"))
            }
        }
        return ReportInfo(meeting: text(.meeting, in: matter), reporter: text(.reporter, in: matter), figures: figures)
    }
}

extension DeputyProfile {
    /// 出生年月 as the collection prints it (`1975-03` → `1975年3月`, `DeputyFields.yearMonth`);
    /// anything else as written.
    static func chineseYearMonth(_ text: String) -> String {
        guard let (year, month) = DeputyFields.yearMonth(text) else { return text }
        return "\(year)年\(month)月"
    }
}
