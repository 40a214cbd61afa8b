import RendaCore
import Testing

@Suite("Dates")
struct SiteDateTests {
    @Test func aPlainDateIsThatDayInShanghaiAndNeverShifts() throws {
        let date = try SiteDate.parse("2023-06-30").get()
        #expect(date.chinese == "2023年6月30日")
        #expect(date.rfc3339 == "2023-06-30T00:00:00+08:00")
        // Midnight in Shanghai is 16:00 UTC the day before; the calendar date must not follow it.
        #expect(date.epochSeconds == 1_688_054_400)
    }

    @Test func timesWithoutAZoneAreShanghaiTime() throws {
        let date = try SiteDate.parse("2023-06-30 09:30").get()
        #expect(date.rfc3339 == "2023-06-30T09:30:00+08:00")
        #expect(try SiteDate.parse("2023-06-30T09:30:15").get().second == 15)
    }

    @Test func aTimeInAnotherZoneIsShownAsTheShanghaiDate() throws {
        let date = try SiteDate.parse("2023-06-30T20:00:00Z").get()
        #expect(date.chinese == "2023年7月1日")
        #expect(date.rfc3339 == "2023-07-01T04:00:00+08:00")
        #expect(try SiteDate.parse("2023-06-30T09:00:00+08:00").get().chinese == "2023年6月30日")
    }

    @Test func chineseSlashAndDotFormsAreAccepted() throws {
        #expect(try SiteDate.parse("2023年6月30日").get().isoDate == "2023-06-30")
        #expect(try SiteDate.parse("2023/6/3").get().isoDate == "2023-06-03")
        #expect(try SiteDate.parse("2023.6.30").get().isoDate == "2023-06-30")
        #expect(try SiteDate.parse("2023.06.30 09:30").get().rfc3339 == "2023-06-30T09:30:00+08:00")
    }

    @Test func impossibleDatesAreRefused() {
        #expect(SiteDate.parse("2023-02-29") == .failure(.impossible))
        #expect(SiteDate.parse("2023-13-01") == .failure(.impossible))
        #expect(SiteDate.parse("2023-06-31") == .failure(.impossible))
        #expect((try? SiteDate.parse("2024-02-29").get()) != nil)
    }

    @Test func malformedDatesAreRefused() {
        #expect(SiteDate.parse("30/06/2023") == .failure(.malformed))
        #expect(SiteDate.parse("六月三十日") == .failure(.malformed))
        #expect(SiteDate.parse("2023-06-30 25") == .failure(.malformed))
    }

    @Test func epochRoundTripsThroughTheCalendar() throws {
        let date = try SiteDate.parse("2024-02-29 23:59:59").get()
        #expect(SiteDate(epochSeconds: date.epochSeconds) == date)
    }
}
