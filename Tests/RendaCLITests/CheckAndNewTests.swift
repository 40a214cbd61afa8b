import Foundation
import Testing

@Suite("renda check", .serialized)
struct CheckTests {
    /// Each check, the fixture that trips it, and the exact line `renda check` prints for it.
    static let cases: [(String, String)] = [
        ("link-missing-page", "content/news/2023-07-01-a.md:6:7: error: 链接指向的文章不存在：../news/other.md"),
        ("link-unpublished", "content/news/2023-07-01-a.md:6:7: error: 链接指向的文章尚未发布（草稿或未到发布日期）：2023-07-02-d.md"),
        ("link-missing-path", "content/news/2023-07-01-a.md:6:6: error: 站内链接指向不存在的页面：/topics/jiandu2/"),
        ("large-image", "content/news/2023-07-01-photo/big.png: warning: 图片有 20 KB，超过设定的 10 KB"),
        ("image-no-alt", "content/news/2023-07-01-photo/index.md:8:5: warning: 图片缺少替代文字：photo1.png"),
        ("deputy-missing-field", "content/deputies/2023-07-01-wang.md:1: error: 缺少必填字段 term（届次）"),
        ("deputy-twice", "content/deputies/2023-08-01-wang-b.md:5: warning: 2023 年已有青石镇“王秀兰”的代表风采：content/deputies/2023-07-01-wang-a.md"),
        ("summary-long", "content/news/2023-07-01-s.md:5: warning: 摘要有 130 个字，超过设定的 120 个字"),
        ("title-long", "content/news/2023-07-01-t.md:2: warning: 标题有 44 个字，超过设定的 40 个字"),
        ("future", "content/news/2099-01-01-f.md:3: warning: 日期 2099年1月1日 在未来，到那天之前不会发布"),
        ("draft", "content/news/2023-07-01-d.md:5: info: 草稿，不会发布"),
        ("copied-file", "content/news/2023-06-30-meeting - 副本.md: warning: 文件名像是 content/news/2023-06-30-meeting.md 的副本，没有发布"),
        ("markdown-outside-sections", "content/2023-07-01-tongzhi.md: warning: Markdown 文件直接放在 content/ 中，不属于任何栏目，不会发布，已忽略"),
        ("folder-not-a-section", "content/News/2023-07-01-tongzhi.md: warning: 文件夹 content/News/ 不是栏目，其中的 Markdown 文件不会发布，已忽略"),
        ("index-capitalised", "content/news/2023-07-01-huiyi/Index.md: warning: 正文文件名应为小写的 index.md，这里是 Index.md，整个文件夹已忽略"),
        ("same-title-and-date", "content/news/2023-06-30-changweihui.md:2: warning: 与 content/news/2023-06-30-meeting.md 的标题和日期都相同，同一篇文章会发布两次"),
        ("static-page-collision", "content/static/news/index.html: error: 静态文件与站点生成的页面同名：/news/index.html"),
        ("static-file-collision", "content/static/robots.txt: error: 静态文件与站点生成的页面同名：/robots.txt"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsPlace(name: String, expected: String) throws {
        let root = try fixtureSite(overlay: "check/\(name)")
        let check = try renda(["check", "--root", root.path])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(expected), "stdout was:\n\(check.stdout)")
        let isError = expected.contains(": error: ")
        #expect(check.status == (isError ? 1 : 0))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "check writes nothing")

        // The build runs the same checks: it refuses the errors and prints the warnings.
        let build = try renda(["build", "--root", root.path])
        #expect(build.status == (isError ? 1 : 0))
        if expected.contains(": info: ") {
            #expect(!build.stderr.contains(expected))
        } else {
            #expect(build.stderr.split(separator: "\n").map(String.init).contains(expected), "build stderr:\n\(build.stderr)")
        }
    }

    /// Off-site links are asked for only with --external; with no server behind them they are
    /// warnings on their line, the progress on stderr, and the check still passes.
    @Test func externalLinksAreCheckedOnRequest() throws {
        let root = try fixtureSite(overlay: "check/external-links")
        let offline = try renda(["check", "--root", root.path])
        #expect(offline.status == 0 && !offline.stdout.contains("外部链接") && !offline.stderr.contains("外部链接"))

        let check = try renda(["check", "--root", root.path, "--external"])
        #expect(check.status == 0, "\(check.stderr)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("content/news/2023-07-01-links.md:8:15: warning: 外部链接打不开（找不到这个网站的域名）：https://renda-test.invalid/jianyi/"),
                "stdout was:\n\(check.stdout)")
        #expect(check.stderr.contains("正在检查 2 个外部链接") && check.stderr.contains("外部链接检查完成：2 个中 2 个没有打开。"))
        // The address written in seven places is listed at its first three, saying so.
        #expect(lines.filter { $0.contains("tongzhi") } == [
            "content/news/2023-07-01-links.md:6:17: warning: 外部链接打不开（对方网站拒绝连接）：http://127.0.0.1:1/tongzhi（全站 7 处，这里列出前 3 处）",
            "content/news/2023-07-02-repeat.md:6:10: warning: 外部链接打不开（对方网站拒绝连接）：http://127.0.0.1:1/tongzhi（全站 7 处，这里列出前 3 处）",
            "content/news/2023-07-02-repeat.md:8:10: warning: 外部链接打不开（对方网站拒绝连接）：http://127.0.0.1:1/tongzhi（全站 7 处，这里列出前 3 处）",
        ])

        // JSON, for tools, has every place; stdout must stay JSON alone.
        let json = try renda(["check", "--root", root.path, "--external", "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.filter { ($0["message"] as? String)?.hasPrefix("外部链接打不开") == true }.count == 8)
    }

    /// Wording proofreaders count against a page: `renda check` reports it on its line; the
    /// build does not spend the time.
    @Test func wordingIsReadByCheck() throws {
        let root = try fixtureSite(overlay: "check/wording")
        let check = try renda(["check", "--root", root.path])
        #expect(check.status == 0)
        let lines = check.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("content/news/2023-07-01-huiyi.md") }
        #expect(lines == [
            // The title too: it is read most.
            "content/news/2023-07-01-huiyi.md:2: warning: 规划简称十四五要加引号，写作“十四五”",
            "content/news/2023-07-01-huiyi.md:2: warning: 这一行的中文之间用了英文标点“,”，应为“，”",
            "content/news/2023-07-01-huiyi.md:6: warning: 日期“6月30号”应写作“6月30日”",
            "content/news/2023-07-01-huiyi.md:6: warning: 规划简称十四五要加引号，写作“十四五”",
            "content/news/2023-07-01-huiyi.md:6: warning: 这一行的中文之间用了英文标点“,”，应为“，”",
            "content/news/2023-07-01-huiyi.md:8: warning: “截止目前”应为“截至目前”",
            "content/news/2023-07-01-huiyi.md:10: warning: 这一行的中文之间有从网页或 Word 复制来的特殊空格（U+00A0），网页上会显示成一个空档",
        ], "stdout was:\n\(check.stdout)")
        // A draft is proofread too, its summary as well as its body, marked as a draft's.
        let draft = check.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("content/news/2023-07-02-caogao.md") }
        #expect(draft == [
            "content/news/2023-07-02-caogao.md:4: warning: “做为”应为“作为”（草稿，发布前请改正）",
            "content/news/2023-07-02-caogao.md:5: info: 草稿，不会发布",
            "content/news/2023-07-02-caogao.md:8: warning: “布署”应为“部署”（草稿，发布前请改正）",
        ], "stdout was:\n\(check.stdout)")
        let build = try renda(["build", "--root", root.path])
        #expect(build.status == 0 && !build.stderr.contains("huiyi.md") && !build.stderr.contains("应为"), "\(build.stderr)")
    }

    @Test func aDraftsBrokenLinksAreWarningsOfCheckOnly() throws {
        let root = try fixtureSite(overlay: "check/draft-problems")
        let check = try renda(["check", "--root", root.path])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(check.status == 0, "a draft fails nothing:\n\(check.stdout)")
        #expect(lines.contains("content/news/2023-07-01-dd.md:7:7: warning: 链接指向的文章不存在：../news/other.md（草稿，发布前请改正）"),
                "stdout was:\n\(check.stdout)")
        #expect(lines.contains("content/news/2023-07-01-dd.md:9:9: warning: 图片不存在：photo.png（草稿，发布前请改正）"))
        #expect(lines.contains("content/news/2023-07-01-dd.md:5: info: 草稿，不会发布"))

        // The build leaves drafts out and says nothing of them; with --drafts they are errors as ever.
        let build = try renda(["build", "--root", root.path])
        #expect(build.status == 0)
        #expect(!build.stderr.contains("草稿，发布前请改正"), "build stderr:\n\(build.stderr)")
        let preview = try renda(["build", "--drafts", "--root", root.path])
        #expect(preview.status == 1)
        #expect(preview.stderr.contains("content/news/2023-07-01-dd.md:7:7: error: 链接指向的文章不存在：../news/other.md\n"))
    }

    /// An item dated later is left out like a draft, and checked like one: it would fail the
    /// build on its date.
    @Test func aScheduledItemsBrokenLinksAreWarningsOfCheck() throws {
        let root = try fixtureSite(overlay: "check/scheduled-problems")
        let check = try renda(["check", "--root", root.path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("content/news/2099-01-01-later.md:8:8: warning: 链接指向的文章不存在：../news/missing.md（尚未到发布日期，发布前请改正）"),
                "stdout was:\n\(check.stdout)")
    }

    @Test func listsEveryProblemAtOnceSortedByFile() throws {
        let root = try fixtureSite(overlay: "bad/impossible-date")
        try apply("check/link-missing-page", to: root)
        try apply("check/draft", to: root)
        let check = try renda(["check", "--root", root.path])
        #expect(check.status == 1)
        let files = check.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(": ") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(files == ["content/news/2023-07-01-a.md", "content/news/2023-07-01-d.md", "content/news/bad.md",
                          "content/topics.yml"])
        #expect(check.stdout.hasSuffix("检查完成：2 个错误，1 条警告，1 条提示。\n"))
    }

    @Test func jsonFormatForTools() throws {
        let root = try fixtureSite(overlay: "check/link-missing-path")
        let check = try renda(["check", "--root", root.path, "--format", "json"])
        #expect(check.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let first = try #require(entries.first)
        #expect(first["file"] as? String == "content/news/2023-07-01-a.md")
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 6)
        #expect(first["severity"] as? String == "error")
        #expect(first["message"] as? String == "站内链接指向不存在的页面：/topics/jiandu2/")
        // Every entry has every key, null where there is none (a whole file's problem has no line).
        #expect(entries.allSatisfy { Set($0.keys) == ["file", "line", "column", "severity", "message", "hint"] })
        #expect(check.stdout.hasSuffix("]\n"))
    }

    /// A site built into another folder, for another address, is compared with that build when
    /// `renda check` is told the same `--output` and `--base-url`; without them it looks at `site/`
    /// for `base_url` and has nothing to compare.
    @Test func comparesWithTheBuildItIsPointedAt() throws {
        let root = try fixtureSite()
        let output = root.appendingPathComponent("staging-output")
        let build = try renda(["build", "--root", root.path, "--output", output.path, "--base-url", "https://staging.example.cn/rd/"])
        #expect(build.status == 0, "\(build.stderr)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/news/2023-06-30-meeting.md"))

        let vanished = "content: warning: 上次生成的网站有文章 /news/meeting/，这次没有了，别处链接到它会打不开"
        let pointed = try renda(["check", "--root", root.path, "--output", output.path, "--base-url", "https://staging.example.cn/rd/"])
        #expect(pointed.stdout.split(separator: "\n").contains { $0 == vanished }, "stdout was:\n\(pointed.stdout)")
        // Without the folder's --base-url nothing is compared, and the check says so and how.
        let otherAddress = try renda(["check", "--root", root.path, "--output", output.path])
        #expect(!otherAddress.stdout.contains("上次生成"), "stdout was:\n\(otherAddress.stdout)")
        #expect(otherAddress.stdout.contains("content: info: \(output.path) 是按网址 https://staging.example.cn/rd/ 生成的"),
                "stdout was:\n\(otherAddress.stdout)")
        #expect(otherAddress.stdout.contains("renda check --output \(output.path) --base-url https://staging.example.cn/rd/"))
        let defaults = try renda(["check", "--root", root.path])
        #expect(!defaults.stdout.contains("上次生成"), "stdout was:\n\(defaults.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "check writes nothing")
    }

    /// The sample's newest published news is from 2025, so the one warning is the reminder that
    /// 工作动态 has not been updated; every article passes.
    @Test func theSampleSitePassesWithoutAnError() throws {
        let check = try renda(["check", "--root", repositoryRoot.path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains(": error: "))
        let warnings = check.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 1 && warnings[0].hasPrefix("content/news: warning: 工作动态已经 "), "\(check.stdout)")
    }
}

