import Foundation
import RendaContent
import RendaCore
import Testing

/// The sample site is what a new user builds first and what tests and benchmarks look at:
/// these checks keep it from silently shrinking.
@Suite("The sample content")
struct SampleContentTests {
    let content: SiteContent

    init() throws {
        let (loaded, diagnostics) = ContentLoader(root: repositoryRoot).load()
        guard let loaded, diagnostics.isEmpty else { throw TestFailure("sample content has problems:\n\(diagnostics)") }
        content = loaded
    }

    func items(_ kind: SectionKind) -> [Item] { content.items.filter { $0.kind == kind } }

    @Test func hasTheTopicsACountyCongressUses() {
        #expect((10...12).contains(content.topics.topics.count))
        for topic in content.topics.topics {
            #expect(content.items.contains { $0.topics.contains(topic.slug) && !$0.draft }, "topic \(topic.name) has no item")
        }
    }

    @Test func hasAReportSummaryForEachSeedReport() {
        let reports = items(.reports)
        #expect(reports.count >= 5)
        for report in reports {
            #expect(report.report?.figures.isEmpty == false, "\(report.sourcePath) has no key figures")
            #expect(report.body.components(separatedBy: "\n## ").count >= 4, "\(report.sourcePath) needs ## sections")
        }
    }

    @Test func hasThirtyNewsItemsOverThreeYears() {
        let news = items(.news)
        #expect(news.count >= 30)
        #expect(Set(news.compactMap { $0.date?.year }).count >= 3)
        for item in news {
            let length = item.body.filter { !$0.isWhitespace }.count
            #expect((300...1600).contains(length), "\(item.sourcePath) has \(length) characters")
        }
        #expect(news.filter(\.draft).count == 1)
        #expect(news.filter(\.isBundle).count >= 4)
    }

    @Test func someItemsUseChineseKeys() throws {
        var chinese = 0
        for item in items(.news) {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(item.sourcePath), encoding: .utf8)
            if text.contains("\n标题:") { chinese += 1 }
        }
        #expect(chinese >= 4)
    }

    @Test func hasDeputyProfilesOverTwoYearsAndFourDelegations() {
        let deputies = items(.deputies).compactMap(\.deputy)
        #expect(deputies.count >= 16)
        #expect(Set(deputies.map(\.year)).count >= 2)
        #expect(Set(deputies.map(\.delegation)).count >= 4)
        for deputy in deputies {
            let fields = [deputy.gender, deputy.ethnicity, deputy.born, deputy.party, deputy.occupation,
                          deputy.level, deputy.term, deputy.photo]
            #expect(fields.allSatisfy { $0?.isEmpty == false }, "\(deputy.name) has an empty field")
        }
    }

    @Test func hasTheStandardPages() {
        let titles = Set(items(.pages).map(\.title))
        for title in ["机构设置", "常委会组成人员", "联系我们", "网站声明"] {
            #expect(titles.contains(title), "missing page \(title)")
        }
    }

    @Test func isMarkedAsASample() {
        #expect(content.config.footer.contains { $0.value.contains("示例") })
    }
}
