import Foundation
@testable import RendaSearch
import Testing

/// The index files on made-up documents, read back through `SearchIndex` from memory.
@Suite("Writing and reading an index")
struct SearchIndexWriterTests {
    private static let sections = [SearchSection(key: "news", name: "工作动态"), SearchSection(key: "reports", name: "工作报告"),
                                   SearchSection(key: "deputies", name: "代表风采"), SearchSection(key: "pages", name: "页面")]

    private func document(_ title: String, year: Int?, section: Int = 0, topics: [String] = [], text: String,
                          summary: String? = nil) -> SearchDocument {
        SearchDocument(title: title, href: "/rd/\(title)/", date: year.map { "\($0)年1月1日" }, year: year, section: section,
                       fields: topics.map { .init($0, .topic) },
                       summary: summary, text: text)
    }

    private var documents: [SearchDocument] {
        [
            document("县人大常委会召开会议", year: 2024, text: "会议听取了代表建议办理情况的报告。"),
            document("代表建议交办会召开", year: 2024, text: "交办代表建议一百件。"),
            document("视察民生实事项目", year: 2023, section: 1, topics: ["代表建议办理"], text: "代表们视察了项目。"),
            document("联系我们", year: nil, section: 3, text: "电话：0000-1234567。代表 建议请寄县人大常委会办公室。"),
        ]
    }

