import Foundation
import RendaContent
import RendaCore
import RendaSearch
@testable import RendaSite
import Testing

/// The sample site built once under a sub-path, with its search index opened the way the
/// browser reads it.
private enum Sample {
    static let baseURL = "https://www.example.gov.cn/rd/"

    static let built: Result<(BuiltSite, SearchIndex), Error> = Result {
        let site = try BuiltSite(baseURL: baseURL)
        return (site, try SearchIndex(folder: site.folder.appendingPathComponent("search")))
    }

    static func get() throws -> (tree: BuiltSite, report: BuildReport, index: SearchIndex) {
        let (site, index) = try built.get()
        return (site, site.report, index)
    }

    static func titles(_ query: String, section: String? = nil, year: Int? = nil) throws -> [String] {
        try get().index.search(query, section: section, year: year).hits.map(\.title)
    }
}

@Suite("Searching the sample site")
struct SampleSearchTests {
    /// Real queries a reader of the sample site would type, and the page that must come first.
    @Test(arguments: [
        // One character: titles holding it outrank bodies; newest first among equals.
        ("宪", "县人大常委会组织开展“宪法宣传周”系列活动"),
        // Two characters.
        ("预算", "县人大常委会召开预算审查专家组座谈会"),
        ("湿地", "县人大常委会跟踪检查湿地保护和河湖长制审议意见落实情况"),
        // Three characters: a deputy's name finds the profile.
        ("王秀兰", "扎根田间的“土专家”——记县人大代表王秀兰"),
        ("马小燕", "农家乐老板娘的“民生账本”——记县人大代表马小燕"),
        // Four characters.
        ("民生实事", "县人大常委会组织代表视察2024年民生实事项目"),
        ("乡镇人大", "县人大常委会首次对乡镇人大工作开展年度考核"),
        ("履职积分", "县人大代表履职积分管理全面推开"),
        ("未成年人", "县人大常委会开展未成年人保护法执法检查"),
        // A year, typed in half- or full-width digits, with or without 年.
        ("2023", "青禾县人大常委会2023年工作报告（摘要）"),
        ("２０２３年", "青禾县人大常委会2023年工作报告（摘要）"),
        // Mixed: a year and a phrase together.
        ("2023 民生实事", "县人大常委会视察2023年民生实事项目推进情况"),
        ("民生实事2024年", "县人大常委会组织代表视察2024年民生实事项目"),
        // A single page.
        ("联系我们", "联系我们"),
    ])
    func theExpectedPageRanksFirst(query: String, expected: String) throws {
        let titles = try Sample.titles(query)
        #expect(titles.first == expected, "\(query): \(titles.prefix(3))")
    }

    @Test func bothMeetingsAboutDeputiesSuggestionsLeadForTheirTopic() throws {
        let titles = try Sample.titles("代表建议")
        #expect(Set(titles.prefix(2)) == ["10件代表建议被确定为今年重点督办件", "县人大常委会召开代表建议交办会"])
        #expect(titles.count > 5, "pages that only file it under the topic follow")
        let byTopic = try #require(try Sample.get().index.search("代表建议").hits.first { $0.title.contains("局长") })
        #expect(byTopic.topics.contains("代表建议办理"), "the result can show the topic it was found by")
        let byPost = try #require(try Sample.get().index.search("恒通电子").hits.first)
        #expect(byPost.title.contains("谢文斌") && byPost.details.contains("青禾县恒通电子科技有限公司技术总监"),
                "and the detail: \(byPost.title) \(byPost.details)")
    }

    @Test func everyResultHoldsEveryPairOfTheQuery() throws {
        let index = try Sample.get().index
        for hit in try index.search("湿地保护").hits {
            let page = try #require(try Sample.get().tree.page(String(hit.href.dropFirst("/rd".count))))
            #expect(page.contains("湿地") && page.contains("地保") && page.contains("保护"), "\(hit.title)")
        }
    }

    /// Typed without a space, 2024年预算 looks for 2024 and 预算: the pair 年预 (from 年 the year's
    /// unit) would miss the congress's opening, which reads 2024年财政预算草案.
    @Test func aYearWithItsUnitFindsWhatTheYearAndTheWordFind() throws {
        let joined = try Sample.titles("2024年预算"), apart = try Sample.titles("2024 预算")
        #expect(joined.contains("县十九届人大四次会议隆重开幕"), "\(joined)")
        #expect(joined == apart)
    }

    @Test func wordsThatAreNowhereFindNothing() throws {
        #expect(try Sample.titles("量子计算机").isEmpty)
        #expect(try Sample.titles("，。").isEmpty)
    }

    @Test func aSectionFilterKeepsOnlyThatSectionAndCountsTheOthers() throws {
        let index = try Sample.get().index
        let all = try index.search("代表")
        let deputies = try index.search("代表", section: "deputies")
        #expect(!deputies.hits.isEmpty)
        #expect(deputies.hits.allSatisfy { $0.section == "deputies" })
        #expect(deputies.hits.count == all.sectionCounts["deputies"])
        #expect(all.sectionCounts.values.reduce(0, +) == all.hits.count)
        #expect(deputies.sectionCounts == all.sectionCounts, "section counts ignore the section filter")
    }

    @Test func byDateTheNewestComeFirstAndTheSamePagesAreFound() throws {
        let index = try Sample.get().index
        let best = try index.search("民生实事").hits, newest = try index.search("民生实事", byDate: true).hits
        #expect(Set(newest.map(\.id)) == Set(best.map(\.id)) && newest.map(\.id) != best.map(\.id))
        // 2023年3月9日 → 20230309
        let dates = newest.compactMap { hit in
            hit.date.map { $0.split(whereSeparator: { !$0.isNumber }).reduce(0) { $0 * 100 + Int($1)! } }
        }
        #expect(dates.count > 5 && dates == dates.sorted(by: >), "\(newest.map(\.date))")
    }

    @Test func aYearFilterKeepsOnlyThatYearAndYearCountsFollowTheSection() throws {
        let index = try Sample.get().index
        let in2024 = try index.search("民生实事", year: 2024)
        #expect(!in2024.hits.isEmpty)
        #expect(in2024.hits.allSatisfy { $0.date?.hasPrefix("2024年") == true })
        let reports = try index.search("民生实事", section: "reports")
        #expect(reports.yearCounts.values.reduce(0, +) == reports.hits.count)
    }

    @Test func theFirstPageDownloadsItsShardsAndSmallDocumentFiles() throws {
        let (tree, _, index) = try Sample.get()
        let results = try index.search("民生实事")
        #expect(results.hits.count > 10)
        let shards = results.filesRead.filter { $0.hasPrefix("t/") }
        #expect(shards.count <= 3, "three pairs, at most three shards")
        let documents = results.filesRead.filter { $0.hasPrefix("d/") }
        #expect(!documents.isEmpty && documents.count <= 10)
        // Titles and leads only: the pages' text stays in the pages.
        let bytes = documents.reduce(0) { $0 + (tree.data("search/" + $1)?.count ?? .max / 100) }
        #expect(bytes < documents.count * 6 * 1024, "\(bytes) bytes in \(documents.count) files")
        let longest = try #require(results.hits.map(\.href).compactMap { tree.page(String($0.dropFirst("/rd".count))) }.max { $0.count < $1.count })
        #expect(bytes < longest.utf8.count * documents.count, "a document file is smaller than a page")
    }

    @Test func eachResultCarriesTheLeadItsPageListsShow() throws {
        let hit = try #require(try Sample.get().index.search("王秀兰").hits.first)
        #expect(hit.lead.count > 20 && hit.lead.count <= 200, "\(hit.lead)")
        let page = try #require(try Sample.get().tree.page(String(hit.href.dropFirst("/rd".count))))
        #expect(page.contains("<meta name=\"description\" content=\"\(hit.lead)\">"),
                "the lead is the page's own summary")
    }
}

