import Foundation
import RendaCore
@testable import RendaSite
import Testing

/// After each kind of edit, the preview folder (brought up to date incrementally) must equal a
/// fresh full build of the same sources, file for file and byte for byte.
@Suite("Incremental rebuilds equal a full build", .serialized)
struct IncrementalBuildTests {
    /// A preview of a private sample copy, and a full build of the same tree to compare with.
    final class Fixture {
        let sample: SampleSite
        let preview: URL
        let site: IncrementalSite

        init(drafts: Bool = false) throws {
            sample = try SampleSite()
            preview = sample.url(".renda-serve")
            site = try IncrementalSite(options: BuildOptions(root: sample.root, output: preview, includeDrafts: drafts),
                                       now: { testNow })
            try rebuild(nil)
        }

        deinit { sample.cleanUp() }

        @discardableResult
        func rebuild(_ changed: [String]?) throws -> RebuildReport {
            let report = try site.rebuild(changed: changed.map { Set($0.map { sample.url($0).path }) }).get()
            site.renderAllQueued()
            return report
        }

        /// Rebuilds after `changed` and compares with a full build; returns the rebuild's report.
        @discardableResult
        func expectEqualToFullBuild(after changed: [String]?, drafts: Bool = false,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RebuildReport {
            let report = try rebuild(changed)
            let full = FileManager.default.temporaryDirectory.appendingPathComponent("renda-full-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: full) }
            let options = BuildOptions(root: sample.root, output: full, includeDrafts: drafts, now: testNow)
            if case .failure(let failure) = SiteBuilder(options: options).build() {
                throw TestFailure("full build failed: \(failure)")
            }
            let problems = differences(full, preview)
            #expect(problems.isEmpty, "\(changed ?? []): \(problems.prefix(20))", sourceLocation: sourceLocation)
            return report
        }
    }

    @Test func firstBuildEqualsFullBuild() throws {
        let fixture = try Fixture()
        try fixture.expectEqualToFullBuild(after: nil)
    }

    @Test func bodyEditRendersOnlyThePagesShowingTheItem() throws {
        let fixture = try Fixture()
        let file = try fixture.sample.firstNews()
        try fixture.sample.write(file, try fixture.sample.read(file) + "\n增补的一段话，用于检查增量生成。\n")
        let report = try fixture.expectEqualToFullBuild(after: [file])
        #expect(report.quick && report.itemsRead == 1 && report.itemsRendered == 1)
        // The item, its neighbours, and the lists that show it: a few pages, not the whole site.
        #expect(report.pagesQueued > 0 && report.pagesQueued < 20, "\(report.queuedPaths)")
        // Nothing changed: nothing to do.
        let again = try fixture.expectEqualToFullBuild(after: [file])
        #expect(again.pagesQueued == 0 && again.itemsRead == 0 && again.filesWritten == 0)
    }

    /// Old addresses are files outside the page plan: added, retitled and taken away, the preview
    /// holds the same redirect pages as a full build.
    @Test func oldAddressesAreWrittenAndRemoved() throws {
        let fixture = try Fixture()
        let file = try fixture.sample.firstNews()
        let text = try fixture.sample.read(file)
        try fixture.sample.write(file, text.replacingOccurrences(of: "---\n", with: "---\naliases: [/art/2024/1/1/art_1_2.html]\n", options: [], range: text.range(of: "---\n")))
        try fixture.expectEqualToFullBuild(after: [file])
        #expect(FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("art/2024/1/1/art_1_2.html").path))

        let title = try #require(try fixture.sample.read(file).split(separator: "\n").first { $0.hasPrefix("title:") || $0.hasPrefix("标题:") })
        try fixture.sample.replace(file, String(title), with: "title: \"改过的标题\"")
        try fixture.expectEqualToFullBuild(after: [file])

        try fixture.sample.write(file, text)
        try fixture.expectEqualToFullBuild(after: [file])
        #expect(!FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("art/2024/1/1/art_1_2.html").path))
    }

    @Test func titleDateTopicAndDraftEdits() throws {
        let fixture = try Fixture()
        let file = try fixture.sample.firstNews()
        let text = try fixture.sample.read(file)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") || $0.hasPrefix("标题:") })
        try fixture.sample.replace(file, String(title), with: "title: \"改过的标题：县人大常委会开展专题调研\"")
        try fixture.expectEqualToFullBuild(after: [file])

        // A new date moves the item across pages, archives and neighbours.
        let date = try #require(try fixture.sample.read(file).split(separator: "\n").first { $0.hasPrefix("date:") || $0.hasPrefix("日期:") })
        try fixture.sample.replace(file, String(date), with: "date: 2024-12-30")
        #expect(try !fixture.expectEqualToFullBuild(after: [file]).quick)

        // Topics change the topic pages and counts.
        try fixture.sample.replace(file, "topics: [重大事项决定, 预算审查]", with: "topics: [代表工作]")
        try fixture.expectEqualToFullBuild(after: [file])

        // A draft leaves the site; published again it comes back.
        try fixture.sample.replace(file, "date: 2024-12-30", with: "date: 2024-12-30\ndraft: true")
        try fixture.expectEqualToFullBuild(after: [file])
        try fixture.sample.replace(file, "date: 2024-12-30\ndraft: true", with: "date: 2024-12-30")
        try fixture.expectEqualToFullBuild(after: [file])
    }

    @Test func addingAndDeletingItems() throws {
        let fixture = try Fixture()
        let new = "content/news/2026-05-20-xin-wen.md"
        try fixture.sample.write(new, """
        ---
        title: 县人大常委会召开新一次会议
        date: 2026-05-20
        topics: [监督工作]
        ---
        会议审议了有关报告。[上一篇报告](../reports/\(try FileManager.default.contentsOfDirectory(atPath: fixture.sample.url("content/reports").path).sorted().first { $0.hasSuffix(".md") }!))
        """)
        try fixture.expectEqualToFullBuild(after: [new])
        try fixture.sample.remove(new)
        try fixture.expectEqualToFullBuild(after: [new])
        // Deleting an item that others link to is an error, as `renda check` reports it; deleting
        // one nobody links to is not, and the preview then equals a full build.
        let victim = try fixture.sample.firstNews()
        try fixture.sample.remove(victim)
        switch fixture.site.rebuild(changed: [fixture.sample.url(victim).path]) {
        case .success:
            fixture.site.renderAllQueued()
            try fixture.expectEqualToFullBuild(after: [])
        case .failure(.content(let diagnostics)):
            guard case .failure(.content(let checked)) = SiteBuilder(options: BuildOptions(root: fixture.sample.root, now: testNow)).check() else {
                throw TestFailure("the rebuild failed where renda check finds no error: \(diagnostics)")
            }
            #expect(diagnostics.sorted == checked.sorted)
        case .failure(let failure):
            throw TestFailure("\(failure)")
        }
    }

    /// A 2025 profile of `name`, deputy of `delegation`.
    private func profile2025(_ name: String, of delegation: String) -> String {
        "---\ntitle: \(name)\ndate: 2025-12-09\nname: \(name)\ngender: 女\noccupation: \(delegation)的种植户\n"
            + "delegation: \(delegation)\nterm: 第十九届\nyear: 2025\n---\n又一年的履职故事。\n"
    }

    /// A deputy profiled again: the earlier profile's page and card link to the new year, and the
    /// deputies section still counts one deputy. Renaming the new profile's deputy makes two.
    /// 马小燕's first profile is the oldest: no page shows it beside the new one by chance.
    @Test func aDeputyProfiledAgainIsLinkedFromTheEarlierYear() throws {
        let fixture = try Fixture()
        let new = "content/deputies/2025-12-09-ma-xiaoyan-2025.md"
        try fixture.sample.write(new, profile2025("马小燕", of: "河口镇"))
        try fixture.expectEqualToFullBuild(after: [new])
        try fixture.sample.replace(new, "name: 马小燕", with: "name: 马晓燕")
        try fixture.expectEqualToFullBuild(after: [new])
        try fixture.sample.replace(new, "name: 马晓燕", with: "name: 马小燕")
        try fixture.expectEqualToFullBuild(after: [new])
        // The year its link shows.
        try fixture.sample.replace(new, "year: 2025", with: "year: 2026")
        try fixture.expectEqualToFullBuild(after: [new])
    }

    /// The deputies section counts deputies on each of its pages: a new profile renamed to the
    /// newest deputy's name makes one deputy fewer, while the second page's profiles stay as they
    /// were (only the count says so there).
    @Test func everyPageOfTheDeputiesSectionFollowsItsCount() throws {
        let fixture = try Fixture()
        let new = "content/deputies/2025-12-09-deng-haiyan-2025.md"
        try fixture.sample.write(new, profile2025("邓海英", of: "桃源乡"))
        try fixture.expectEqualToFullBuild(after: [new])
        try fixture.sample.replace(new, "name: 邓海英", with: "name: 邓海燕")
        try fixture.expectEqualToFullBuild(after: [new])
    }

    /// A `.markdown` article is added and edited as an `.md` one is: its edit is a quick rebuild.
    @Test func aMarkdownArticleIsAddedAndEditedAsAnMdOne() throws {
        let fixture = try Fixture()
        let new = "content/news/2026-05-20-xin-wen.markdown"
        try fixture.sample.write(new, "---\ntitle: 县人大常委会召开新一次会议\ndate: 2026-05-20\ntopics: [监督工作]\n---\n会议审议了有关报告。\n")
        try fixture.expectEqualToFullBuild(after: [new])
        #expect(FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("news/xin-wen/index.html").path))
        try fixture.sample.write(new, try fixture.sample.read(new) + "\n增补的一段话，用于检查增量生成。\n")
        let report = try fixture.expectEqualToFullBuild(after: [new])
        #expect(report.quick && report.itemsRead == 1 && report.itemsRendered == 1)
    }

    /// A draft naming a loose image keeps it from the unused-file warning; edited so that it no
    /// longer names it, the preview's warnings are a full build's.
    @Test func aDraftThatStopsNamingALooseFileBringsBackItsWarning() throws {
        let fixture = try Fixture()
        let draft = "content/news/2026-05-21-cao-gao.md"
        try fixture.sample.write("content/news/tupian.png", "png")
        try fixture.sample.write(draft, "---\ntitle: 草稿\ndate: 2026-05-21\ntopics: [监督工作]\ndraft: true\n---\n![现场](tupian.png)\n")
        func unusedFiles(_ diagnostics: Diagnostics) -> [String] {
            diagnostics.warnings.filter { $0.message.hasPrefix("不是 Markdown 文件") }.map(\.location.file)
        }
        #expect(unusedFiles(try fixture.rebuild([draft, "content/news/tupian.png"]).diagnostics) == [])
        try fixture.sample.replace(draft, "![现场](tupian.png)", with: "现场照片待补。")
        let report = try fixture.rebuild([draft])
        let full = try SiteBuilder(options: BuildOptions(root: fixture.sample.root, output: fixture.sample.url("full"), now: testNow)).build().get()
        #expect(unusedFiles(full.diagnostics) == ["content/news/tupian.png"])
        #expect(report.diagnostics.sorted == full.diagnostics.sorted)
    }

    /// A draft shown in a preview with drafts that gets a field in error (工作单位及职务 emptied)
    /// leaves the preview without failing it, as a full build leaves it out; mended, it is back.
    @Test func aDraftWhoseFieldGoesWrongLeavesThePreview() throws {
        let fixture = try Fixture(drafts: true)
        let draft = "content/deputies/2026-05-21-li-hong.md"
        let text = "---\ntitle: 李红\ndate: 2026-05-21\nname: 李红\ngender: 女\noccupation: 教师\ndelegation: 城关镇\nterm: 第十九届\ndraft: true\n---\n正文。\n"
        try fixture.sample.write(draft, text)
        try fixture.expectEqualToFullBuild(after: [draft], drafts: true)
        #expect(FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("deputies/li-hong/index.html").path))
        try fixture.sample.replace(draft, "occupation: 教师", with: "occupation: \"\"")
        let report = try fixture.expectEqualToFullBuild(after: [draft], drafts: true)
        #expect(report.diagnostics.warnings.contains { $0.message == "字段 occupation（工作单位及职务）不能为空（草稿，发布前请改正）" })
        #expect(!FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("deputies/li-hong/index.html").path))
        try fixture.sample.replace(draft, "occupation: \"\"", with: "occupation: 教师")
        try fixture.expectEqualToFullBuild(after: [draft], drafts: true)
        #expect(FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("deputies/li-hong/index.html").path))
        // An error in a field the quick rebuild does not compare (a summary written as a list):
        // being withheld is what sends it to the full prepare.
        try fixture.sample.replace(draft, "term: 第十九届", with: "term: 第十九届\nsummary: [一, 二]")
        try fixture.expectEqualToFullBuild(after: [draft], drafts: true)
        #expect(!FileManager.default.fileExists(atPath: fixture.preview.appendingPathComponent("deputies/li-hong/index.html").path))
    }

    @Test func templateStylesheetSettingsAndTopicsChanges() throws {
        let fixture = try Fixture()
        try fixture.sample.replace("themes/default/templates/single.mustache", "</article>", with: "</article>\n<p>模板改动</p>")
        let template = try fixture.expectEqualToFullBuild(after: ["themes/default/templates/single.mustache"])
        #expect(template.quick && template.itemsRead == 0 && template.itemsRendered == 0)

        // A stylesheet change renames the hashed file every page links to.
        let css = "themes/default/static/assets/style.css"
        try fixture.sample.write(css, try fixture.sample.read(css) + "\n.renda-test { color: red; }\n")
        try fixture.expectEqualToFullBuild(after: [css])

        try fixture.sample.replace("content/site.yml", "per_page: 10", with: "per_page: 7")
        try fixture.expectEqualToFullBuild(after: ["content/site.yml"])

        let topics = "content/topics.yml"
        try fixture.sample.write(topics, try fixture.sample.read(topics) + "\n- slug: xinzhuanti\n  name: 新专题\n  description: 测试用专题\n")
        try fixture.expectEqualToFullBuild(after: [topics])
    }

    @Test func staticAndBundleFiles() throws {
        let fixture = try Fixture()
        let image = "content/static/images/test-pixel.png"
        try FileManager.default.createDirectory(at: fixture.sample.url("content/static/images"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: fixture.sample.url(image))
        try fixture.expectEqualToFullBuild(after: [image])

        // A link to the new image from an item: the item renders again, the rest stays.
        let file = try fixture.sample.firstNews()
        try fixture.sample.write(file, try fixture.sample.read(file) + "\n![测试](/images/test-pixel.png)\n")
        try fixture.expectEqualToFullBuild(after: [file])

        let deputies = try FileManager.default.contentsOfDirectory(atPath: fixture.sample.url("content/deputies").path).sorted()
        let bundle = "content/deputies/\(deputies.first { !$0.hasSuffix(".md") }!)/extra.txt"
        try fixture.sample.write(bundle, "附件")
        try fixture.expectEqualToFullBuild(after: [bundle])
        try fixture.sample.remove(bundle)
        try fixture.expectEqualToFullBuild(after: [bundle])
    }

    @Test func unknownChangesAndDrafts() throws {
        let fixture = try Fixture(drafts: true)
        try fixture.expectEqualToFullBuild(after: nil, drafts: true)
        let file = try fixture.sample.firstNews()
        try fixture.sample.write(file, "---\ndraft: true\n" + (try fixture.sample.read(file)).dropFirst(4))
        // Unknown changes (the watcher lost events): everything is looked at again.
        try fixture.expectEqualToFullBuild(after: nil, drafts: true)
    }

    /// A single page's 上级页面 changes its breadcrumbs and the site's checks: moved to another
    /// page, its parent retitled, or made wrong, the preview and its errors follow.
    @Test func aParentPageEditIsFollowed() throws {
        let fixture = try Fixture()
        let page = "content/pages/zucheng.md"
        try fixture.sample.replace(page, "上级页面: /jigou/", with: "上级页面: /contact/")
        try fixture.expectEqualToFullBuild(after: [page])
        #expect(try String(contentsOf: fixture.preview.appendingPathComponent("zucheng/index.html"), encoding: .utf8)
            .contains("<li><a href=\"/contact/\">联系我们</a></li>"))
        try fixture.sample.replace("content/pages/contact.md", "title: \"联系我们\"", with: "title: \"联系方式\"")
        try fixture.expectEqualToFullBuild(after: ["content/pages/contact.md"])
        try fixture.sample.replace(page, "上级页面: /contact/", with: "上级页面: /contcat/")
        guard case .failure(.content(let diagnostics)) = fixture.site.rebuild(changed: [fixture.sample.url(page).path]) else {
            throw TestFailure("a wrong parent must fail the rebuild")
        }
        #expect(diagnostics.errors.map(\.message) == ["上级页面 /contcat/ 不是本站已发布的单页面"])
    }

    @Test func errorsLeaveThePreviewUntouchedAndMatchCheck() throws {
        let fixture = try Fixture()
        let before = filesUnder(fixture.preview)
        let file = try fixture.sample.firstNews()
        try fixture.sample.write(file, try fixture.sample.read(file) + "\n[坏链接](../reports/no-such-report.md)\n")
        guard case .failure(.content(let diagnostics)) = fixture.site.rebuild(changed: [fixture.sample.url(file).path]) else {
            throw TestFailure("a broken link must fail the rebuild")
        }
        fixture.site.renderAllQueued()
        #expect(filesUnder(fixture.preview) == before)
        guard case .failure(.content(let checked)) = SiteBuilder(options: BuildOptions(root: fixture.sample.root, now: testNow)).check() else {
            throw TestFailure("renda check must find the error")
        }
        // The same, but for the reminder that depends on the day, which only `renda check` gives
        // (the sample's newest news is older than two weeks).
        #expect(diagnostics.sorted == checked.sorted.filter { $0.location.file != "content/news" })
        #expect(checked.sorted.filter { $0.location.file == "content/news" }.count == 1)
        #expect(diagnostics.errors.contains { $0.message.contains("no-such-report.md") })

        // Fixed: the preview catches up with the edit.
        try fixture.sample.replace(file, "\n[坏链接](../reports/no-such-report.md)\n", with: "\n修正后的一段。\n")
        try fixture.expectEqualToFullBuild(after: [file])
    }
}
