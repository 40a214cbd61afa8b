import Foundation

/// A moment as staff wrote it in front matter, kept as calendar fields in China Standard Time.
///
/// Dates are parsed here by hand rather than through Yams or Foundation: Yams reads `2023-06-30`
/// as midnight UTC, which in Asia/Shanghai would still be the same day, but a formatter in another
/// zone would shift it. Holding the Shanghai calendar fields makes that impossible, and keeps
/// per-page formatting free of Foundation formatters.
public struct SiteDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Asia/Shanghai has been UTC+8 without daylight saving since 1991.
    public static let shanghaiOffsetMinutes = 8 * 60

    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Seconds since 1970-01-01T00:00:00Z; orders dates written in any zone.
    public let epochSeconds: Int64

    /// Builds a date from Shanghai calendar fields. Returns nil for an impossible date.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SiteDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        let days = SiteDate.daysFromCivil(year: year, month: month, day: day)
        epochSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            - Int64(SiteDate.shanghaiOffsetMinutes * 60)
    }

    /// The Shanghai calendar date of an instant.
    /// The current moment, for deciding which items are published yet.
    public static var now: SiteDate { SiteDate(epochSeconds: Int64(Date().timeIntervalSince1970)) }

    public init(epochSeconds: Int64) {
        let local = epochSeconds + Int64(SiteDate.shanghaiOffsetMinutes * 60)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secs = Int(local - Int64(days) * 86_400)
        let (y, m, d) = SiteDate.civilFromDays(days)
        year = y
        month = m
        day = d
        hour = secs / 3600
        minute = secs % 3600 / 60
        second = secs % 60
        self.epochSeconds = epochSeconds
    }

    public static func < (a: SiteDate, b: SiteDate) -> Bool { a.epochSeconds < b.epochSeconds }

    /// `2023年6月30日`, the form Chinese readers expect.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Calendar days from `earlier` to this date in Shanghai, whatever the hours: 1 from any time
    /// of 30 June to any time of 1 July.
    public func days(since earlier: SiteDate) -> Int {
        SiteDate.daysFromCivil(year: year, month: month, day: day)
            - SiteDate.daysFromCivil(year: earlier.year, month: earlier.month, day: earlier.day)
    }

    /// `2023-06-30`.
    public var isoDate: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `2023-06-30T09:30:00+08:00` (RFC 3339), for feeds and `<time datetime>`.
    public var rfc3339: String {
        "\(isoDate)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))+08:00"
    }

    public var description: String { rfc3339 }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's algorithms: exact proleptic Gregorian conversions without Foundation.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
