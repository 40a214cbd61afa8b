import RendaCore

/// Wording that 政府网站检查 and proofreaders count against a page, found in one line of text:
/// half-width punctuation between Chinese characters (`会议,听取`, `会议(第一次)`), and a short
/// list of usages with one right form (截止目前 → 截至目前, 做为 → 作为, 十四五规划 → “十四五”规划,
/// 6月30号 → 6月30日). Only forms that are wrong wherever they stand are listed, so that what is
/// reported is worth mending. `renda check` reads every text of every page with it; the build
/// does not spend the time.
public enum ChineseWording {
    /// What was found and what to write instead.
    public struct Finding: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A half-width mark between Chinese characters.
            case punctuation
            /// 截止 before a time: 截至.
            case upTo
            /// A variant form with a standard one (做为, 布署, 既使, 签定).
            case variant
            /// A plan's short name (十四五) without its quotation marks.
            case planName
            /// A date with 号 for 日.
            case dayOfMonth
            /// Two marks where one belongs (`。，`, `，，`), left by editing a sentence.
            case doubledPunctuation
            /// A character that shows as nothing (a zero-width space pasted from Word or a web
            /// page): it splits a word for search and for copying.
            case invisibleCharacter
            /// A no-break or typographic space (`&nbsp;`, `&emsp;` of a web page) between Chinese
            /// characters: it shows as a gap and splits the word for search.
            case pastedSpace
            /// A character of a font's private area (Word's Symbol bullets U+F0B7, WeChat's
            /// emoji U+E5E5): readers' phones and computers show a box.
            case privateUseCharacter
        }

        public var kind: Kind
        public var found: String
        public var right: String
    }

    public static func findings(in text: String) -> [Finding] {
        let scalars = Array(text.unicodeScalars)
        var findings: [Finding] = []
        func add(_ kind: Finding.Kind, _ found: String, _ right: String) {
            let finding = Finding(kind: kind, found: found, right: right)
            if !findings.contains(finding) { findings.append(finding) }
        }
        func isHan(_ index: Int) -> Bool { index >= 0 && index < scalars.count && CJK.isHan(scalars[index]) }
        // 《报告》,审议: a closing mark ends Chinese text as a character does.
        func endsChinese(_ index: Int) -> Bool {
            isHan(index) || (index >= 0 && index < scalars.count && "》」』”）".unicodeScalars.contains(scalars[index]))
        }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

        for index in scalars.indices {
            let scalar = scalars[index]
            // Half-width punctuation with Chinese on both sides; ? and ! also at a sentence's end.
            if let fullWidth = fullWidthPunctuation[scalar], endsChinese(index - 1) {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let endsSentence = (scalar == "?" || scalar == "!") && (next == nil || next == " ")
                // 时间:2023年, 代表,2023年: a number after a comma or colon is Chinese text too.
                let numberAfter = [",", ";", ":"].contains(scalar) && next.map(isDigit) == true
                if isHan(index + 1) || endsSentence || numberAfter || (scalar == "(" && next != nil && next != " ") {
                    add(.punctuation, String(scalar), String(fullWidth))
                }
            }
            // 报告.会议: a full stop typed in English, between characters (1.5亿 is a number).
            if scalar == ".", isHan(index - 1), isHan(index + 1) {
                add(.punctuation, ".", "。")
            }
            // 要坚持"以人民为中心": English double quotes beside Chinese are “…” in Chinese text.
            if scalar == "\"", isHan(index - 1) || isHan(index + 1) {
                add(.punctuation, "\"", "“”")
            }
            if scalar == "截", index + 1 < scalars.count, scalars[index + 1] == "止" {
                let after = string((index + 2)..<min(scalars.count, index + 4))
                if let first = after.unicodeScalars.first, isDigit(first) || timeWords.contains(where: after.hasPrefix) {
                    let word = isDigit(first) ? "" : timeWords.first(where: after.hasPrefix)!
                    add(.upTo, "截止" + word, "截至" + word)
                }
            }
            if index + 1 < scalars.count, let right = variants[string(index..<(index + 2))], !isWordOfItsOwn(index, in: scalars) {
                add(.variant, string(index..<(index + 2)), right)
            }
            // 十一五 to 十五五: a plan's name, quoted unless the quotes are already there.
            if scalar == "十", index + 2 < scalars.count, "一二三四五".unicodeScalars.contains(scalars[index + 1]),
               scalars[index + 2] == "五", index == 0 || !["“", "\"", "「", "‘", "十", "二", "三"].contains(scalars[index - 1]),
               index + 3 == scalars.count || !["”", "\"", "’", "」"].contains(scalars[index + 3]) {
                let name = string(index..<(index + 3))
                add(.planName, name, "“\(name)”")
            }
            // `。，`: two of the marks that end a sentence or clause in a row. ！！ and ？！ are
            // emphasis, not slips.
            if index + 1 < scalars.count, isClauseMark(scalar), isClauseMark(scalars[index + 1]),
               !("！？".unicodeScalars.contains(scalar) && "！？".unicodeScalars.contains(scalars[index + 1])) {
                add(.doubledPunctuation, string(index..<(index + 2)), String(scalars[index + 1]))
            }
            // 县人大&nbsp;常委会: the run of spaces (ASCII ones with them) has Chinese on both
            // sides. An ideographic space is left alone: name lists use it to line names up.
            if isPastedSpace(scalar), isHan(index - 1) {
                var next = index + 1
                while next < scalars.count, isPastedSpace(scalars[next]) || scalars[next] == " " { next += 1 }
                if isHan(next) { add(.pastedSpace, String(format: "U+%04X", scalar.value), "") }
            }
            if let name = InvisibleCharacter.name(scalar) {
                add(.invisibleCharacter, String(format: "U+%04X", scalar.value) + name, "")
            }
            if (0xE000...0xF8FF).contains(scalar.value) {
                add(.privateUseCharacter, String(format: "U+%04X", scalar.value), "")
            }
            // 6月30号: a date; 日 in writing.
            if scalar == "号" {
                var start = index
                while start > 0, isDigit(scalars[start - 1]), index - start < 2 { start -= 1 }
                if start < index, start > 0, scalars[start - 1] == "月" {
                    var month = start - 1
                    while month > 0, isDigit(scalars[month - 1]), start - 1 - month < 2 { month -= 1 }
                    if month < start - 1 {
                        let date = string(month..<index)
                        add(.dayOfMonth, date + "号", date + "日")
                    }
                }
            }
        }
        return findings
    }

    private static let fullWidthPunctuation: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
    ]

    /// ，。、；：！？ — by value: every character of every page is asked (`renda check`).
    private static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F: true
        default: false
        }
    }

    /// The no-break space and the typographic spaces of web pages (en, em, thin, narrow…).
    private static func isPastedSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0x2002...0x200A, 0x202F, 0x205F: true
        default: false
        }
    }

    /// Times 截止 stands before where 截至 is meant.
    private static let timeWords = ["目前", "当前", "今年", "去年", "本月", "上月", "年底", "年末", "月底", "本周", "现在"]

    private static let variants = ["做为": "作为", "布署": "部署", "既使": "即使", "签定": "签订"]

    /// Where the two characters of a variant are right as they stand: 当做 + 为民 (`当做为民办实事
    /// 的抓手`, also 看做, 叫做, 视做), and 既 + 使 before a 又 or 也 in the same sentence
    /// (`既使群众得到实惠，又使代表…`).
    private static func isWordOfItsOwn(_ index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch (scalars[index], scalars[index + 1]) {
        case ("做", "为"):
            return index > 0 && "当看叫视称".unicodeScalars.contains(scalars[index - 1])
        case ("既", "使"):
            let sentence = scalars[(index + 2)...].prefix { !"。！？；".unicodeScalars.contains($0) }
            return sentence.contains("又") || sentence.contains("也")
        default:
            return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}
