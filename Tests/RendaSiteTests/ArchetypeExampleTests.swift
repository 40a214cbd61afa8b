import Foundation
import RendaContent
import RendaCore
import RendaSite
import Testing

/// An item as `renda new` writes it from the default theme's archetype, `draft` line removed
/// when it is to be published.
private func fromArchetype(_ name: String, title: String, published: Bool) throws -> String {
    let file = repositoryRoot.appendingPathComponent("themes/default/archetypes/\(name).md")
    var text = try String(contentsOf: file, encoding: .utf8)
        .replacingOccurrences(of: "{{{title}}}", with: "\"\(title)\"")
        .replacingOccurrences(of: "{{date}}", with: "2024-05-06")
        .replacingOccurrences(of: "{{year}}", with: "2024")
        .replacingOccurrences(of: "{{slug}}", with: "example")
        .replacingOccurrences(of: "topics: []", with: "topics: [监督工作]")
    if published { text = text.replacingOccurrences(of: "draft: true\n", with: "") }
    return text
}

private func failures(_ result: Result<BuildReport, BuildFailure>) -> [Diagnostic] {
    refusal(result)?.errors ?? []
}

@Suite("Example text from the archetypes is never published")
struct ArchetypeExampleTests {
    @Test func everyArchetypeMakesADraft() throws {
        for name in ["news", "report", "deputy", "page"] {
            #expect(try fromArchetype(name, title: "示例", published: false).contains("\ndraft: true\n"), "\(name).md")
        }
    }

    @Test func draftsHoldingTheExamplesBuild() throws {
        let root = try makeSite([
            "content/news/2024-05-06-a.md": try fromArchetype("news", title: "县人大常委会召开会议", published: false),
            "content/deputies/2024-05-06-b.md": try fromArchetype("deputy", title: "王秀兰", published: false),
            "content/pages/c.md": try fromArchetype("page", title: "办事指南", published: false),
        ])
        _ = try build(root: root).1.get()
    }

    /// What is left to do in a draft is said now, as the draft's: its info line names whose
    /// profile it is, its examples and a missing photo are warnings marked as a draft's, and a
    /// picture already in the folder is offered as the photo.
    @Test func aDraftSaysWhatIsLeftToDo() throws {
        let root = try makeSite([
            "content/deputies/2024-05-06-li/index.md": try fromArchetype("deputy", title: "李红", published: false),
            "content/deputies/2024-05-06-li/IMG_5521.JPG": "jpg",
        ])
        let report = try build(root: root).1.get()
        let notes = report.diagnostics.all.filter { $0.location.file == "content/deputies/2024-05-06-li/index.md" }
        #expect(notes.contains { $0.severity == .info && $0.message == "草稿，不会发布：2024 年代表风采，城关镇“李红”" })
        #expect(notes.contains { $0.severity == .warning && $0.message.hasPrefix("字段都还是新建时的示例：") && $0.message.hasSuffix("（草稿，发布前请改正）") })
        let photo = try #require(notes.first { $0.message.hasPrefix("代表风采缺少照片") })
        #expect(photo.message == "代表风采缺少照片（photo）（草稿，发布前请改正）")
        #expect(photo.hint == "文件夹里有 IMG_5521.JPG：如果它是这位代表的照片，加一行 照片: IMG_5521.JPG")
    }