@Suite("renda new", .serialized)
struct NewTests {
    @Test(arguments: [
        (["news", "县人大常委会召开第十次会议：听取“两院”报告"], "content/news/", ".md"),
        (["report", "2024年工作报告"], "content/reports/", ".md"),
        (["deputy", "王秀兰"], "content/deputies/", ".md"),
        (["page", "办事指南"], "content/pages/", ".md"),
        (["news", "代表视察民生实事", "--bundle"], "content/news/", "/index.md"),
        (["deputy", "李国强", "--bundle"], "content/deputies/", "/index.md"),
    ])
    func writesAFileTheBuildAcceptsUnchanged(arguments: [String], folder: String, suffix: String) throws {
        let root = try fixtureSite()
        let created = try renda(["new"] + arguments + ["--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let path = try #require(created.stdout.split(separator: "\n").first?.replacingOccurrences(of: "已创建 ", with: ""))
        #expect(path.hasPrefix(folder) && path.hasSuffix(suffix))
        if arguments[0] != "page" {
            // Today in Asia/Shanghai, whatever zone the machine runs in.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            formatter.dateFormat = "yyyy-MM-dd"
            let today = formatter.string(from: Date())
            #expect(path.hasPrefix(folder + today + "-"), "\(path) should start with \(today)")
        }
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains(arguments[1]))
        if arguments[0] == "deputy" {
            for field in ["name:", "gender:", "ethnicity:", "born:", "party:", "occupation:", "delegation:", "level:",
                          "term:", "photo:", "year:"] {
                #expect(text.contains(field), "the deputy archetype lists \(field)")
            }
        }
        let check = try renda(["check", "--root", root.path])
        #expect(check.status == 0, "\(check.stdout)")
        let build = try renda(["build", "--root", root.path, "--drafts"])
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func aSecondNewWithTheSameTitleRefusesAndNamesTheFile() throws {
        let root = try fixtureSite()
        let first = try renda(["new", "news", "县人大常委会召开第十次会议", "--root", root.path])
        #expect(first.status == 0)
        let path = first.stdout.split(separator: "\n").first!.replacingOccurrences(of: "已创建 ", with: "")
        let original = try Data(contentsOf: root.appendingPathComponent(path))
        let second = try renda(["new", "news", "县人大常委会召开第十次会议", "--bundle", "--root", root.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("已有同名文件：\(path)"))
        #expect(try Data(contentsOf: root.appendingPathComponent(path)) == original)
    }

    @Test func headlinesWithTheSameOpeningGetTheirOwnAddresses() throws {
        let root = try fixtureSite()
        // An item of another day already has the address the next title would get.
        try "---\ntitle: 县人大常委会召开主任会议\ndate: 2023-01-09\n---\n正文。\n".write(
            to: root.appendingPathComponent("content/news/2023-01-09-xian-ren-da-chang-wei-hui-zhao-kai-zhu-ren-hui-yi.md"),
            atomically: true, encoding: .utf8)
        var paths: [String] = []
        for title in ["县人大常委会召开第十三次会议", "县人大常委会召开第十四次会议"] {
            let created = try renda(["new", "news", title, "--root", root.path])
            #expect(created.status == 0, "\(created.stderr)")
            paths.append(String(created.stdout.split(separator: "\n")[0].dropFirst("已创建 ".count)))
        }
        #expect(paths[0].hasSuffix("-xian-ren-da-chang-wei-hui-zhao-kai-di-shi-san-ci.md"))
        #expect(paths[1].hasSuffix("-xian-ren-da-chang-wei-hui-zhao-kai-di-shi-si-ci.md"))
        // The older item's own title again: the same article made twice, refused.
        let again = try renda(["new", "news", "县人大常委会召开主任会议", "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("已有同名文件：content/news/2023-01-09-xian-ren-da-chang-wei-hui-zhao-kai-zhu-ren-hui-yi.md"))
        let check = try renda(["check", "--root", root.path])
        #expect(!check.stdout.contains("网址相同"), "\(check.stdout)")
    }

    @Test func anotherTitleWithATakenAddressGetsTheNextNumber() throws {
        let root = try fixtureSite()
        try "---\ntitle: 代表视察民生实事项目\ndate: 2023-01-09\n---\n正文。\n".write(
            to: root.appendingPathComponent("content/news/2023-01-09-dai-biao-shi-cha-min-sheng-shi-shi.md"),
            atomically: true, encoding: .utf8)
        let created = try renda(["new", "news", "代表视察民生实事", "--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("-dai-biao-shi-cha-min-sheng-shi-shi-2.md"), "\(created.stdout)")
        let check = try renda(["check", "--root", root.path])
        #expect(!check.stdout.contains("网址相同"), "\(check.stdout)")
    }

    /// A `.markdown` article takes its address as an `.md` one does: the same title is refused,
    /// another one gets the next number.
    @Test func aMarkdownArticleHoldsItsAddressForNew() throws {
        let root = try fixtureSite()
        let existing = "content/news/2023-01-09-dai-biao-shi-cha.markdown"
        try "---\ntitle: 代表视察\ndate: 2023-01-09\n---\n正文。\n".write(
            to: root.appendingPathComponent(existing), atomically: true, encoding: .utf8)
        let again = try renda(["new", "news", "代表视察", "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("已有同名文件：\(existing)"), "\(again.stderr)")
        let other = try renda(["new", "news", "代表视察！", "--root", root.path])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.contains("-dai-biao-shi-cha-2.md"), "\(other.stdout)")
    }

    /// A deputy is profiled again each year: the same name as an earlier year's profile is the
    /// next one, with the year in its address; the same name twice in one year is refused, with
    /// how to name a namesake.
    @Test func aDeputyProfiledAgainInAnotherYearGetsTheYearInItsAddress() throws {
        let root = try fixtureSite()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/deputies"), withIntermediateDirectories: true)
        try "---\ntitle: 张伟\ndate: 2023-05-12\nname: 张伟\nyear: 2023\n---\n正文。\n".write(
            to: root.appendingPathComponent("content/deputies/2023-05-12-zhang-wei.md"), atomically: true, encoding: .utf8)
        let created = try renda(["new", "deputy", "张伟", "--bundle", "--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let year = calendar.component(.year, from: Date())
        #expect(created.stdout.contains("-zhang-wei-\(year)/index.md"), "\(created.stdout)")
        let again = try renda(["new", "deputy", "张伟", "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("今年已有“张伟”的代表风采"), "\(again.stderr)")
        #expect(again.stderr.contains("--slug zhang-wei-"), "\(again.stderr)")
    }

    /// The earlier profile is found by the deputy's name, whatever its title (a feature's
    /// ——记县人大代表邓海燕) or the spelling of its address (deng-haiyan, not deng-hai-yan): the new
    /// one takes that address with the year, not a near-identical second one.
    @Test func aReturningDeputyIsFoundByNameAndKeepsTheAddress() throws {
        let root = try fixtureSite()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/deputies/2024-12-10-deng-haiyan"),
                                                withIntermediateDirectories: true)
        try "---\ntitle: \"让竹编手艺“编”出致富路——记县人大代表邓海燕\"\ndate: 2024-12-10\nname: \"邓海燕\"\n性别: 女\n选区: 桃源乡\nyear: 2024\n---\n正文。\n".write(
            to: root.appendingPathComponent("content/deputies/2024-12-10-deng-haiyan/index.md"), atomically: true, encoding: .utf8)
        let created = try renda(["new", "deputy", "邓海燕", "--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        #expect(created.stdout.contains("-deng-haiyan-\(calendar.component(.year, from: Date())).md"), "\(created.stdout)")
        // Her details are carried over from that profile, to be checked, in place of the examples.
        let path = try #require(created.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("\ngender: \"女\"  # 沿用2024年的代表风采，请核对\n"), "\(text)")
        #expect(text.contains("\ndelegation: \"桃源乡\"  # 沿用2024年的代表风采，请核对\n"), "\(text)")
        #expect(text.contains("\nborn: \"1975-03\"  # 示例\n"), "what the earlier profile lacks stays an example")
        // Said, with what to do when she is a namesake of another 选区.
        #expect(created.stdout.contains("往年已有“邓海燕”的代表风采（content/deputies/2024-12-10-deng-haiyan），性别、选区、职务等已从中带过来，请逐项核对"),
                "\(created.stdout)")
    }

    @Test func anUnknownKindIsBadUsage() throws {
        let result = try renda(["new", "notice", "通知"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("未知的类型“notice”"))
    }
}
