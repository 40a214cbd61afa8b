import Foundation
import RendaCore
import RendaSite
import Testing

/// `renda check` reminds staff of what the inspections of government sites count against a
/// site as a whole: 工作动态 not updated for two weeks, and a menu item opening an empty column.
@Suite("Column upkeep reminders")
struct SectionUpkeepTests {
    static func news(_ date: String, _ title: String, draft: Bool = false) -> String {
        "---\ntitle: \(title)\ndate: \(date)\ntopics: [监督工作]\n\(draft ? "draft: true\n" : "")---\n\n会议听取了报告。\n"
    }

    static func check(_ files: [String: String], on day: SiteDate) throws -> [Diagnostic] {
        let root = try makeSite(files)
        return try SiteBuilder(options: BuildOptions(root: root, now: day)).inspect().get().diagnostics.all
    }

    static let staleNews = "content/news: warning: 工作动态已经 15 天没有发布新文章（最近一篇是2026年5月17日的《常委会召开第十次会议》）"

    @Test func newsOlderThanTwoWeeksIsNamedWithItsNewestItem() throws {
        let files = [
            "content/news/2026-05-17-meeting.md": Self.news("2026-05-17 18:30", "常委会召开第十次会议"),
            "content/news/2026-04-01-earlier.md": Self.news("2026-04-01", "较早的消息"),
            // Neither a draft nor an item dated later counts as an update.
            "content/news/2026-05-30-draft.md": Self.news("2026-05-30", "草稿", draft: true),
            "content/news/2026-06-20-later.md": Self.news("2026-06-20", "定时发布"),
        ]
        // 15 calendar days, whatever the hour of the newest item.
        let found = try Self.check(files, on: SiteDate(year: 2026, month: 6, day: 1, hour: 8)!)
        let stale = found.filter { $0.location.file == "content/news" }
        #expect(stale.map(\.description.firstLine) == [Self.staleNews])
        #expect(stale.first?.hint?.contains("news_update_days") == true)

        // On the fourteenth day there is nothing to say.
        let inTime = try Self.check(files, on: SiteDate(year: 2026, month: 5, day: 31, hour: 23)!)
        #expect(!inTime.contains { $0.location.file == "content/news" })
    }

    @Test func theLimitIsASettingAndZeroTurnsItOff() throws {
        let article = ["content/news/2026-05-17-meeting.md": Self.news("2026-05-17", "常委会召开第十次会议")]
        let base = "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/\n"
        let longer = try Self.check(article.merging(["content/site.yml": base + "news_update_days: 30\n"]) { $1 },
                                    on: testNow)
        #expect(!longer.contains { $0.location.file == "content/news" })
        let stale = try Self.check(article.merging(["content/site.yml": base + "news_update_days: 7\n"]) { $1 },
                                   on: testNow)
        #expect(stale.contains { $0.location.file == "content/news" && $0.hint?.contains("现为 7 天") == true })
        let off = try Self.check(article.merging(["content/site.yml": base + "news_update_days: 0\n"]) { $1 },
                                 on: SiteDate(year: 2030, month: 1, day: 1)!)
        #expect(!off.contains { $0.location.file == "content/news" })
    }

    @Test func theBuildGivesNoReminderThatDependsOnTheDay() throws {
        let root = try makeSite(["content/news/2020-01-02-old.md": Self.news("2020-01-02", "很久以前的消息")])
        let out = temporaryFolder("out")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: out, now: testNow)).build().get()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func aMenuItemOpeningAnEmptyColumnIsNamedOnItsLine() throws {
        let found = try Self.check([
            "content/site.yml": """
                title: 测试县人大常委会
                base_url: https://rd.example.gov.cn/
                menu:
                  - { name: 工作动态, url: /news/ }
                  - { name: 代表风采, url: /deputies }
                  - { name: 工作报告, url: /reports/index.html }
                """,
            "content/news/2026-05-30-meeting.md": Self.news("2026-05-30", "常委会召开第十次会议"),
            "content/reports/2026-05-01-report.md": """
                ---
                title: 常委会工作报告
                date: 2026-05-01
                meeting: 县第十八届人民代表大会第五次会议
                reporter: 王明
                draft: true
                ---

                报告正文。
                """,
        ], on: testNow)
        let empty = found.filter { $0.message.contains("空白栏目") }.map(\.description.firstLine).sorted()
        #expect(empty == [
            "content/site.yml:5: warning: 菜单“代表风采”打开的代表风采栏目还没有已发布的文章，读者看到的是空白栏目",
            "content/site.yml:6: warning: 菜单“工作报告”打开的工作报告栏目还没有已发布的文章，读者看到的是空白栏目",
        ])
    }

    @Test func anEmptyColumnTheMenuDoesNotOpenIsNotReported() throws {
        let found = try Self.check(["content/news/2026-05-30-meeting.md": Self.news("2026-05-30", "常委会召开第十次会议")],
                                   on: testNow)
        #expect(found.isEmpty, "\(found)")
    }
}

extension String {
    var firstLine: String { String(split(separator: "\n", maxSplits: 1).first ?? "") }
}
