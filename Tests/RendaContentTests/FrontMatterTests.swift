import Foundation
import RendaContent
import RendaCore
import Testing

@Suite("Front matter in English and Chinese keys")
struct FrontMatterTests {
    static let english = """
    ---
    title: 县人大常委会召开第十次会议
    date: 2023-06-30
    topics: [监督工作, daibiao]
    summary: 会议审议了两项报告。
    author: 王明
    source: 县人大常委会办公室
    draft: false
    ---
    正文。
    """

    static let chinese = """
    ---
    标题: 县人大常委会召开第十次会议
    日期: 2023-06-30
    专题: 监督工作、代表工作
    摘要: 会议审议了两项报告。
    作者: 王明
    来源: 县人大常委会办公室
    草稿: 否
    ---
    正文。
    """

    @Test func bothKeyLanguagesGiveTheSameItem() throws {
        let site = try TestSite(files: [
            "content/news/2023-06-30-english.md": Self.english,
            "content/news/2023-06-30-chinese.md": Self.chinese,
        ])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let english = try #require(content?.items.first { $0.slug == "english" })
        let chinese = try #require(content?.items.first { $0.slug == "chinese" })
        for item in [english, chinese] {
            #expect(item.title == "县人大常委会召开第十次会议")
            #expect(item.date?.chinese == "2023年6月30日")
            #expect(item.topics == ["jiandu", "daibiao"])
            #expect(item.summary == "会议审议了两项报告。")
            #expect(item.author == "王明")
            #expect(item.source == "县人大常委会办公室")
            #expect(item.draft == false)
            #expect(item.body == "正文。")
            #expect(item.bodyLine == 10)
        }
        #expect(english.path == "/news/english/")
    }

    /// Items share their fields' storage until one is changed (`renda serve` keeps items in its
    /// caches while it edits copies): a change to a copy never shows in the original.
    @Test func aChangedCopyOfAnItemLeavesTheOriginal() throws {
        let site = try TestSite(files: ["content/news/2023-06-30-english.md": Self.english])
        let original = try #require(site.item("content/news/2023-06-30-english.md"))
        var copy = original
        copy.title = "改后的标题"
        copy.topics.append("yusuan")
        #expect(copy.title == "改后的标题" && copy.topics == ["jiandu", "daibiao", "yusuan"])
        #expect(original.title == "县人大常委会召开第十次会议")
        #expect(original.topics == ["jiandu", "daibiao"])
    }

    /// As a clerk types them from a Word table: a name spaced to line up in a name list or with
    /// its dot typed another way, a whole birth date or one in Chinese numerals, 男性, 19 for the
    /// term, a year with 年 or 年度. The page shows, and the duplicate check compares, one form.
    @Test(arguments: [
        ("马 小 燕", "1982-11-05", "女性", "19", "2023年", "马小燕", "1982年11月", "女", "第十九届"),
        ("王\u{3000}\u{3000}芳", "1982.11.5", "女", "第19届", "2023年度", "王芳", "1982年11月", "女", "第十九届"),
        ("阿依古丽 • 买买提", "一九八二年十一月", "女", "十九届", "2023", "阿依古丽·买买提", "1982年11月", "女", "第十九届"),
        ("阿依古丽・买买提", "１９８２年１１月", "男性", "第九届", "2023", "阿依古丽·买买提", "1982年11月", "男", "第九届"),
        ("John  Smith", "198211", "男", "第十届", "2023", "John  Smith", "1982年11月", "男", "第十届"),
        // 十九 without 届, and 界 typed for 届 (its neighbour in the input method), full-width digits.
        ("李红", "1982-11", "女", "十九", "2023", "李红", "1982年11月", "女", "第十九届"),
        ("李红", "1982-11", "女", "第19界", "2023", "李红", "1982年11月", "女", "第十九届"),
        ("李红", "1982-11", "女", "第二十一届", "2023", "李红", "1982年11月", "女", "第二十一届"),
        ("李红", "1982-11", "女", "１９", "2023", "李红", "1982年11月", "女", "第十九届"),
    ])
    func deputyFieldsAreReadAsStaffWriteThem(name: String, born: String, gender: String, term: String, year: String,
                                             shownName: String, shownBorn: String, shownGender: String, shownTerm: String) throws {
        let site = try TestSite(files: ["content/deputies/2023-05-12-a.md":
            "---\ntitle: 代表风采\ndate: 2023-05-12\n姓名: \(name)\n性别: \(gender)\n出生年月: \(born)\n工作单位及职务: 柳溪村党支部书记\n选区: 青石镇\n届次: \(term)\n年度: \(year)\n---\n正文。\n"])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        let deputy = try #require(content?.items.first?.deputy)
        #expect([deputy.name, deputy.born, deputy.gender, deputy.term] == [shownName, shownBorn, shownGender, shownTerm])
        #expect(deputy.year == 2023)
    }

