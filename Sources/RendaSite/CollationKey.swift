import Foundation
import RendaContent

/// Orders Chinese names by pinyin (the order readers find names in an index), falling back to
/// code points where the platform cannot transliterate.
enum CollationKey {
    /// Sort keys for many names at once. ICU sets up its transliterator on every call, which
    /// costs far more than the names themselves, so the names go through it as one text, one
    /// per line, split again after (and one by one only if the lines do not come back intact).
    static func keys(for names: [String]) -> [String: String] {
        let clean = names.filter { !$0.contains("\n") }
        var latin = Slug.pinyin(clean.joined(separator: "\n"))?.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init) ?? []
        if latin.count != clean.count { latin = clean.map { Slug.pinyin($0) ?? $0 } }
        var keys: [String: String] = [:]
        for (name, transliterated) in zip(clean, latin) { keys[name] = key(name, latin: transliterated) }
        for name in names where keys[name] == nil { keys[name] = key(name, latin: Slug.pinyin(name) ?? name) }
        return keys
    }

    /// The original text breaks ties between names with the same pinyin.
    private static func key(_ name: String, latin: String) -> String {
        latin.lowercased() + "\u{0}" + name
    }
}