    /// A half-filled profile draft (工作单位及职务 left empty) stops nobody's build: its field is
    /// a warning marked as the draft's, said in the same round as its examples, and the draft is
    /// in no preview until mended (its page could not be made whole); another draft is.
    @Test func aDraftWithAnEmptyRequiredFieldDoesNotStopTheBuild() throws {
        let half = try fromArchetype("deputy", title: "李红", published: false)
            .replacingOccurrences(of: "occupation: \"某某村党支部书记\"", with: "occupation: \"\"")
        #expect(half.contains("occupation: \"\""))
        let root = try makeSite([
            "content/deputies/2024-05-06-li.md": half,
            "content/deputies/2024-05-06-wang.md": try fromArchetype("deputy", title: "王秀兰", published: false),
            "content/news/2024-05-07-a.md": "---\ntitle: 会议\ndate: 2024-05-07\n---\n正文。\n",
        ])
        let report = try build(root: root).1.get()
        let notes = report.diagnostics.all.filter { $0.location.file == "content/deputies/2024-05-06-li.md" }
        #expect(notes.allSatisfy { $0.severity != .error })
        #expect(notes.contains { $0.severity == .warning && $0.message == "字段 occupation（工作单位及职务）不能为空（草稿，发布前请改正）" })
        #expect(notes.contains { $0.message.hasPrefix("字段都还是新建时的示例") || $0.message.contains("还没有核对") }, "\(notes)")
        let info = try #require(notes.first { $0.severity == .info })
        #expect(info.hint?.contains("预览（--drafts）也不显示") == true)
        // A single-file profile has no folder: its photo goes beside the file.
        let photo = try #require(notes.first { $0.message.hasPrefix("代表风采缺少照片") })
        #expect(photo.hint?.hasPrefix("把照片放在这篇文章旁边（content/deputies/ 中）") == true, "\(photo.hint ?? "")")

        let (preview, drafts) = build(root: root, drafts: true)
        _ = try drafts.get()
        #expect(!FileManager.default.fileExists(atPath: preview.appendingPathComponent("deputies/li/index.html").path))
        #expect(FileManager.default.fileExists(atPath: preview.appendingPathComponent("deputies/wang/index.html").path))
    }

    /// Every `# 示例` mark removed at once (find and replace), only the post filled in: the
    /// example birth month, one in hundreds, names the fields still as the archetype wrote them.
    @Test func theExampleBirthMonthLeftWithoutItsMarkIsNamed() throws {
        let text = try fromArchetype("deputy", title: "张伟", published: true)
            .replacingOccurrences(of: "  # 示例", with: "")
            .replacingOccurrences(of: "occupation: \"某某村党支部书记\"", with: "occupation: \"双河镇卫生院院长\"")
            .replacingOccurrences(of: "写这位代表提出的建议、参加的视察和执法检查、在选区为群众办的实事。", with: "正文。")
        let root = try makeSite(["content/deputies/2024-05-06-zhang.md": text])
        let report = try build(root: root).1.get()
        let born = try #require(report.diagnostics.warnings.first { $0.message.hasPrefix("字段 born（出生年月）还是新建时的示例") })
        #expect(born.message == "字段 born（出生年月）还是新建时的示例“1975年3月”，性别“男”、民族“汉族”、政治面貌“中共党员”、选区“城关镇”、代表级别“县人大代表”、届次“第十九届”也与示例相同")
    }