    /// A 届次 that is no term (第十九次, a meeting's number) is a warning on its line, printed as written.
    @Test func aTermThatIsNoTermIsNamed() throws {
        let site = try TestSite(files: ["content/deputies/2023-05-12-a.md":
            "---\ntitle: 代表风采\ndate: 2023-05-12\n姓名: 李红\n性别: 女\n工作单位及职务: 教师\n选区: 青石镇\n届次: 第十九次\n---\n正文。\n"])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.warnings.map { "\($0.location.line ?? 0) \($0.message)" } == ["8 届次“第十九次”不是届次的写法，汇编会照原样印出"])
        #expect(content?.items.first?.deputy?.term == "第十九次")
    }

    /// 民族 and 政治面貌 from a closed list: a short form is the whole one (汉 → 汉族, 团员 → 共青团员,
    /// 中国民主同盟盟员 as written), anything else a warning on its line, printed as written.
    @Test func ethnicityAndPartyAreReadFromTheirLists() throws {
        let profile = { (ethnicity: String, party: String) in
            "---\ntitle: 代表风采\ndate: 2024-05-12\n姓名: 李\(party)\n性别: 女\n民族: \(ethnicity)\n政治面貌: \(party)\n工作单位及职务: 教师\n选区: 青石镇\n届次: 第十九届\n---\n正文。\n"
        }
        let site = try TestSite(files: [
            "content/deputies/2024-05-12-a.md": profile("汉", "团员"),
            "content/deputies/2024-05-12-b.md": profile("土家族", "中国民主同盟盟员"),
            "content/deputies/2024-05-12-c.md": profile("汉人", "党外人士"),
        ])
        let (content, diagnostics) = site.load()
        let deputies = (content?.items ?? []).sorted { $0.sourcePath < $1.sourcePath }.compactMap(\.deputy)
        #expect(deputies.map { "\($0.ethnicity ?? "") \($0.party ?? "")" } == ["汉族 共青团员", "土家族 中国民主同盟盟员", "汉人 党外人士"])
        #expect(diagnostics.warnings.map { "\($0.location.file.suffix(4)):\($0.location.line ?? 0) \($0.message)" } == [
            "c.md:6 民族“汉人”不是常用的写法，汇编会照原样印出",
            "c.md:7 政治面貌“党外人士”不是常用的写法，汇编会照原样印出",
        ])
    }

    /// What the collection would print as typed is named on its line: a birth month that cannot
    /// be read or is not one, a gender other than 男 or 女, a year far from the date's.
    @Test func deputyFieldsThatCannotBeReadAreNamed() throws {
        let profile = { (born: String, gender: String, year: String) in
            "---\ntitle: 代表风采\ndate: 2026-05-12\n姓名: 李红\n性别: \(gender)\n出生年月: \(born)\n工作单位及职务: 教师\n选区: 青石镇\n届次: 第十九届\n年度: \(year)\n---\n正文。\n"
        }
        let site = try TestSite(files: [
            "content/deputies/2026-05-12-a.md": profile("1975年13月", "M", "2026"),
            "content/deputies/2026-05-12-b.md": profile("75.03", "女", "2052"),
            "content/deputies/2026-05-12-c.md": profile("2030-01", "女", "2024"),
        ])
        let diagnostics = site.load().1
        #expect(diagnostics.all.map { "\($0.location.file.suffix(4)):\($0.location.line ?? 0) \($0.severity) \($0.message)" } == [
            "a.md:5 error 性别“M”应为“男”或“女”",
            "a.md:6 error 出生年月“1975年13月”无法识别，汇编会照原样印出",
            "b.md:6 error 出生年月“75.03”无法识别，汇编会照原样印出",
            "b.md:10 warning 年度 2052 与日期的年份 2026 相差较大，这篇会收入 2052 年的代表风采汇编",
            "c.md:6 error 出生年月“2030-01”不像出生年月",
            "c.md:10 warning 年度 2024 与日期的年份 2026 相差较大，这篇会收入 2024 年的代表风采汇编",
        ])
        // A year of two digits, as forms abbreviate it: the hint spells out what was most likely meant.
        let b = try #require(diagnostics.errors.first { $0.location.file.hasSuffix("b.md") })
        #expect(b.hint == "是否想写 出生年月: 1975-03？写成年和月，例如 出生年月: 1975-03（网页上显示为 1975年3月）。")
    }

    /// A detail left empty drops its row from the page and the collection: said on its line, so
    /// leaving it out is a choice (a draft's, marked as such).
    @Test func anEmptyDeputyDetailIsNamed() throws {
        let profile = { (draft: String) in
            "---\ntitle: 代表风采\ndate: 2026-05-12\n姓名: 李\(draft.isEmpty ? "红" : "兰")\n性别: 女\n民族: 汉族\n出生年月: \"\"\n政治面貌:\n"
                + "工作单位及职务: 教师\n选区: 青石镇\n届次: 第十九届\n\(draft)---\n正文。\n"
        }
        let site = try TestSite(files: ["content/deputies/2026-05-12-a.md": profile(""),
                                        "content/deputies/2026-05-12-b.md": profile("草稿: true\n")])
        #expect(site.load().1.warnings.map { "\($0.location.file.suffix(4)):\($0.location.line ?? 0) \($0.message)" } == [
            "a.md:7 字段 born（出生年月）是空的，网页和汇编的基本情况表里不会有这一行",
            "a.md:8 字段 party（政治面貌）是空的，网页和汇编的基本情况表里不会有这一行",
            "b.md:7 字段 born（出生年月）是空的，网页和汇编的基本情况表里不会有这一行（草稿，发布前请改正）",
            "b.md:8 字段 party（政治面貌）是空的，网页和汇编的基本情况表里不会有这一行（草稿，发布前请改正）",
        ])
    }

    @Test func deputyAndReportFieldsAreRead() throws {
        let site = try TestSite(files: [
            "content/deputies/2023-05-12-wang/index.md": """
            ---
            title: 扎根田间的代表
            date: 2023-05-12
            姓名: 王秀兰
            性别: 女
            民族: 汉族
            出生年月: 1975-03
            政治面貌: 中共党员
            工作单位及职务: 柳溪村党支部书记
            选区: 青石镇
            level: 县人大代表
            届次: 第十九届
            ---
            """,
            "content/reports/2023-07-01-half-year.md": """
            ---
            title: 上半年工作报告
            date: 2023-07-01
            meeting: 县第七届人民代表大会第三次会议
            reporter: 张某
            figures:
              - { label: 召开常委会会议, value: 6, unit: 次 }
              - { label: 任免国家机关工作人员, value: 64, unit: 人次 }
            ---
            """,
        ])
        let (content, diagnostics) = site.load()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let deputy = try #require(content?.items.first { $0.kind == .deputies }?.deputy)
        #expect(deputy == DeputyProfile(name: "王秀兰", gender: "女", ethnicity: "汉族", born: "1975年3月", party: "中共党员",
                                        occupation: "柳溪村党支部书记", delegation: "青石镇", level: "县人大代表",
                                        term: "第十九届", photo: nil, year: 2023))
        let report = try #require(content?.items.first { $0.kind == .reports }?.report)
        #expect(report.meeting == "县第七届人民代表大会第三次会议")
        #expect(report.figures == [KeyFigure(label: "召开常委会会议", value: "6", unit: "次"),
                                   KeyFigure(label: "任免国家机关工作人员", value: "64", unit: "人次")])
    }

    @Test func anUnknownTopicNamesItsLineAndSuggestsTheClosest() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 标题\ndate: 2023-06-30\ntopics:\n  - 监督工做\n---\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location == SourceLocation(file: "content/news/a.md", line: 5))
        #expect(error.message == "专题“监督工做”不在 topics.yml 中")
        #expect(error.hint?.hasPrefix("是否想写“监督工作”？") == true)
        // And how to add a topic that is meant as a new one.
        #expect(error.hint?.hasSuffix("要新设这个专题，在 content/topics.yml 末尾照已有的专题加一项（slug: jian-du-gong-zuo，name: 监督工做，description: 一句话介绍）。") == true,
                "\(error.hint ?? "")")
    }

    /// `标题: 会议通知 #1号`: YAML drops ` #1号` as a comment. A warning says what the page
    /// shows and how to keep the `#`; quoted values, comment lines and `#` without a space pass.
    @Test func aValueCutShortByACommentIsAWarningOnItsLine() throws {
        let site = try TestSite(files: ["content/news/a.md": """
            ---
            # 工作动态。以 # 开头的行是说明
            标题: 县人大常委会会议通知 #1号
            date: 2023-06-30
            来源: "县人大办 #转"
            作者: 林静#李明
            摘要: 会议听取了报告 #重要
            draft: false # 已审
            ---
            正文。
            """])
        let (content, diagnostics) = site.load()
        #expect(content?.items.first?.title == "县人大常委会会议通知")
        #expect(diagnostics.warnings.map { "\($0.location.line ?? 0) \($0.message)" } == [
            "3 字段“标题”里“#”及后面的文字被当作注释，网页上只有“县人大常委会会议通知”",
            "7 字段“摘要”里“#”及后面的文字被当作注释，网页上只有“会议听取了报告”",
        ])
        #expect(diagnostics.warnings.first?.hint?.contains("标题: \"县人大常委会会议通知 #1号\"") == true)
    }

    /// The date a file name starts with and the front matter's date tell one story: a warning
    /// when they differ, and the name's date offered when the field is missing.
    @Test func theFileNamesDateIsComparedAndOffered() throws {
        let site = try TestSite(files: [
            "content/news/2024-06-09-huiyi.md": "---\ntitle: 会议\ndate: 2023-01-01\n---\n正文\n",
            "content/news/2024-06-10-tongzhi.md": "---\ntitle: 通知\ndate: 2024-06-10 09:30\n---\n正文\n",
            "content/news/2024-06-11-baodao.md": "---\ntitle: 报道\n---\n正文\n",
        ])
        let (_, diagnostics) = site.load()
        #expect(diagnostics.warnings.map { "\($0.location.file):\($0.location.line ?? 0) \($0.message)" } == [
            "content/news/2024-06-09-huiyi.md:3 日期 2023年1月1日 与文件名里的日期 2024年6月9日 不一致",
        ])
        let missing = try #require(diagnostics.errors.first { $0.location.file == "content/news/2024-06-11-baodao.md" })
        #expect(missing.hint == "文件名里的日期是 2024-06-11：在两行 --- 之间加一行 date: 2024-06-11")
    }

    /// A body left empty, or opening with the title again as a heading, is a warning on its line.
    @Test func anEmptyBodyOrTheTitleAgainIsAWarning() throws {
        let site = try TestSite(files: [
            "content/news/2024-06-09-a.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-06-09\n---\n\n",
            "content/news/2024-06-09-b.md": "---\ntitle: 县人大常委会召开会议 \ndate: 2024-06-09\nslug: b\n---\n\n# 县人大常委会召开会议\n\n正文。\n",
            "content/news/2024-06-09-c.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-06-09\nslug: c\n---\n## 会议议程\n\n正文。\n",
            "content/news/2024-06-09-d.md": "---\n标题: 县人大常委会召开会议\ndate: 2024-06-09\nslug: d\n---\n**县人大常委会召开会议**\n\n正文。\n",
            "content/news/2024-06-09-e.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-06-09\nslug: e\n---\n\n县人大常委会召开会议\n正文。\n",
            "content/news/2024-06-09-f.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-06-09\nslug: f\n---\n县人大常委会召开会议，听取报告。\n",
            "content/news/2024-06-09-g.md": "---\ntitle: 县人大常委会召开会议\ndate: 2024-06-09\nslug: g\n---\n县人大常委会召开会议。\n\n正文。\n",
        ])
        let warnings = site.load().1.warnings
        #expect(warnings.map { "\($0.location.file):\($0.location.line ?? 0) \($0.message)" } == [
            "content/news/2024-06-09-a.md:4 正文是空的，网页上只有标题",
            "content/news/2024-06-09-b.md:7 正文第一行又写了一遍标题，网页上标题会显示两次",
            "content/news/2024-06-09-d.md:6 正文第一行又写了一遍标题，网页上标题会显示两次",
            "content/news/2024-06-09-e.md:7 正文第一行又写了一遍标题，网页上标题会显示两次",
            "content/news/2024-06-09-g.md:6 正文第一行又写了一遍标题，网页上标题会显示两次",
        ])
        // The hint names the field as the file writes it.
        #expect(warnings.map(\.hint).dropFirst() == ["网页会用“title”字段显示标题，请删去正文里的这一行。",
                                                     "网页会用“标题”字段显示标题，请删去正文里的这一行。",
                                                     "网页会用“title”字段显示标题，请删去正文里的这一行。",
                                                     "网页会用“title”字段显示标题，请删去正文里的这一行。"])
    }

    /// An unknown key is a warning that guesses the field meant: one it starts, or is started
    /// by, before the closest by spelling (`上级` is 上级页面, though 层级 is one letter away).
    @Test(arguments: [("上级", "上级页面"), ("titel", "title"), ("作着", "作者"), ("来源单位", "来源"), ("出生日期", "出生年月"),
                      ("工作单位", "工作单位及职务"), ("分类", "专题")])
    func anUnknownKeyGuessesTheFieldMeant(written: String, meant: String) throws {
        let site = try TestSite(files: ["content/pages/a.md": "---\n\(written == "titel" ? "" : "title: 页面\n")\(written): 内容\n---\n正文。\n"])
        let warning = try #require(site.load().1.warnings.first)
        #expect(warning.message == "未知字段“\(written)”，已忽略")
        #expect(warning.hint == "是否想写 \(meant)？")
    }

    /// A word for a field the file has already (`工作单位` beside `职务`) is told to join that
    /// line, with the values joined, not to rename it into a field written twice.
    @Test func anUnknownKeyForAFieldGivenIsToldToJoinIt() throws {
        let site = try TestSite(files: ["content/deputies/a.md": """
            ---
            title: 代表风采
            date: 2024-05-06
            姓名: 李红
            工作单位: 城关镇东街社区
            职务: 党委书记
            出生日期: 1970-05
            titel: 代表风采
            ---
            正文。
            """])
        let warnings = site.load().1.warnings
        #expect(warnings.map { "\($0.location.line ?? 0) \($0.hint ?? "")" } == [
            "5 “工作单位”和第 6 行的“职务”是同一个字段（工作单位及职务），要合成一行，例如 工作单位及职务: 城关镇东街社区党委书记",
            "7 是否想写 出生年月？",
            "8 第 2 行已经有“title”；如不需要请删除这一行。",
        ])
    }

    @Test func invalidYAMLNamesTheLineInTheFile() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 标题\ndate: 2023-06-30\nsummary: 会议: 通知: 说明\n---\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location.file == "content/news/a.md")
        #expect(error.location.line == 4)
        #expect(error.message.contains("英文冒号"))
    }

    /// Slips libyaml reports a line late ("could not find expected ':'") are named on their own line.
    @Test(arguments: [
        ("标题：县人大常委会召开会议\ndate: 2023-06-30\n", 2, "“标题”后面是中文冒号“：”，应为英文冒号", "标题: 县人大常委会召开会议"),
        ("title: 会议\ndate: 2023-06-30\n作者：李明\n", 4, "“作者”后面是中文冒号“：”，应为英文冒号", "作者: 李明"),
        ("title: 会议\nauthor:\"林静\"\ndate: 2023-06-30\n", 3, "“author”的冒号后面缺少空格", "author: \"林静\""),
        ("title: 会议\nsource: \"县人大常委会办公室\ndate: 2023-06-30\n", 3,
         "“source”的值以引号 \" 开头，却没有对应的结尾引号", "source: \"县人大常委会办公室\""),
        // Slips libyaml names only in its own terms (or on a later line).
        ("title: 会议\n\tdate: 2023-06-30\n", 3, "这一行开头是 Tab（制表符），字段区只能用空格缩进", "列表项和多行文字用两个空格缩进。"),
        ("title: \"会议\" 通知\ndate: 2023-06-30\n", 2, "“title”的值在引号 \" 结束之后还有文字“通知”", "title: “会议”通知"),
        ("标题: \"关于\"两会\"精神的传达\"\ndate: 2023-06-30\n", 2, "“标题”的值在引号 \" 结束之后还有文字“两会\"精神的传达\"”",
         "标题: 关于“两会”精神的传达"),
        ("title: 会议\ndate: 2023-06-30\ntopics: [监督工作, 代表工作\n", 4, "“topics”的值以 [ 开头，却没有对应的 ]",
         "topics: [监督工作, 代表工作]"),
        ("title: [会议] 通知\ndate: 2023-06-30\n", 2, "“title”的值以 [ 开头，] 之后还有文字“通知”", "title: \"[会议] 通知\""),
        ("title: **重要**会议\ndate: 2023-06-30\n", 2, "“title”的值以“*”开头，会被当作特殊符号",
         "title: \"**重要**会议\"（标题和字段里的 ** 不会显示为粗体）"),
        ("title: 会议\ndate: 2023-06-30\n来源: !办公室\n", 4, "“来源”的值以“!”开头，会被当作特殊符号", "来源: \"!办公室\""),
        ("title: 会议\ndate: 2023-06-30\nsource: |办公室\n", 4, "“source”的值以“|”开头，会被当作特殊符号", "source: \"|办公室\""),
        // Slips the input method or a copy from Word makes, which look right on screen.
        ("title: 会议\n date: 2023-06-30\n", 3, "这一行开头多了 1 个空格，字段要顶格写", "删去行首的空格：date: 2023-06-30"),
        ("标题:\u{00A0}县人大常委会会议\ndate: 2023-06-30\n", 2, "“标题”的冒号后面是不间断空格（从网页或 Word 复制来的），应为英文半角空格",
         "标题: 县人大常委会会议"),
        ("标题:\u{3000}县人大常委会会议\ndate: 2023-06-30\n", 2, "“标题”的冒号后面是全角空格，应为英文半角空格", "标题: 县人大常委会会议"),
        ("标题: \"县人大常委会会议”\ndate: 2023-06-30\n", 2, "“标题”的值以英文引号 \" 开头，却以中文引号 ” 结尾",
         "标题: \"县人大常委会会议\""),
        ("标题: - 会议通知\ndate: 2023-06-30\n", 2, "“标题”的值以“- ”开头，会被当作列表", "标题: \"- 会议通知\""),
        ("title: 会议\ndate: 2023-06-30\n－ 监督工作\n", 4, "列表项开头的“－”是中文输入法打出的符号，应为英文减号 -", "- 监督工作"),
        ("标题: 县人大常委会: 召开会议\ndate: 2023-06-30\n", 2, "“标题”的值里有英文冒号加空格“: ”，会被当作又一个字段",
         "（标题: 县人大常委会：召开会议）；要保留英文冒号时，把整个值用英文双引号括起来（标题: \"县人大常委会: 召开会议\"）。"),
        ("title: 会议\n作者: 林静 来源: 办公室\ndate: 2023-06-30\n", 3, "这一行写了两个字段：“作者”和“来源”", "把“来源: 办公室”移到下一行。"),
        ("标题\u{3000}县人大常委会召开会议\ndate: 2023-06-30\n", 2, "“标题”后面缺少冒号", "标题: 县人大常委会召开会议"),
        ("title: 会议\ndate: 2023-06-30\n封面: ![会场](photo1.png)\n", 4, "“封面”里只写图片的文件名，不用 ![说明](…) 的写法", "封面: photo1.png"),
        ("title: 会议\ndate: 2023-06-30\ntopics:\n- 监督工作\n-代表工作\n", 6, "列表项的减号后面缺少空格", "- 代表工作"),
        ("title: 会议\ndate: 2023-06-30\ntopics:\n\u{3000}- 监督工作\n", 5, "这一行开头是全角空格，字段区只能用英文空格缩进",
         "列表项用两个英文空格缩进：  - 监督工作"),
    ])
    func commonSlipsAreNamedOnTheirLine(yaml: String, line: Int, message: String, fix: String) throws {
        let site = try TestSite(files: ["content/news/a.md": "---\n\(yaml)---\n正文\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location == SourceLocation(file: "content/news/a.md", line: line, column: 1))
        #expect(error.message == message)
        #expect(error.hint?.hasSuffix(fix) == true, "\(error.hint ?? "")")
    }

    /// Every line with a slip is named at once: typed with the Chinese input method, most lines
    /// have a Chinese colon, and one a round would take as many rounds.
    @Test func everySlippedLineIsNamedAtOnce() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\n标题：会议\n日期：2023-06-30\n专题：监督工作\n作者:李明\n 来源: 办公室\n---\n正文\n"])
        let errors = site.load().1.errors
        #expect(errors.map { "\($0.location.line ?? 0) \($0.message)" } == [
            "2 “标题”后面是中文冒号“：”，应为英文冒号", "3 “日期”后面是中文冒号“：”，应为英文冒号",
            "4 “专题”后面是中文冒号“：”，应为英文冒号", "5 “作者”的冒号后面缺少空格", "6 这一行开头多了 1 个空格，字段要顶格写",
        ])
    }

    /// Dashes typed with the Chinese input method where `---` was meant, opening or closing.
    @Test(arguments: [
        ("———\ntitle: 会议\ndate: 2023-06-30\n———\n正文\n", [1, 4], "———"),
        ("---\ntitle: 会议\ndate: 2023-06-30\n——\n正文\n", [4], "——"),
        ("－－－\ntitle: 会议\n－－－\n正文\n", [1, 3], "－－－"),
        ("———\ntitle: 会议\n---\n正文\n", [1], "———"),
    ])
    func inputMethodDashesAreNamedAsSuch(text: String, lines: [Int], dashes: String) throws {
        let site = try TestSite(files: ["content/news/a.md": text])
        let errors = site.load().1.errors
        #expect(errors.map(\.location.line) == lines)
        #expect(errors.allSatisfy { $0.message == "“\(dashes)”是中文输入法打出的破折号，字段区的开始和结束要用三个英文减号 ---" })
    }

    /// Delimiter lines with a dash too many, or below blank lines, are named as such; a file with
    /// none is told what the 字段区 is, in the 写作指南's words.
    @Test(arguments: [
        ("----\ntitle: 会议\ndate: 2023-06-30\n----\n正文\n", [1, 4], "这一行有 4 个减号，字段区的开始和结束要正好三个减号 ---"),
        ("---\ntitle: 会议\ndate: 2023-06-30\n-----\n正文\n", [4], "这一行有 5 个减号，字段区的开始和结束要正好三个减号 ---"),
        ("\n\n---\ntitle: 会议\ndate: 2023-06-30\n---\n正文\n", [3], "字段区的 --- 上面有 2 个空行，--- 要写在文件的第一行"),
        ("县人大常委会召开会议\n\n正文\n", [1], "文件开头缺少字段区（以 --- 开始、以 --- 结束，写标题、日期等的几行）"),
    ])
    func mistypedDelimitersAreNamed(text: String, lines: [Int], message: String) throws {
        let site = try TestSite(files: ["content/news/a.md": text])
        let errors = site.load().1.errors
        #expect(errors.map(\.location.line) == lines)
        #expect(errors.allSatisfy { $0.message == message })
    }

    /// `标题: “会议"`: an English quote among Chinese ones is published as typed; a warning gives
    /// the value with Chinese quotes. A value in YAML quotes is not the text's.
    @Test func anEnglishQuoteInChineseTextIsAWarning() throws {
        let site = try TestSite(files: [
            "content/news/2024-06-09-a.md": "---\n标题: “人大代表进社区\"活动启动\ndate: 2024-06-09\n---\n正文。\n",
            "content/news/2024-06-09-b.md": "---\n标题: 关于\"两会\"精神的传达\ndate: 2024-06-09\nslug: b\n---\n正文。\n",
            "content/news/2024-06-09-c.md": "---\n标题: '关于\"两会\"精神'\ndate: 2024-06-09\nslug: c\n---\n正文。\n",
        ])
        let warnings = site.load().1.warnings
        #expect(warnings.map { "\($0.location.file):\($0.location.line ?? 0) \($0.hint ?? "")" } == [
            "content/news/2024-06-09-a.md:2 中文里的引号用中文引号：标题: “人大代表进社区”活动启动",
            "content/news/2024-06-09-b.md:2 中文里的引号用中文引号：标题: 关于“两会”精神的传达",
        ])
    }

    /// A list written over several lines is no slip once closed; a bracket still open at the
    /// next field is, named on the line that opened it.
    @Test func aListOverSeveralLinesIsNoSlipOnceClosed() throws {
        let closed = try TestSite(files: ["content/news/a.md":
            "---\ntitle: 会议\ndate: 2023-06-30\ntopics: [监督工作,\n  代表工作]\nsource: @办公室\n---\n正文\n"])
        #expect(closed.load().1.errors.map(\.location.line) == [6])
        let open = try TestSite(files: ["content/news/a.md":
            "---\ntitle: 会议\ndate: 2023-06-30\ntopics: [监督工作,\n  代表工作\nsource: 办公室\n---\n正文\n"])
        let error = try #require(open.load().1.errors.first)
        #expect(error.location.line == 4)
        #expect(error.hint == "在列表的最后一项后面补上 ]，各项之间用英文逗号。")
    }

    /// Topics in brackets separated by Chinese commas are one YAML item; read as staff meant them.
    @Test func topicsInBracketsMaySeparateWithChineseCommas() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 会议\ndate: 2023-06-30\ntopics: [监督工作，代表工作、 监督工作]\n---\n正文\n",
                                        "content/news/b.md": "---\ntitle: 会议二\ndate: 2023-06-30\n专题: 监督工作；代表工作\n---\n正文\n"])
        let (content, diagnostics) = site.load()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(content?.items.map(\.topics) == [["jiandu", "daibiao"], ["jiandu", "daibiao"]])
    }

    /// A 网址 in Chinese is told its pinyin, a whole address copied from the browser its last
    /// part, each under the key the file uses.
    @Test func aSlugThatIsNoneIsToldTheOneToWrite() throws {
        let site = try TestSite(files: [
            "content/news/a.md": "---\ntitle: 会议\ndate: 2023-06-30\n网址: 会议通知\n---\n正文\n",
            "content/news/b.md": "---\ntitle: 会议二\ndate: 2023-06-30\nslug: https://rd.example.gov.cn/news/huiyi/\n---\n正文\n",
        ])
        #expect(site.load().1.errors.map { "\($0.message) \($0.hint ?? "")" } == [
            "网址“会议通知”只能包含小写英文字母、数字和连字符 例如 网址: hui-yi-tong-zhi",
            "slug “https://rd.example.gov.cn/news/huiyi/”只能包含小写英文字母、数字和连字符 例如 slug: huiyi（只写网址最后一段，不写整个网址）",
        ])
    }

    /// Topics listed with the input method's dash are one text to YAML; read as staff meant them.
    @Test func topicsListedWithChineseDashesAreRead() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 会议\ndate: 2023-06-30\n专题:\n  － 监督工作\n  － 代表工作\n---\n正文\n"])
        let (content, diagnostics) = site.load()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(content?.items.first?.topics == ["jiandu", "daibiao"])
    }

    /// Names apart by a space are told the separator; a date typed with full-width digits reads
    /// as it shows, and one without its year is told so.
    @Test func spacedTopicsAndDatesAsTypedWithTheInputMethod() throws {
        let site = try TestSite(files: [
            "content/news/a.md": "---\ntitle: 会议\ndate: ２０２４－０３－０５\n专题: 监督工作 代表工作\n---\n正文\n",
            "content/news/b.md": "---\ntitle: 会议二\ndate: 3月5日\n---\n正文\n",
        ])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.errors.map { "\($0.location.file):\($0.location.line ?? 0) \($0.message) \($0.hint ?? "")" } == [
            "content/news/a.md:4 专题“监督工作 代表工作”不在 topics.yml 中 多个专题之间用顿号或逗号隔开：专题: 监督工作、代表工作。可用的专题：监督工作、代表工作、预算审查。",
            "content/news/b.md:3 日期“3月5日”缺少年份 请写成 2023-06-30，或带时间 2023-06-30 09:30（北京时间）。",
        ])
        #expect(content?.items.first { $0.slug == "a" }?.date == SiteDate(year: 2024, month: 3, day: 5))
    }

    /// A topic whose own name holds 、 is not cut in two.
    @Test func aTopicNamedWithAnEnumerationCommaStaysWhole() throws {
        let site = try TestSite(files: [
            "content/topics.yml": "- { slug: shengtai, name: 生态环保、乡村振兴, description: 生态 }\n- { slug: jiandu, name: 监督工作, description: 监督 }\n",
            "content/news/a.md": "---\ntitle: 会议\ndate: 2023-06-30\n专题: 生态环保、乡村振兴\n---\n正文\n",
            "content/news/b.md": "---\ntitle: 会议二\ndate: 2023-06-30\ntopics: [生态环保、乡村振兴, 监督工作]\n---\n正文\n",
        ])
        let (content, diagnostics) = site.load()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(content?.items.first { $0.slug == "a" }?.topics == ["shengtai"])
        #expect(content?.items.first { $0.slug == "b" }?.topics == ["shengtai", "jiandu"])
    }

    /// What the line check does not look at (list items) still gets libyaml's complaint explained in Chinese.
    @Test func libyamlsComplaintsAreExplainedInChinese() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 会议\ndate: 2023-06-30\ntopics:\n  - *监督工作\n---\n正文\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location.line == 5)
        #expect(error.message.hasPrefix("字段格式错误：值以 *、&、!、| 或 > 开头，会被当作特殊符号（"))
    }

    /// A Chinese colon inside a value or a block of text is no slip: with a real one further
    /// down, that later line is the one named.
    @Test func aChineseColonInsideAValueIsNotASlip() throws {
        let site = try TestSite(files: ["content/news/a.md":
            "---\ntitle: 会议：通知\ndate: 2023-06-30\nsummary: |\n  议程：一、审议报告\nauthor:\"林静\"\n---\n正文\n"])
        let errors = site.load().1.errors
        #expect(errors.map(\.location.line) == [6])
        #expect(errors.first?.message == "“author”的冒号后面缺少空格")
    }

    @Test func anEmptyFileIsNamedAsEmpty() throws {
        let site = try TestSite(files: ["content/news/2023-06-30-a.md": "\n  \n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location == SourceLocation(file: "content/news/2023-06-30-a.md"))
        #expect(error.message == "文件是空的")
    }

    @Test func missingTitleAndDateAreErrors() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\nauthor: 王明\n---\n正文\n"])
        let messages = site.load().1.errors.map(\.message)
        #expect(messages.contains("缺少必填字段 title（标题）"))
        #expect(messages.contains("缺少必填字段 date（日期）"))
    }

    /// YAML reads `#` after a space as a comment: the field is empty, and the hint says why.
    @Test(arguments: [
        ("content/news/a.md", "title: #会议通知\ndate: 2023-06-30\n", 2, "字段 title（标题）不能为空", "以 # 开头的值要用英文双引号括起来：title: \"#会议通知\""),
        ("content/news/a.md", "标题:   #会议通知\r\ndate: 2023-06-30\n", 2, "字段 title（标题）不能为空", "以 # 开头的值要用英文双引号括起来：标题: \"#会议通知\""),
        // A quoted "#2023-06-30" would be no date either: the # has to go.
        ("content/news/a.md", "title: 会议\ndate: #2023-06-30\n", 3, "日期不能为空", "请删去 #：date: 2023-06-30"),
        ("content/deputies/a.md", "title: 王秀兰\ndate: 2023-06-30\nname: 王秀兰\ngender: 女\n选区: 城关镇\n工作单位及职务: 村医\n届次: #19\n",
         8, "字段 term（届次）不能为空", "以 # 开头的值要用英文双引号括起来：届次: \"#19\""),
    ])
    func aValueStartingWithAHashIsNamedAsAComment(file: String, yaml: String, line: Int, message: String, fix: String) throws {
        let site = try TestSite(files: [file: "---\n\(yaml)---\n正文\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location == SourceLocation(file: file, line: line))
        #expect(error.message == message)
        #expect(error.hint == "“#”及后面的文字被当作注释，这个字段实际是空的。\(fix)")
    }

    @Test func anEmptyValueWithoutAHashKeepsItsHint() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle:\ndate: 2023-06-30 # 上午\n---\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.message == "字段 title（标题）不能为空")
        #expect(error.hint == "在冒号后填写内容。")
    }

    @Test func anImpossibleDateIsAnErrorOnItsLine() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 标题\n日期: 2023-02-30\n---\n"])
        let error = try #require(site.load().1.errors.first)
        #expect(error.location.line == 3)
        #expect(error.message == "日期“2023-02-30”不存在")
    }

    @Test func pagesNeedNoDate() throws {
        let site = try TestSite(files: ["content/pages/contact.md": "---\ntitle: 联系我们\n---\n电话\n"])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty)
        #expect(content?.items.first?.path == "/contact/")
    }

    @Test func twoItemsSharingOneURLAreBothReported() throws {
        let site = try TestSite(files: [
            "content/news/2023-01-01-meeting.md": "---\ntitle: 甲\ndate: 2023-01-01\n---\n",
            "content/news/2024-01-01-meeting.md": "---\ntitle: 乙\ndate: 2024-01-01\n---\n",
        ])
        let errors = site.load().1.errors
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.message.contains("的网址相同：/news/meeting/") })
    }

    @Test func aPageMayNotTakeASectionsPath() throws {
        let site = try TestSite(files: ["content/pages/news.md": "---\ntitle: 新闻\n---\n"])
        #expect(site.load().1.errors.first?.message == "页面网址 /news/ 已被站点栏目占用")
    }

    @Test func unknownKeysWarnWithASuggestion() throws {
        let site = try TestSite(files: ["content/news/a.md": "---\ntitle: 标题\ndate: 2023-06-30\nauther: 王明\n---\n"])
        let warning = try #require(site.load().1.warnings.first)
        #expect(warning.location.line == 4)
        #expect(warning.hint == "是否想写 author？")
    }

    @Test func gbkFilesAreReadWithAWarning() throws {
        let site = try TestSite()
        var bytes = Array("---\ntitle: ".utf8)
        bytes += [207, 216, 200, 203, 180, 243, 179, 163, 206, 175, 187, 225] // 县人大常委会 in GBK
        bytes += Array("\ndate: 2023-06-30\n---\n".utf8)
        try site.write("content/news/gbk.md", Data(bytes))
        let (content, diagnostics) = site.load()
        #expect(content?.items.first?.title == "县人大常委会")
        #expect(diagnostics.warnings.first?.message == "文件编码为 GB18030，已按此编码读取")
    }
}
