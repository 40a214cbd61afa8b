import Foundation
import RendaContent

/// Orders Chinese names by pinyin (the order readers find names in an index), falling back to
/// code points where the platform cannot transliterate. Cached: the transform is slow.
enum CollationKey {
    private static let cache = Cache()

    static func of(_ text: String) -> String {
        if let hit = cache.get(text) { return hit }
        let latin = Slug.pinyin(text)?.lowercased() ?? text
        // The original text breaks ties between names with the same pinyin.
        let key = latin + "\u{0}" + text
        cache.set(text, key)
        return key
    }

    private final class Cache: @unchecked Sendable {
        private var values: [String: String] = [:]
        private let lock = NSLock()
        func get(_ key: String) -> String? { lock.withLock { values[key] } }
        func set(_ key: String, _ value: String) { lock.withLock { values[key] = value } }
    }
}
