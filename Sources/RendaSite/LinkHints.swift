import Foundation
import RendaContent
import RendaCore

/// What the hints of broken links look things up in: the published articles by file name and
/// the pages by their spellings. Made at a build's first broken link and shared by the threads
/// rendering articles, so a build without one pays nothing, and one with a thousand (a base path
/// changed, a section renamed) makes each table once instead of once a link.
final class LinkHints: @unchecked Sendable {
    private let lock = NSLock()
    private var articlesByName: [Substring: [String]]?
    /// Per section, every page under each spelling with one character left out (and as it is).
    private var pagesBySpelling: [Substring: [String: [String]]] = [:]

    /// The published items' source paths whose file name, or bundle folder name, is `name`
    /// (without `.md`).
    func articles(named name: String, among sources: [String: String]) -> [String] {
        lock.withLock {
            if articlesByName == nil {
                articlesByName = Dictionary(grouping: sources.keys, by: { source in
                    let stem = source.hasSuffix("/index.md") ? source.dropLast("/index.md".count) : MarkdownFileName.stem(source)
                    return stem.split(separator: "/").last ?? ""
                })
            }
            return articlesByName?[Substring(name)] ?? []
        }
    }

    /// The page of the same section (`/news/…`) one slip from `path`: a character wrong, left
    /// out, added, or two swapped (`reprot`). Two spellings are one slip apart when leaving out
    /// one character of each (or of one) makes them the same, so the pages are looked up under
    /// the address's spellings with a character left out instead of compared one by one: a
    /// section of 10,000 pages is indexed once, at its first broken link, and each guess after
    /// is a few dozen lookups however many links are broken.
    func closestPage(to path: String, inventory: SiteInventory) -> String? {
        let section = URLScheme.section(of: path)
        let index = lock.withLock {
            if let made = pagesBySpelling[section] { return made }
            var made: [String: [String]] = [:]
            for page in inventory.paths where page.hasSuffix("/") && URLScheme.section(of: page) == section {
                for spelling in Self.spellings(of: page) { made[spelling, default: []].append(page) }
            }
            pagesBySpelling[section] = made
            return made
        }
        let found = Set(Self.spellings(of: path).flatMap { index[$0] ?? [] })
        return Suggestion.closest(to: path, in: found.sorted())
    }

    /// A text as it is and with each one character left out.
    private static func spellings(of text: String) -> [String] {
        let characters = Array(text)
        return [text] + characters.indices.map { String(characters[..<$0] + characters[($0 + 1)...]) }
    }
}