    @Test func publishedItemsStillHoldingTheExamplesStopTheBuild() throws {
        let root = try makeSite([
            "content/news/2024-05-06-a.md": try fromArchetype("news", title: "县人大常委会召开会议", published: true),
            "content/deputies/2024-05-06-b.md": try fromArchetype("deputy", title: "王秀兰", published: true),
            "content/pages/c.md": try fromArchetype("page", title: "办事指南", published: true),
        ])
        let (out, result) = build(root: root)
        let errors = failures(result)
        let news = errors.filter { $0.location.file == "content/news/2024-05-06-a.md" }
        #expect(news.contains { $0.message == "正文中还留着新建时的示例文字“在这里写正文。中文句子中间换行不会多出空格。”" && $0.location.line == 18 })
        // The line on how to write a heading is an example too, not a heading of the article.
        #expect(news.contains { $0.message == "正文中还留着新建时的示例文字“小标题单独一行，前面空一行，写成：`## 小标题`”" && $0.location.line == 20 })
        #expect(errors.contains { $0.location.file == "content/pages/c.md" && $0.message.contains("在这里写页面内容。") })
        let deputy = errors.filter { $0.location.file == "content/deputies/2024-05-06-b.md" }
        #expect(deputy.contains { $0.message.hasPrefix("字段都还是新建时的示例：性别“男”、民族“汉族”、出生年月“1975-03”") })
        #expect(deputy.contains { $0.message.contains("写这位代表提出的建议") })
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anItemDatedLaterIsWarnedNotStopped() throws {
        // Published on its date without anyone running the build again: warned now.
        let text = try fromArchetype("news", title: "县人大常委会召开会议", published: true)
            .replacingOccurrences(of: "2024-05-06", with: "2027-01-01")
        let root = try makeSite(["content/news/2027-01-01-a.md": text])
        let report = try build(root: root).1.get()
        #expect(report.diagnostics.warnings.contains { $0.message.hasPrefix("正文中还留着新建时的示例文字“在这里写正文。") })
    }

    @Test func aDeputyWithRealDetailsPassesEvenWhereTheyMatchAnExample() throws {
        var text = try fromArchetype("deputy", title: "马小燕", published: true)
        for (example, real) in [("\"某某村党支部书记\"", "\"青禾县人民医院护士长\""), ("\"城关镇\"", "\"河口镇\""),
                                ("\"1975-03\"", "\"1982-11\""), ("\"男\"", "\"女\""),
                                ("写这位代表提出的建议、参加的视察和执法检查、在选区为群众办的实事。", "她提出的建议推动了乡村卫生室建设。")] {
            text = text.replacingOccurrences(of: example, with: real)
        }
        // 汉族, 中共党员, 县人大代表 and 第十九届 stay as the archetype has them, and are true: the
        // writer checked them and deleted the marks.
        text = text.replacingOccurrences(of: "  # 示例", with: "")
        let root = try makeSite(["content/deputies/2024-05-06-ma.md": text])
        _ = try build(root: root).1.get()
    }

    /// Filling in one field and deleting `draft` does not publish the other examples: each that
    /// still carries its `# 示例` mark is named on its line (a woman deputy shown as 男 otherwise).
    @Test func examplesStillMarkedAreEachNamed() throws {
        let text = try fromArchetype("deputy", title: "李红", published: true)
            .replacingOccurrences(of: "\"某某村党支部书记\"", with: "\"青禾县第一中学教师\"")
            .replacingOccurrences(of: "\"第十九届\"  # 示例", with: "\"第十九届\"")
            .replacingOccurrences(of: "写这位代表提出的建议、参加的视察和执法检查、在选区为群众办的实事。", with: "履职记录。")
        let root = try makeSite(["content/deputies/2024-05-06-li.md": text])
        let errors = failures(build(root: root).1)
        #expect(errors.map { "\($0.location.line ?? 0) \($0.message)" } == [
            "11 字段 gender（性别）还是新建时的示例“男”，行末标着 # 示例，还没有核对",
            "13 字段 ethnicity（民族）还是新建时的示例“汉族”，行末标着 # 示例，还没有核对",
            "15 字段 born（出生年月）还是新建时的示例“1975年3月”，行末标着 # 示例，还没有核对",
            "17 字段 party（政治面貌）还是新建时的示例“中共党员”，行末标着 # 示例，还没有核对",
            "21 字段 delegation（选区）还是新建时的示例“城关镇”，行末标着 # 示例，还没有核对",
            "23 字段 level（代表级别）还是新建时的示例“县人大代表”，行末标着 # 示例，还没有核对",
        ])
        #expect(errors.first?.hint == "核对这一项：不对的改成真实信息；对的，删去行末的“# 示例”。")
    }

    @Test func oneFieldLeftAsAPlaceholderIsNamed() throws {
        let text = try fromArchetype("deputy", title: "马小燕", published: true)
            .replacingOccurrences(of: "\"城关镇\"", with: "\"河口镇\"")
            .replacingOccurrences(of: "  # 示例", with: "")
            .replacingOccurrences(of: "写这位代表提出的建议、参加的视察和执法检查、在选区为群众办的实事。", with: "履职记录。")
        let root = try makeSite(["content/deputies/2024-05-06-ma.md": text])
        let errors = failures(build(root: root).1)
        #expect(errors.map(\.message) == ["字段 occupation（工作单位及职务）还是示例内容“某某村党支部书记”"])
    }
}
