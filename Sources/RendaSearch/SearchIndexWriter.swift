import RendaCore

/// One file of the written index, relative to the site root.
public struct SearchIndexFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// Turns documents into the files the browser reads:
///
/// - `search/index.json`: the manifest — shard count, each document's section and the id range of
///   each year (documents are numbered newest first), and a hash that versions every other file;
/// - `search/t/<n>.txt`: shard `n`, lines of `token<TAB>postings`; a query reads only the shards
///   of its tokens;
/// - `search/d/<id>.json`: one document's title, link, date, section and the start of its text, read
///   only for the results on screen; long texts continue in `search/d/<id>.<k>.txt`, read only when
///   the words looked for are not in the first part.
public enum SearchIndexWriter {
    public static let folder = "search/"
    public static let manifestName = "index.json"
    /// Manifest field `format`: bumped when the files change shape, checked by `search.js`.
    public static let format = 1

    /// A shard aims at about this many bytes: small enough that a query downloads little beyond
    /// its own tokens, large enough that the site does not gain a file per token.
    static let shardTarget = 8 * 1024
    static let maxShards = 4096
    /// UTF-8 bytes of text in a document's first file (about 2,000 Chinese characters: all of a
    /// typical news item, and enough for most excerpts), then in each further part. Smaller
    /// means fewer bytes per result shown, larger fewer files to write and upload.
    static let firstPartBytes = 6000
    static let partBytes = 12000

    public static func files(documents: [SearchDocument], sections: [SearchSection]) -> [SearchIndexFile] {
        let shards = shardFiles(InvertedIndex(documents))
        let documentFiles = Array(documents.indices).parallelMap { id -> ([SearchIndexFile], UInt64) in
            let files = self.documentFiles(documents[id], id: id)
            var hash = StableHash()
            for file in files { hash.add(file.bytes) }
            return (files, hash.value)
        }
        // The version covers every file, so a browser never mixes files of two builds.
        var version = StableHash()
        for shard in shards { version.add(shard.hash) }
        for (_, hash) in documentFiles { version.add(hash) }
        let manifest = manifestBytes(documents: documents, sections: sections, shardCount: shards.count,
                                     hash: version.hex)
        return [SearchIndexFile(path: folder + manifestName, bytes: manifest)] + shards.map(\.file)
            + documentFiles.flatMap(\.0)
    }

    /// Every shard, even an empty one (a missing file would read as a broken index), built on all cores.
    private static func shardFiles(_ index: InvertedIndex) -> [(file: SearchIndexFile, hash: UInt64)] {
        let tokens = index.keys.map(TokenKey.text)
        let encoded = Array(index.keys.indices).parallelMap { token -> [UInt8] in
            let list = index.list(token)
            var out: [UInt8] = []
            out.reserveCapacity(list.count + 8)
            PostingCodec.encode(list, into: &out)
            return out
        }
        let total = zip(tokens, encoded).reduce(0) { $0 + $1.0.utf8.count + $1.1.count + 2 }
        var shardCount = 1
        while shardCount < maxShards, shardCount * shardTarget < total { shardCount *= 2 }

        var byShard = [[Int]](repeating: [], count: shardCount)
        for (position, token) in tokens.enumerated() {
            byShard[TokenKey.shard(of: token, shardCount: shardCount)].append(position)
        }
        return Array(byShard.indices).parallelMap { shard -> (file: SearchIndexFile, hash: UInt64) in
            var bytes: [UInt8] = []
            for position in byShard[shard].sorted(by: { tokens[$0].utf8.lexicographicallyPrecedes(tokens[$1].utf8) }) {
                bytes.append(contentsOf: tokens[position].utf8)
                bytes.append(0x09)
                bytes.append(contentsOf: encoded[position])
                bytes.append(0x0A)
            }
            var hash = StableHash()
            hash.add(bytes)
            return (SearchIndexFile(path: folder + "t/\(shard).txt", bytes: bytes), hash.value)
        }
    }

    /// The document's JSON and, for a long text, its further parts.
    private static func documentFiles(_ document: SearchDocument, id: Int) -> [SearchIndexFile] {
        let parts = split(document.text)
        var json = JSONText(reserving: parts[0].utf8.count + 256)
        json.raw("{")
        json.field("t", document.title, first: true)
        json.field("u", document.href)
        if let date = document.date { json.field("d", date) }
        json.field("s", json: String(document.section))
        if let summary = document.summary { json.field("m", summary) }
        json.field("x", parts[0])
        if parts.count > 1 { json.field("p", json: String(parts.count - 1)) }
        json.raw("}")
        var files = [SearchIndexFile(path: folder + "d/\(id).json", bytes: json.bytes)]
        for (number, part) in parts.enumerated().dropFirst() {
            files.append(SearchIndexFile(path: folder + "d/\(id).\(number).txt", bytes: Array(part.utf8)))
        }
        return files
    }

    /// Cuts by UTF-8 length at a character boundary; the browser joins the parts back before
    /// looking for words, so where the cut falls does not matter.
    static func split(_ text: String, first: Int = firstPartBytes, then: Int = partBytes) -> [String] {
        let utf8 = text.utf8
        var parts: [String] = []
        var start = utf8.startIndex
        var length = first
        while var end = utf8.index(start, offsetBy: length, limitedBy: utf8.endIndex), end < utf8.endIndex {
            while end > start, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
            parts.append(String(text.unicodeScalars[start..<end]))
            start = end
            length = then
        }
        parts.append(String(text.unicodeScalars[start...]))
        return parts
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
        json.field("count", json: String(documents.count))
        json.field("sections", json: String(decoding: list.bytes, as: UTF8.self))
        json.field("sectionBits", json: String(bits))
        json.field("docSections", PostingCodec.pack(documents.map(\.section), bits: bits))
        json.field("years", json: "[" + years.map { "[\($0.year),\($0.first),\($0.count)]" }.joined(separator: ",") + "]")
        json.raw("}\n")
        return json.bytes
    }
}