@Suite("The written search index")
struct SearchIndexOutputTests {
    @Test func linksInTheIndexAndOnThePageCarryTheBasePath() throws {
        let (tree, _, index) = try Sample.get()
        let hits = try index.search("代表").hits
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(hit.href.hasPrefix("/rd/"), "\(hit.href)")
            #expect(tree.page(String(hit.href.dropFirst("/rd".count))) != nil, "\(hit.href) is not a page")
        }
        let page = try #require(tree.page("/search/"))
        #expect(page.contains("data-index=\"/rd/search/index.json\""))
        #expect(page.contains("<script src=\"/rd/assets/search."))
        let home = try #require(tree.page("/"))
        #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"/rd/search/\""))
        #expect(home.contains("<label class=\"visually-hidden\" for=\"site-search-q\">"))
    }

    @Test func withoutJavaScriptTheSearchPageOffersTopicsAndYears() throws {
        let page = try #require(try Sample.get().tree.page("/search/"))
        let noscript = try #require(page.firstRange(of: /<noscript>[\s\S]*<\/noscript>/).map { String(page[$0]) })
        #expect(noscript.contains("/rd/topics/minsheng/"))
        #expect(noscript.contains("/rd/archive/2023/"))
        #expect(noscript.contains("启用JavaScript"))
    }

    @Test func theBuildReportsTheIndexSize() throws {
        let (tree, report, _) = try Sample.get()
        let files = tree.files(under: "search/").filter { $0 != "search/index.html" }
        #expect(report.searchIndex.files == files.count)
        #expect(report.searchIndex.bytes == files.reduce(0) { $0 + (tree.data($1)?.count ?? 0) })
        #expect(report.timings.contains { $0.stage == "search index" })
    }

    @Test func aSiteThatTurnsSearchOffHasNoPageNoBoxAndNoIndex() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-nosearch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: checkout.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let settings = root.appendingPathComponent("content/site.yml")
        try (String(contentsOf: settings, encoding: .utf8) + "search: false\n").write(to: settings, atomically: true, encoding: .utf8)
        let site = try BuiltSite(root: root, baseURL: Sample.baseURL)
        #expect(site.page("/search/") == nil)
        #expect(site.files(under: "search/").isEmpty)
        #expect(try #require(site.page("/")).contains("<header") && !(try #require(site.page("/")).contains("site-search")))
        #expect(site.report.searchIndex == SearchIndexSize())
    }

    @Test func wordsFromHeadingsAreFound() throws {
        // 工作联动 is only in a `##` heading near the end of the 2023 annual report.
        #expect(try Sample.titles("工作联动") == ["青禾县人大常委会2023年工作报告（摘要）"])
    }
}
