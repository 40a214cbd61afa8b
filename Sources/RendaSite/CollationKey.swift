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
    static func keys(for names: [String]) -> [String: String] {
        let characters = Array(Set(names.flatMap { $0 })).sorted()
        let readings = transliterate(characters)
        var keys: [String: String] = [:]
        for name in names {
            let latin = name.map { readings[$0] ?? String($0) }.joined(separator: " ").lowercased()
            // The original text breaks ties between names with the same pinyin.
            keys[name] = latin + "\u{0}" + name
        }
        return keys
    }

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