    private func index(_ files: [SearchIndexFile]) throws -> SearchIndex {
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.bytes)) })
        return try SearchIndex { path in
            guard let data = byPath[SearchIndexWriter.folder + path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }
    }

    @Test func aTitleMatchOutranksATopicAndATopicOutranksTheBody() throws {
        let hits = try index(SearchIndexWriter.files(documents: documents, sections: Self.sections)).search("代表建议").hits
        #expect(hits.map(\.title) == ["代表建议交办会召开", "视察民生实事项目", "县人大常委会召开会议"],
                "the page with 代表 and 建议 apart does not hold 表建")
    }

    @Test func everyTokenMustMatchAndFiltersCount() throws {
        let index = try index(SearchIndexWriter.files(documents: documents, sections: Self.sections))
        #expect(try index.search("代表 电话").hits.map(\.title) == ["联系我们"])
        let results = try index.search("代表", year: 2024)
        #expect(results.hits.map(\.title) == ["代表建议交办会召开", "县人大常委会召开会议"])
        #expect(results.sectionCounts == ["news": 2])
        #expect(try index.search("代表").yearCounts == [2024: 2, 2023: 1])
    }

    @Test func aSingleCharacterIsLookedUpInTitlesTopicsAndLeadsNotDeepInTheBody() throws {
        let long = String(repeating: "会议听取了报告。", count: 40)
        let documents = [
            document("宪法宣传周", year: 2024, text: "活动在各乡镇开展。"),
            document("普法活动", year: 2024, topics: ["宪法"], text: "活动在各乡镇开展。"),
            document("代表视察", year: 2024, text: "代表们学习宪法。" + long),
            document("工作报告", year: 2024, text: long + "报告提到宪法。"),
        ]
        let index = try index(SearchIndexWriter.files(documents: documents, sections: Self.sections))
        #expect(try index.search("宪").hits.map(\.title) == ["宪法宣传周", "普法活动", "代表视察"],
                "title, topic, lead (the start of the text); not 工作报告, which has it only past its lead")
        #expect(try index.search("宪法").hits.map(\.title).last == "工作报告", "pairs come from the whole body")
    }

    @Test func theYearOfTheDateIsFoundLikeADetail() throws {
        let index = try index(SearchIndexWriter.files(documents: documents, sections: Self.sections))
        let hits = try index.search("2023").hits
        #expect(hits.map(\.title) == ["视察民生实事项目"], "2023 is only in that page's date")
        #expect(hits.first?.score == 1609 * 6, "rarity round(1000 · ln(1 + 4/1)) times a detail's score")
    }

    @Test func theSameDocumentsGiveTheSameBytes() {
        let first = SearchIndexWriter.files(documents: documents, sections: Self.sections)
        let second = SearchIndexWriter.files(documents: documents, sections: Self.sections)
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.bytes) == second.map(\.bytes))
        var changed = documents
        changed[3].title = "联系方式"
        let manifest = { (files: [SearchIndexFile]) in String(decoding: files[0].bytes, as: UTF8.self) }
        #expect(manifest(first) != manifest(SearchIndexWriter.files(documents: changed, sections: Self.sections)),
                "a changed page changes the version every file is fetched under")
    }

    @Test func documentsAreWrittenEightToAFileWithTheirLeadsAndNotTheirText() throws {
        let many = (0..<20).map { number in
            document("第\(number)号", year: 2024, text: String(repeating: "正文很长。", count: 500),
                     summary: number == 3 ? "编辑写的摘要。" : nil)
        }
        let files = SearchIndexWriter.files(documents: many, sections: Self.sections)
        let documentFiles = files.filter { $0.path.hasPrefix("search/d/") }
        #expect(documentFiles.map(\.path) == ["search/d/0.json", "search/d/1.json", "search/d/2.json"])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(documentFiles[0].bytes)) as? [[String: Any]])
        #expect(first.count == 8)
        #expect(first[3]["m"] as? String == "编辑写的摘要。")
        #expect((first[0]["m"] as? String)?.count == 120, "without a lead, the start of the text")
        #expect(documentFiles.allSatisfy { $0.bytes.count < 5_000 }, "eight 2,500-character texts stay out")
        let hit = try #require(try index(files).search("第19号").hits.first)
        #expect(hit.title == "第19号" && hit.href == "/rd/第19号/", "the last file holds the last four")
    }

    @Test func aResultFoundByItsTopicCarriesItsTopicsToShow() throws {
        let files = SearchIndexWriter.files(documents: documents, sections: Self.sections)
        let hits = try index(files).search("代表建议办理").hits
        #expect(hits.map(\.title) == ["视察民生实事项目", "县人大常委会召开会议"], "the topic, then the body")
        #expect(hits.map(\.topics) == [["代表建议办理"], []])
        let file = try #require(files.first { $0.path == "search/d/0.json" })
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [[String: Any]])
        #expect(entries[0]["k"] == nil && entries[0]["f"] == nil, "a page without topics writes no empty list")

        var profile = document("扎根田间的土专家", year: 2024, section: 2, topics: ["代表工作"], text: "她种了二十年菜。")
        profile.fields += [.init("王秀兰", .title), .init("白马乡", .detail), .init("蔬菜种植合作社理事长", .detail)]
        let hit = try #require(try index(SearchIndexWriter.files(documents: [profile], sections: Self.sections))
            .search("合作社").hits.first)
        #expect(hit.topics == ["代表工作"] && hit.details == ["白马乡", "蔬菜种植合作社理事长"],
                "details, not the name")
        #expect(hit.names == ["王秀兰"], "the name the title does not hold, for the result to show")
        profile.title = "扎根田间的土专家——记县人大代表王秀兰"
        let named = try #require(try index(SearchIndexWriter.files(documents: [profile], sections: Self.sections))
            .search("王秀兰").hits.first)
        #expect(named.names.isEmpty, "a title that holds the name does not write it twice")
    }

    @Test func theManifestNumbersYearsAsRunsAndPacksSections() throws {
        let files = SearchIndexWriter.files(documents: documents, sections: Self.sections)
        #expect(files[0].path == "search/index.json")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files[0].bytes)) as? [String: Any])
        #expect(manifest["years"] as? [[Int]] == [[2024, 0, 2], [2023, 2, 1]])
        #expect(manifest["count"] as? Int == 4)
        let packed = try #require(manifest["docSections"] as? String)
        #expect(PostingCodec.unpack(packed, bits: 2, count: 4) == [0, 0, 1, 3])
        let shards = try #require(manifest["shards"] as? Int)
        #expect(files.filter { $0.path.hasPrefix("search/t/") }.count == shards, "every shard is written, even empty")
    }
}
