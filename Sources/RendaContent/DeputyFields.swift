import RendaCore

/// The fields of a deputy profile as an office clerk types them from a Word table, read into the
/// one form the annual collection prints: 1975年3月, 男, 第十九届, 阿依古丽·买买提. A value that
/// cannot be read is named, since the collection would print it as typed.
package enum DeputyFields {
    /// Digits in full width or as Chinese numerals (一九七五), as ASCII.
    package static func narrowDigits(_ text: String) -> String {
        let chinese: [Character: Character] = ["〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                                                "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        return String(CJK.halfWidth(text).map { chinese[$0] ?? $0 })
    }

    /// 出生年月 as year and month: `1975-03`, `1975.3`, `1975/03`, `1975年3月`, `197503`, with or
    /// without a day (`1982-11-05`, `1975年3月5日`), in full-width digits or Chinese numerals
    /// (一九七五年三月, 十一月). Nil for anything else (`75.03`, `1975年13月`).
    static func yearMonth(_ written: String) -> (year: Int, month: Int)? {
        var text = written.trimmingSpaces()
        // 十一月, 十二月, 十月: the month in Chinese numerals, before the digits are narrowed.
        if text.unicodeScalars.contains("十") {
            for (numeral, digits) in [("十一", "11"), ("十二", "12"), ("十", "10")] {
                if let range = text.range(of: numeral + "月") { text.replaceSubrange(range, with: digits + "月") }
            }
        }
        text = narrowDigits(text)
        var groups: [String] = []
        var current = ""
        for character in text {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                guard "-./年月日 ".contains(character) else { return nil }
                if !current.isEmpty { groups.append(current); current = "" }
            }
        }
        if !current.isEmpty { groups.append(current) }
        if groups.count == 1, groups[0].count == 6 { groups = [String(groups[0].prefix(4)), String(groups[0].suffix(2))] }
        guard groups.count == 2 || groups.count == 3, groups[0].count == 4, let year = Int(groups[0]),
              let month = Int(groups[1]), (1...12).contains(month),
              groups.count == 2 || Int(groups[2]).map({ (1...31).contains($0) }) == true
        else { return nil }
        return (year, month)
    }

    /// The 56 民族 as the collection prints them.
    static let ethnicGroups: Set<String> = Set("""
        汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族
        佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族
        锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族
        赫哲族 门巴族 珞巴族 基诺族
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// 民族 as printed: `汉` is 汉族; nil for a name that is none of the 56.
    static func ethnicity(_ written: String) -> String? {
        let text = written.trimmingSpaces()
        if ethnicGroups.contains(text) { return text }
        return ethnicGroups.contains(text + "族") ? text + "族" : nil
    }

    /// 政治面貌 in the words of official forms, short (民盟盟员) or whole (中国民主同盟盟员) as
    /// written; informal ones (共产党员, 团员, 无党派) in the form's words.
    static let parties: [String: String] = [
        "中国国民党革命委员会党员": "中国国民党革命委员会党员", "中国民主同盟盟员": "中国民主同盟盟员",
        "中国民主建国会会员": "中国民主建国会会员", "中国民主促进会会员": "中国民主促进会会员",
        "中国农工民主党党员": "中国农工民主党党员", "中国致公党党员": "中国致公党党员", "台湾民主自治同盟盟员": "台湾民主自治同盟盟员",
        "中共党员": "中共党员", "中国共产党党员": "中共党员", "共产党员": "中共党员", "党员": "中共党员",
        "中共预备党员": "中共预备党员", "预备党员": "中共预备党员", "共青团员": "共青团员", "团员": "共青团员",
        "民革党员": "民革党员", "民盟盟员": "民盟盟员", "民建会员": "民建会员", "民进会员": "民进会员",
        "农工党党员": "农工党党员", "致公党党员": "致公党党员", "九三学社社员": "九三学社社员", "台盟盟员": "台盟盟员",
        "无党派人士": "无党派人士", "无党派": "无党派人士", "群众": "群众",
    ]

    /// 男 or 女, from 男性 and 女性 too; nil for anything else.
    static func gender(_ written: String) -> String? {
        switch written.trimmingSpaces() {
        case "男", "男性": "男"
        case "女", "女性": "女"
        default: nil
        }
    }

    /// 届次 as 第十九届: from `19`, `１９`, `19届`, `十九`, `第19届` and `第19界` (界, the input method's
    /// neighbour of 届); nil for what is no term (`第十九次`, a meeting's number).
    static func term(_ written: String) -> String? {
        var text = Substring(CJK.halfWidth(written.trimmingSpaces()))
        if text.hasPrefix("第") { text = text.dropFirst() }
        if text.hasSuffix("届") || text.hasSuffix("界") { text = text.dropLast() }
        guard let number = Int(text) ?? chineseNumberValue(text), (1...99).contains(number) else { return nil }
        return "第\(chineseNumber(number))届"
    }

    /// 1–99 from Chinese numerals (九, 十, 十九, 二十一), nil for anything else.
    static func chineseNumberValue(_ text: Substring) -> Int? {
        func digit(_ part: Substring) -> Int? { part.count == 1 ? numerals.firstIndex(of: part.first!) : nil }
        guard let ten = text.firstIndex(of: "十") else { return text.isEmpty ? nil : digit(text) }
        let before = text[..<ten], after = text[text.index(after: ten)...]
        guard let tens = before.isEmpty ? 1 : digit(before), let ones = after.isEmpty ? 0 : digit(after), tens > 0 else { return nil }
        return tens * 10 + ones
    }

    /// 1–99 in Chinese numerals: 9 九, 10 十, 19 十九, 20 二十, 21 二十一.
    static func chineseNumber(_ number: Int) -> String {
        let tens = number / 10, ones = number % 10
        let head = tens == 0 ? "" : (tens == 1 ? "十" : "\(numerals[tens])十")
        return tens == 0 ? String(numerals[ones]) : head + (ones == 0 ? "" : String(numerals[ones]))
    }

    /// 0–9 as Chinese numerals, each at its value.
    private static let numerals = Array("〇一二三四五六七八九")

    /// A name as a collection prints it. Spaces between Chinese characters, which name lists use
    /// to line two-character names up with three (`王  芳`, `马 小 燕`), are dropped; the dot
    /// between the parts of a name (阿依古丽·买买提), typed as •, ・, ．, ‧ or a hyphen, is the
    /// 间隔号 ·, without spaces around it. So the page, its title and the check for a profile
    /// written twice see one name. A Latin name keeps its spaces and hyphens.
    package static func name(_ written: String) -> String {
        let scalars = Array(written.unicodeScalars)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" || scalar == "\u{A0}" || scalar == "\t" }
        func isDot(_ scalar: Unicode.Scalar) -> Bool { "·•・．‧･.-－".unicodeScalars.contains(scalar) }
        func neighbour(of index: Int, step: Int) -> Unicode.Scalar? {
            var at = index + step
            while at >= 0, at < scalars.count, isSpace(scalars[at]) { at += step }
            return at >= 0 && at < scalars.count ? scalars[at] : nil
        }
        func chineseOrDot(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return CJK.isHan(scalar) || isDot(scalar)
        }
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let before = neighbour(of: index, step: -1), after = neighbour(of: index, step: 1)
            if isDot(scalar), let before, let after, CJK.isHan(before), CJK.isHan(after) {
                kept.append("·")
            } else if isSpace(scalar), chineseOrDot(before), chineseOrDot(after),
                      before.map(CJK.isHan) == true || after.map(CJK.isHan) == true {
                continue
            } else {
                kept.append(scalar)
            }
        }
        return String(kept)
    }
}

extension DeputyFields {
    /// The text of each field of a profile's front matter, by field (English or Chinese keys
    /// alike), for `renda new deputy` to carry a returning deputy's details over; empty when the
    /// front matter cannot be read.
    package static func writtenFields(of profile: String) -> [Field: String] {
        guard let matter = FrontMatter.parse(profile, file: "").0 else { return [:] }
        var fields: [Field: String] = [:]
        for (field, entry) in matter.entries {
            if let text = entry.value.text?.trimmingSpaces(), !text.isEmpty { fields[field] = text }
        }
        return fields
    }
}
