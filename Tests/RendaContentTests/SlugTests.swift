import RendaContent
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test func theLeadingDateIsDropped() {
        #expect(Slug.fromFileName("2023-06-30-changweihui-huiyi.md") == "changweihui-huiyi")
        #expect(Slug.fromFileName("2023-06-30-Budget_Review.md") == "budget-review")
        #expect(Slug.fromFileName("2023-06-30_huiyi.md") == "huiyi")
        // A name that is only a date, or a date of another shape, keeps it.
        #expect(Slug.fromFileName("2023-06-30.md") == "2023-06-30")
        #expect(Slug.fromFileName("2023-6-30-huiyi.md") == "2023-6-30-huiyi")
    }

    @Test func chineseFileNamesBecomePinyin() {
        #expect(Slug.fromFileName("2023-06-30-常委会会议.md") == "chang-wei-hui-hui-yi")
        #expect(Slug.fromFileName("2023-06-30 常委会会议.MD") == "chang-wei-hui-hui-yi")
        #expect(Slug.fromFileName("2023-06-30\u{3000}常委会会议.md") == "chang-wei-hui-hui-yi")
    }

    @Test func hashesAreShortAndStable() {
        #expect(Slug.shortHash("常委会会议") == Slug.shortHash("常委会会议"))
        #expect(Slug.shortHash("常委会会议").count == 8)
        #expect(Slug.shortHash("常委会会议") != Slug.shortHash("常委会议"))
    }

    @Test func validity() {
        #expect(Slug.isValid("wang-xiulan-2023"))
        #expect(!Slug.isValid("Wang"))
        #expect(!Slug.isValid("wang--x"))
        #expect(!Slug.isValid("王"))
    }
}
