import RendaContent
import RendaCore

/// Orders Chinese names by pinyin (the order readers find names in an index), falling back to
/// code points where the platform cannot transliterate.
enum CollationKey {
    /// Sort keys for many names at once. ICU's transform is slow per call and per character,
    /// and names share few characters (1,800 names of the benchmark corpus use 123), so each
    /// distinct character is transliterated once, all in one call, and a name's key is its
    /// characters' readings joined by spaces, as ICU writes them ("wang xiu lan"), so that 李
    /// sorts before 林 syllable by syllable. The reading is each character's usual one.
    /// `people`: the names that are persons', whose first character is read as a surname (曾 as
    /// zeng, not ceng).
    static func keys(for names: [String], people: Set<String> = []) -> [String: String] {
        let characters = Array(Set(names.flatMap { $0 })).sorted()
        let readings = transliterate(characters)
        var keys: [String: String] = [:]
        for name in names {
            var syllables = name.map { readings[$0] ?? String($0) }
            if people.contains(name), let first = name.first, let surname = surnameReadings[first] { syllables[0] = surname }
            let latin = syllables.joined(separator: " ").lowercased()
            // The original text breaks ties between names with the same pinyin.
            keys[name] = latin + "\u{0}" + name
        }
        return keys
    }

    /// Surnames read otherwise than the character's usual reading, which ICU gives: 曾 Zeng,
    /// 单 Shan, 解 Xie, 仇 Qiu, 区 Ou, 朴 Piao, 查 Zha, 覃 Qin… (the tone marks ICU writes do not
    /// matter to the order of different syllables).
    static let surnameReadings: [Character: String] = [
        "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "覃": "qin",
        "盖": "ge", "种": "chong", "乐": "yue", "缪": "miao", "翟": "zhai", "召": "shao", "莘": "shen", "谌": "chen",
        "隗": "wei", "句": "gou", "宓": "mi", "员": "yun", "秘": "bi", "繁": "po", "尉": "yu", "蕃": "pi",
        "厍": "she", "折": "she", "冼": "xian", "洗": "xian", "粘": "nian", "牟": "mou", "那": "na", "阚": "kan",
        "任": "ren", "纪": "ji", "华": "hua", "燕": "yan", "长": "chang", "重": "chong", "朝": "chao", "藏": "zang",
    ]

    /// ICU sets up its Han-Latin transliterator on first use (tens of milliseconds); a build
    /// starts that in the background while it reads the content.
    static func warmUp() {
        _ = Slug.pinyin("王")
    }

    private static func transliterate(_ characters: [Character]) -> [Character: String] {
        let lines = characters.filter { $0 != "\n" && $0 != "\r\n" }
        var latin = Slug.pinyin(lines.map(String.init).joined(separator: "\n"))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init) ?? []
        if latin.count != lines.count { latin = lines.map { Slug.pinyin(String($0)) ?? String($0) } }
        return Dictionary(zip(lines, latin.map { $0.trimmingSpaces() }), uniquingKeysWith: { first, _ in first })
    }
}
