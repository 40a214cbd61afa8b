import RendaSite
import Testing

@Suite("Pagination and URLs")
struct PaginationTests {
    @Test func splitsIntoPagesOfTheConfiguredSize() {
        let pages = Pager.pages(count: 23, perPage: 10)
        #expect(pages.map(\.range) == [0..<10, 10..<20, 20..<23])
        #expect(pages.allSatisfy { $0.total == 3 })
    }

    @Test func anEmptyListStillHasItsFirstPage() {
        #expect(Pager.pages(count: 0, perPage: 10) == [Pager(number: 1, total: 1, range: 0..<0)])
    }

    @Test func laterPagesLiveUnderPage() {
        #expect(URLScheme.paged("/news/", page: 1) == "/news/")
        #expect(URLScheme.paged("/news/", page: 2) == "/news/page/2/")
        #expect(URLScheme.outputFile(for: "/news/page/2/") == "news/page/2/index.html")
        #expect(URLScheme.outputFile(for: "/") == "index.html")
        #expect(URLScheme.outputFile(for: "/feed.xml") == "feed.xml")
    }
}
