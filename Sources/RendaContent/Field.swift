/// Every front-matter field Renda knows, with the Chinese key staff may write instead.
public enum Field: String, CaseIterable, Sendable {
    // Every item.
    case title, date, topics, summary, slug, draft, author, source, cover, aliases
    // Deputy profiles.
    case name, gender, ethnicity, born, party, occupation, delegation, level, term, photo, year
    // Report summaries.
    case meeting, reporter, figures
    // Single pages.
    case parent

    /// Chinese spellings of the key. The first is the one shown in messages and templates.
    public var chineseKeys: [String] {
        switch self {
        case .title: ["标题"]
        case .date: ["日期", "发布日期"]
        case .topics: ["专题"]
        case .summary: ["摘要"]
        case .slug: ["网址"]
        case .draft: ["草稿"]
        case .author: ["作者"]
        case .source: ["来源"]
        case .cover: ["封面"]
        case .aliases: ["旧网址"]
        case .name: ["姓名"]
        case .gender: ["性别"]
        case .ethnicity: ["民族"]
        case .born: ["出生年月"]
        case .party: ["政治面貌"]
        case .occupation: ["工作单位及职务", "职务"]
        case .delegation: ["选区", "代表团"]
        case .level: ["代表级别", "层级"]
        case .term: ["届次"]
        case .photo: ["照片"]
        case .year: ["年度"]
        case .meeting: ["会议"]
        case .reporter: ["报告人"]
        case .figures: ["主要数据", "关键数据"]
        case .parent: ["上级页面"]
        }
    }

    /// How messages name the field: `title（标题）`.
    public var displayName: String { "\(rawValue)（\(chineseKeys[0])）" }

    private static let byKey: [String: Field] = {
        var map: [String: Field] = [:]
        for field in Field.allCases {
            map[field.rawValue] = field
            for key in field.chineseKeys { map[key] = field }
        }
        return map
    }()

    /// The field a front-matter key names, in either language.
    public init?(key: String) {
        guard let field = Field.byKey[key] else { return nil }
        self = field
    }

    /// Fields that belong to one kind of item only.
    public var onlyFor: SectionKind? {
        switch self {
        case .name, .gender, .ethnicity, .born, .party, .occupation, .delegation, .level, .term, .photo, .year:
            .deputies
        case .meeting, .reporter, .figures:
            .reports
        case .parent:
            .pages
        default:
            nil
        }
    }

    /// Words staff write for a field that are not its keys (`出生日期` for 出生年月, `工作单位` for
    /// 工作单位及职务): the field a guess names, where the closest spelling would name another
    /// (出生日期 → 日期, which the file has already).
    public static func meant(by word: String) -> Field? {
        switch word {
        case "出生日期", "出生时间", "生日", "出生": .born
        case "工作单位", "单位", "职位", "现任职务", "单位及职务", "工作单位和职务": .occupation
        case "所在选区", "选举单位": .delegation
        case "党派", "政治身份": .party
        case "发布时间", "时间": .date
        case "分类", "标签", "关键词": .topics
        case "简介", "导语", "内容提要": .summary
        case "记者", "撰稿", "撰稿人", "编辑": .author
        case "封面图", "题图", "配图": .cover
        case "头像", "相片", "照片文件": .photo
        default: nil
        }
    }

    /// Every key that can be written, English and Chinese, for "did you mean" suggestions.
    public static var allKeys: [String] { allCases.flatMap { [$0.rawValue] + $0.chineseKeys } }
}
