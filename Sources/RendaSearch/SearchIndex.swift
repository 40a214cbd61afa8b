import Foundation

/// Reads a written index and answers queries the way `search.js` does: the same tokens, shards,
/// ranking and filters. Tests and the benchmark use it; the site never does.
public struct SearchIndex: Sendable {
    public struct Hit: Sendable, Equatable {
        public var id: Int
        public var score: Int
        public var title: String
        public var href: String
        public var date: String?
        /// What the result shows under its title until the page's own text is fetched.
        public var lead: String
        public var section: String
        /// The page's topics and front-matter details, shown with a result that was found by one.
        public var topics: [String]
        public var details: [String]
        /// Names weighing as the title that the title does not hold (a deputy's, on a profile
        /// titled 扎根田间的“土专家”).
        public var names: [String]
    }

    public struct Results: Sendable {
        /// Matches after the filters, best first.
        public var hits: [Hit]
        /// Matches per section key, under the year filter only.
        public var sectionCounts: [String: Int]
        /// Matches per year, under the section filter only.
        public var yearCounts: [Int: Int]
        /// Index files read to answer, as a browser would download them for the first page (the
        /// pages fetched for excerpts not counted).
        public var filesRead: [String]
    }

    /// Score of a token by its weight in a document (index = weight 0…7): a title match beats
    /// any amount of body text, a topic beats a front-matter detail.
    public static let weightScores = [0, 1, 2, 3, 4, 6, 8, 12]
    /// Results the search page shows at once.
    public static let pageSize = 10

    private let read: @Sendable (String) throws -> Data
    private let manifest: Manifest

    struct Manifest: Decodable, Sendable {
        var format: Int
        var hash: String
        var shards: Int
        var group: Int
        var count: Int
        var sections: [[String: String]]
        var sectionBits: Int
        var docSections: String
        var years: [[Int]]
    }

    /// `read` gives a file's bytes by its path inside the `search/` folder.
    public init(read: @escaping @Sendable (String) throws -> Data) throws {
        self.read = read
        manifest = try JSONDecoder().decode(Manifest.self, from: read(SearchIndexWriter.manifestName))
    }

    public init(folder: URL) throws {
        try self.init { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    /// `byDate`: newest first instead of best first, as the search page's 按时间 (`?sort=date`).
    public func search(_ text: String, section: String? = nil, year: Int? = nil, byDate: Bool = false) throws -> Results {
        var filesRead = [SearchIndexWriter.manifestName]
        let query = SearchQuery(text)
        guard !query.tokens.isEmpty else {
            return Results(hits: [], sectionCounts: [:], yearCounts: [:], filesRead: filesRead)
        }

        var shards: [Int: [[UInt8]: Substring]] = [:]
        for token in query.tokens {
            let shard = TokenKey.shard(of: token, shardCount: manifest.shards)
            guard shards[shard] == nil else { continue }
            let path = "t/\(shard).txt"
            let data = try read(path)
            filesRead.append(path)
            shards[shard] = Self.parseShard(String(decoding: data, as: UTF8.self))
        }

        // Every token must match; a document's score sums each token's rarity times its weight.
        var scores: [Int: Int]?
        for token in query.tokens {
            let line = shards[TokenKey.shard(of: token, shardCount: manifest.shards)]?[Array(token.utf8)]
            let postings = line.flatMap { PostingCodec.decode($0.utf8) } ?? []
            let idf = Int((1000 * log(1 + Double(manifest.count) / Double(max(1, postings.count)))).rounded())
            var next: [Int: Int] = [:]
            for (document, weight) in postings where scores == nil || scores![document] != nil {
                next[document] = (scores?[document] ?? 0) + idf * Self.weightScores[weight]
            }
            scores = next
        }

        let sectionKeys = manifest.sections.map { $0["key"] ?? "" }
        let documentSections = PostingCodec.unpack(manifest.docSections, bits: manifest.sectionBits, count: manifest.count) ?? []
        var sectionCounts: [String: Int] = [:]
        var yearCounts: [Int: Int] = [:]
        var kept: [(id: Int, score: Int)] = []
        for (id, score) in scores ?? [:] {
            let key = sectionKeys[documentSections[id]]
            let documentYear = self.year(of: id)
            let sectionMatches = section == nil || section == key
            let yearMatches = year == nil || year == documentYear
            if yearMatches { sectionCounts[key, default: 0] += 1 }
            if sectionMatches, let documentYear { yearCounts[documentYear, default: 0] += 1 }
            if sectionMatches, yearMatches { kept.append((id, score)) }
        }
        // Documents are numbered newest first (single pages last): by date is by number.
        kept.sort { byDate || $0.score == $1.score ? $0.id < $1.id : $0.score > $1.score }

        var hits: [Hit] = []
        var documentFiles: [Int: [[String: Any]]] = [:]
        for (position, match) in kept.enumerated() {
            let number = match.id / manifest.group
            if documentFiles[number] == nil {
                let path = "d/\(number).json"
                documentFiles[number] = try JSONSerialization.jsonObject(with: read(path)) as? [[String: Any]] ?? []
                if position < Self.pageSize { filesRead.append(path) }
            }
            let entries = documentFiles[number]!
            let object = match.id % manifest.group < entries.count ? entries[match.id % manifest.group] : [:]
            hits.append(Hit(id: match.id, score: match.score, title: object["t"] as? String ?? "",
                            href: object["u"] as? String ?? "", date: object["d"] as? String,
                            lead: object["m"] as? String ?? "", section: sectionKeys[documentSections[match.id]],
                            topics: object["k"] as? [String] ?? [], details: object["f"] as? [String] ?? [],
                            names: object["n"] as? [String] ?? []))
        }
        return Results(hits: hits, sectionCounts: sectionCounts, yearCounts: yearCounts, filesRead: filesRead)
    }

    /// Documents are numbered newest first, so each year is a run of ids.
    func year(of id: Int) -> Int? {
        manifest.years.first { $0[1] <= id && id < $0[1] + $0[2] }?[0]
    }

    /// Lines by their token's UTF-8 bytes, not by `String`: String equality is canonical
    /// equivalence, which would take U+F900 for U+8C48, tokens the index and search.js keep apart.
    static func parseShard(_ text: String) -> [[UInt8]: Substring] {
        var lines: [[UInt8]: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            lines[Array(line[..<tab].utf8)] = line[line.index(after: tab)...]
        }
        return lines
    }
}
