import Foundation
import RendaCore
import Testing

/// The annual collection lists 选区 in the county's own order, from site.yml, and deputies by
/// the pinyin of their names.
@Suite("The order of the collection")
struct CollectionOrderTests {
    private func profile(_ name: String, _ delegation: String) -> String {
        "---\ntitle: \(name)\ndate: 2024-05-06\n姓名: \(name)\n性别: 女\n工作单位及职务: 教师\n选区: \(delegation)\n届次: 第十九届\n---\n正文。\n"
    }

    /// 马小燕 of 河口镇 profiled in 2023 and 2024, and a namesake of 城关镇 in 2024.
    private func returningDeputySite() throws -> URL {
        try makeSite([
            "content/deputies/2023-05-06-ma.md": profile("马小燕", "河口镇").replacingOccurrences(of: "2024-05-06", with: "2023-05-06"),
            "content/deputies/2024-05-06-ma-2024.md": profile("马小燕", "河口镇"),
            "content/deputies/2024-05-06-ma-chengguan.md": profile("马小燕", "城关镇"),
        ])
    }

    /// The section counts deputies, not profiles: one profiled in two years is one deputy, and
    /// namesakes of two 选区 are two.
    @Test func theSectionCountsDeputiesNotProfiles() throws {
        let root = try returningDeputySite()
        let (output, result) = build(root: root)
        _ = try result.get()
        let page = try String(contentsOf: output.appendingPathComponent("deputies/index.html"), encoding: .utf8)
        #expect(page.contains(#"<p class="page-count">共2位代表</p>"#))
    }

    /// A deputy's profiles of other years link to each other; a namesake of another 选区 is
    /// another person, and is not linked.
    @Test func aDeputysProfilesOfOtherYearsAreLinked() throws {
        let root = try returningDeputySite()
        let (output, result) = build(root: root)
        _ = try result.get()
        func others(_ page: String) throws -> String? {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            return html.range(of: #"<p class="profile-other-years">[^\n]*</p>"#, options: .regularExpression).map { String(html[$0]) }
        }
        #expect(try others("deputies/ma/index.html") == #"<p class="profile-other-years">这位代表其他年度的风采：<a href="/deputies/ma-2024/">2024年</a></p>"#)
        #expect(try others("deputies/ma-2024/index.html") == #"<p class="profile-other-years">这位代表其他年度的风采：<a href="/deputies/ma/">2023年</a></p>"#)
        #expect(try others("deputies/ma-chengguan/index.html") == nil)
    }

    /// `delegations` sets the order (镇 before 乡, not pinyin's 白沙镇 first); a 选区 it does not
    /// list comes after, and is a warning on its line with the name it most likely means.
    @Test func siteYmlSetsTheOrderAndAnUnlistedOneIsNamed() throws {
        let root = try makeSite([
            "content/site.yml": "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/\ndelegations: [城关镇, 白沙镇, 杏林乡]\n",
            "content/deputies/2024-05-06-a.md": profile("甲", "杏林乡"),
            "content/deputies/2024-05-06-b.md": profile("乙", "白沙镇"),
            "content/deputies/2024-05-06-c.md": profile("丙", "城关镇"),
            "content/deputies/2024-05-06-d.md": profile("丁", "城关"),
            "content/deputies/2024-05-06-e.md": profile("戊", "城关镇第三选区"),
        ])
        let (output, result) = build(root: root)
        let report = try result.get()
        let page = try String(contentsOf: output.appendingPathComponent("deputies/2024/index.html"), encoding: .utf8)
        let headings = page.components(separatedBy: "<h2 class=\"delegation-title\"").dropFirst().map { $0.split(separator: "<")[0] }
        #expect(headings.map { $0.split(separator: ">").last.map(String.init) ?? "" } == ["城关镇", "白沙镇", "杏林乡", "城关", "城关镇第三选区"])
        // Each 选区's anchor is its name, not its place, so a shared link keeps its 选区.
        #expect(page.contains(#"<section class="delegation" id="d-cheng-guan-zhen""#) && page.contains(##"href="#d-xing-lin-xiang""##))
        let warning = try #require(report.diagnostics.warnings.first { $0.message.hasPrefix("选区“城关”") })
        #expect(warning.location == SourceLocation(file: "content/deputies/2024-05-06-d.md", line: 7))
        #expect(warning.hint?.hasPrefix("是否想写“城关镇”？") == true)
        let within = try #require(report.diagnostics.warnings.first { $0.message.hasPrefix("选区“城关镇第三选区”") })
        #expect(within.hint?.hasPrefix("是否想写“城关镇”？") == true)
    }

    /// The printed booklet's pages carry running heads: the collection's title, and the 选区 of
    /// the page (a named page per 选区), written into a style sheet where a 选区's name cannot
    /// end the `<style>` element or the CSS string.
    @Test func printedPagesNameTheirDelegation() throws {
        let root = try makeSite([
            "content/deputies/2024-05-06-a.md": profile("甲", "河口镇"),
            "content/deputies/2024-05-06-b.md": profile("乙", #"城关"东</style>镇"#),
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        let page = try String(contentsOf: output.appendingPathComponent("deputies/2024/index.html"), encoding: .utf8)
        #expect(page.contains("  .page-collection #d-he-kou-zhen { page: d-he-kou-zhen; }\n"
            + #"  @page d-he-kou-zhen { @top-left { content: "2024年代表风采汇编"; } @top-right { content: "河口镇"; } }"#))
        #expect(page.contains(#"@top-right { content: "城关\"东\3c /style\3e 镇"; }"#))
        #expect(page.components(separatedBy: "</style>").count == 2)
        #expect(page.contains(#"@page collection-contents { @top-left { content: "2024年代表风采汇编"; } }"#))
    }

    /// A surname read otherwise than its character's usual reading sorts by the surname's:
    /// 区 Ou, 朴 Piao, 覃 Qin, 仇 Qiu, 单 Shan, 解 Xie, 曾 Zeng, 查 Zha (not qu, pu, tan, chou, dan,
    /// jie, ceng, cha). A delegation's name is read as usual.
    @Test func surnamesSortByTheirOwnReading() throws {
        let names = ["曾国华", "单永红", "解晓明", "蔡文", "邹平", "仇建", "区志坚", "朴成浩", "查明", "覃小梅"]
        var files: [String: String] = [:]
        for (index, name) in names.enumerated() {
            files["content/deputies/d\(index).md"] = "---\ntitle: 代表\(name)\ndate: 2023-05-01\nname: \(name)\ngender: 女\n"
                + "occupation: 村医\ndelegation: 白沙镇\nterm: 第十九届\nyear: 2023\n---\n正文。\n"
        }
        let (out, result) = build(root: try makeSite(files))
        _ = try result.get()
        let page = try #require(OutputTree(out).page("/deputies/2023/"))
        let expected = ["蔡文", "区志坚", "朴成浩", "覃小梅", "仇建", "单永红", "解晓明", "曾国华", "查明", "邹平"]
        let positions = expected.map { page.range(of: ">\($0)<")?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }
}
