import RendaCore

/// One file of the written index, relative to the site root.
public struct SearchIndexFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// Turns documents into the files the browser reads:
///
/// - `search/index.json`: the manifest — shard count, documents per `d/` file, each document's
///   section and the id range of each year (documents are numbered newest first), and a hash that
///   versions every other file;
/// - `search/t/<n>.txt`: shard `n`, lines of `token<TAB>postings`; a query reads only the shards
///   of its tokens;
/// - `search/d/<n>.json`: documents `n · group …< (n + 1) · group`, each with its title, link, date,
///   section, lead (the summary lists show), topics and details, read only for the results on screen.
///
/// The page text is not copied into the index: a result whose words are not in its title or lead
/// takes its excerpt from the page itself, which the reader is about to open anyway. A copy would
/// double what the build writes (a file per page, as many bytes as the pages' text) for the few
/// results that need it.
public enum SearchIndexWriter {
    public static let folder = "search/"
    public static let manifestName = "index.json"
    /// Manifest field `format`: bumped when the files change shape, checked by `search.js`.
    public static let format = 2

    /// A shard aims at about this many bytes: small enough that a query downloads little beyond
    /// its own tokens, large enough that the site does not gain a file per token.
    static let shardTarget = 8 * 1024
    static let maxShards = 4096
    /// Documents per `d/` file: about 4 KB of titles and leads, what a single document's file
    /// held with its text. More means fewer files to write and upload, and more bytes per result.
    static let documentsPerFile = 8

    public static func files(documents: [SearchDocument], sections: [SearchSection]) -> [SearchIndexFile] {
        let shards = shardFiles(InvertedIndex(documents))
        let groups = Array(stride(from: 0, to: documents.count, by: documentsPerFile))
        let documentFiles = groups.parallelMap { first -> (file: SearchIndexFile, hash: UInt64) in
            let file = documentFile(documents[first..<min(first + documentsPerFile, documents.count)],
                                    number: first / documentsPerFile)
            var hash = StableHash()
            hash.add(file.bytes)
            return (file, hash.value)
        }
        // The version covers every file, so a browser never mixes files of two builds.
        var version = StableHash()
        for shard in shards { version.add(shard.hash) }
        for document in documentFiles { version.add(document.hash) }
        let manifest = manifestBytes(documents: documents, sections: sections, shardCount: shards.count,
                                     hash: version.hex)
        return [SearchIndexFile(path: folder + manifestName, bytes: manifest)] + shards.map(\.file)
            + documentFiles.map(\.file)
    }

    /// Every shard, even an empty one (a missing file would read as a broken index), built on all cores.
    private static func shardFiles(_ index: InvertedIndex) -> [(file: SearchIndexFile, hash: UInt64)] {
        let tokens = index.keys.map(TokenKey.text)
        let lengths = Array(index.keys.indices).parallelMap { tokens[$0].utf8.count + index.encodedCount($0) + 2 }
        let total = lengths.reduce(0, +)
        var shardCount = 1
        while shardCount < maxShards, shardCount * shardTarget < total { shardCount *= 2 }

        var byShard = [[Int]](repeating: [], count: shardCount)
        for (position, token) in tokens.enumerated() {
            byShard[TokenKey.shard(of: token, shardCount: shardCount)].append(position)
        }
        return Array(byShard.indices).parallelMap { shard -> (file: SearchIndexFile, hash: UInt64) in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(byShard[shard].reduce(0) { $0 + lengths[$1] })
            for position in byShard[shard].sorted(by: { tokens[$0].utf8.lexicographicallyPrecedes(tokens[$1].utf8) }) {
                bytes.append(contentsOf: tokens[position].utf8)
                bytes.append(0x09)
                index.appendList(position, into: &bytes)
                bytes.append(0x0A)
            }
            var hash = StableHash()
            hash.add(bytes)
            return (SearchIndexFile(path: folder + "t/\(shard).txt", bytes: bytes), hash.value)
        }
    }

    /// One `d/` file: a JSON array of its documents, in id order.
    private static func documentFile(_ documents: ArraySlice<SearchDocument>, number: Int) -> SearchIndexFile {
        var json = JSONText(reserving: documents.reduce(2) { $0 + $1.lead.utf8.count + $1.title.utf8.count + 128 })
        json.raw("[")
        for (position, document) in documents.enumerated() {
            json.raw(position == 0 ? "{" : ",{")
            json.field("t", document.title, first: true)
            json.field("u", document.href)
            if let date = document.date { json.field("d", date) }
            json.field("s", json: String(document.section))
            json.field("m", document.lead)
            // Topics and details, so a result found by one can show it: the title and lead may
            // not hold the words at all.
            json.list("k", document.fields.filter { $0.weight == .topic }.map(\.text))
            json.list("f", document.fields.filter { $0.weight == .detail }.map(\.text))
            // A deputy's name, where the title does not hold it (扎根田间的“土专家”): what the
            // result was found by, and where a name typed with one character wrong is matched.
            json.list("n", document.fields.filter { $0.weight == .title && !document.title.contains($0.text) }.map(\.text))
            json.raw("}")
        }
        json.raw("]")
        return SearchIndexFile(path: folder + "d/\(number).json", bytes: json.bytes)
    }

    private static func manifestBytes(documents: [SearchDocument], sections: [SearchSection], shardCount: Int,
                                      hash: String) -> [UInt8] {
        var bits = 1
        while 1 << bits < sections.count { bits += 1 }
        var years: [(year: Int, first: Int, count: Int)] = []
        for (id, document) in documents.enumerated() {
            guard let year = document.year else { continue }
            if let last = years.last, last.year == year, last.first + last.count == id {
                years[years.count - 1].count += 1
            } else {
                years.append((year, id, 1))
            }
        }
        var list = JSONText()
        list.raw("[")
        for (position, section) in sections.enumerated() {
            list.raw(position == 0 ? "{" : ",{")
            list.field("key", section.key, first: true)
            list.field("name", section.name)
            list.raw("}")
        }
        list.raw("]")
        var json = JSONText()
        json.raw("{")
        json.field("format", json: String(format), first: true)
        json.field("hash", hash)
        json.field("shards", json: String(shardCount))
        json.field("group", json: String(documentsPerFile))
        json.field("count", json: String(documents.count))
        json.field("sections", json: String(decoding: list.bytes, as: UTF8.self))
        json.field("sectionBits", json: String(bits))
        json.field("docSections", PostingCodec.pack(documents.map(\.section), bits: bits))
        json.field("years", json: "[" + years.map { "[\($0.year),\($0.first),\($0.count)]" }.joined(separator: ",") + "]")
        json.raw("}\n")
        return json.bytes
    }
}
