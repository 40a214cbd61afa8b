/// Why a date field could not be read.
public enum SiteDateProblem: Error, Equatable, Sendable {
    /// Not in a form Renda reads.
    case malformed
    /// Well formed but not on the calendar, such as 2023-02-30.
    case impossible
}

extension SiteDate {
    /// Reads the forms staff write: `2023-06-30`, `2023-06-30 09:30`, `2023-06-30 09:30:15`,
    /// `2023-06-30T09:30:00`, each optionally followed by `Z` or an offset such as `+08:00`.
    /// Without a zone the time is Asia/Shanghai. `2023/6/30`, `2023.6.30` and `2023年6月30日` are
    /// accepted too, because that is how dates are written in Chinese offices.
    public static func parse(_ text: String) -> Result<SiteDate, SiteDateProblem> {
        var scanner = DigitScanner(text.trimmingSpaces())
        guard let year = scanner.number(maxDigits: 4), scanner.lastLength == 4,
              scanner.skip(oneOf: ["-", "/", ".", "年"]),
              let month = scanner.number(maxDigits: 2),
              scanner.skip(oneOf: ["-", "/", ".", "月"]),
              let day = scanner.number(maxDigits: 2)
        else { return .failure(.malformed) }
        _ = scanner.skip(oneOf: ["日"])
        var hour = 0, minute = 0, second = 0
        var offsetMinutes: Int? = nil
        if !scanner.atEnd {
            guard scanner.skip(oneOf: ["T", "t", " "]) else { return .failure(.malformed) }
            while scanner.skip(oneOf: [" "]) {}
            guard let h = scanner.number(maxDigits: 2), scanner.skip(oneOf: [":"]),
                  let m = scanner.number(maxDigits: 2)
            else { return .failure(.malformed) }
            hour = h
            minute = m
            if scanner.skip(oneOf: [":"]) {
                guard let s = scanner.number(maxDigits: 2) else { return .failure(.malformed) }
                second = s
                if scanner.skip(oneOf: ["."]) { _ = scanner.number(maxDigits: 9) }
            }
            while scanner.skip(oneOf: [" "]) {}
            if scanner.skip(oneOf: ["Z", "z"]) {
                offsetMinutes = 0
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(maxDigits: 2) else { return .failure(.malformed) }
                _ = scanner.skip(oneOf: [":"])
                let om = scanner.number(maxDigits: 2) ?? 0
                guard oh <= 14, om < 60 else { return .failure(.malformed) }
                offsetMinutes = sign * (oh * 60 + om)
            }
            guard scanner.atEnd else { return .failure(.malformed) }
        }
        guard let local = SiteDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return .failure(.impossible) }
        guard let offsetMinutes, offsetMinutes != SiteDate.shanghaiOffsetMinutes else { return .success(local) }
        // Given in another zone: keep the instant, show it as the Shanghai calendar date.
        let shift = Int64((offsetMinutes - SiteDate.shanghaiOffsetMinutes) * 60)
        return .success(SiteDate(epochSeconds: local.epochSeconds - shift))
    }
}

/// A tiny cursor over ASCII digits and separators; dates are short, so this stays simple.
private struct DigitScanner {
    let chars: [Character]
    var index = 0
    var lastLength = 0

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { index == chars.count }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var length = 0
        while index < chars.count, length < maxDigits, let digit = chars[index].wholeNumberValue, chars[index].isASCII {
            value = value * 10 + digit
            index += 1
            length += 1
        }
        lastLength = length
        return length == 0 ? nil : value
    }

    mutating func skip(oneOf options: Set<Character>) -> Bool {
        guard index < chars.count, options.contains(chars[index]) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip(oneOf: ["+"]) { return 1 }
        if skip(oneOf: ["-"]) { return -1 }
        return nil
    }
}

extension StringProtocol {
    /// Trims ASCII and ideographic spaces and newlines, without Foundation.
    /// Works on scalars: walking Characters backwards costs grapheme breaking on every call.
    public func trimmingSpaces() -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSpace($0) })!
        if start == scalars.startIndex, scalars.index(after: end) == scalars.endIndex { return String(self) }
        return String(self[start..<scalars.index(after: end)])
    }
}
