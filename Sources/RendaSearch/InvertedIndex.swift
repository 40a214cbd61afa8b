import Foundation
import RendaCore

/// Token → the documents holding it, with the token's weight in each. The lists of all tokens
/// share one flat array (token `i` owns `postings[offsets[i]..<offsets[i + 1]]`): millions of
/// postings in thousands of small arrays cost more in allocation than in tokenizing.
struct InvertedIndex: Sendable {
    /// Packed tokens (`TokenKey`), in no particular order.
    private(set) var keys: [UInt64] = []
    /// `document << 3 | weight`, documents ascending within each token.
    private var postings: [UInt32] = []
    private var offsets: [Int] = [0]

    func list(_ token: Int) -> ArraySlice<UInt32> { postings[offsets[token]..<offsets[token + 1]] }

    /// Tokenizes on all cores: each worker takes a run of consecutive documents, so joining the
    /// runs in order keeps every list sorted without a sort.
    init(_ documents: [SearchDocument]) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let runLength = max(64, (documents.count + workers * 4 - 1) / max(1, workers * 4))
        let runs = stride(from: 0, to: documents.count, by: runLength).map { $0..<min($0 + runLength, documents.count) }
        self.init(joining: runs.parallelMap { InvertedIndex(documents, run: $0) })
    }

    /// One worker's run of documents.
    private init(_ documents: [SearchDocument], run: Range<Int>) {
        var collector = PostingCollector()
        for number in run {
            let document = documents[number]
            collector.begin(number)
            Tokenizer.scan(document.title, weight: SearchDocument.Weight.title.rawValue, into: &collector)
            for field in document.fields {
                Tokenizer.scan(field.text, weight: field.weight.rawValue, into: &collector)
            }
            if let year = document.year {
                Tokenizer.scan(String(year), weight: SearchDocument.Weight.detail.rawValue, into: &collector)
            }
            // The lead is the editor's summary or the start of the text: its pairs are counted
            // there, its single characters here.
            Tokenizer.scan(document.lead, weight: 0, .characters, into: &collector)
            if let summary = document.summary { Tokenizer.scan(summary, weight: 0, .pairsAndWords, into: &collector) }
            document.text.withUnsafeBufferPointer { Tokenizer.scan(utf8: $0, weight: 0, .pairsAndWords, into: &collector) }
            collector.end()
        }
        keys = collector.keys
        // (token, posting) pairs in document order → lists by token, by counting.
        var lengths = [Int](repeating: 0, count: keys.count + 1)
        for pair in collector.pairs { lengths[Int(pair >> 32) + 1] += 1 }
        offsets = lengths
        for token in keys.indices { offsets[token + 1] += offsets[token] }
        var cursor = offsets
        postings = [UInt32](repeating: 0, count: collector.pairs.count)
        for pair in collector.pairs {
            let token = Int(pair >> 32)
            postings[cursor[token]] = UInt32(truncatingIfNeeded: pair)
            cursor[token] += 1
        }
    }

    /// The runs joined in order, one vocabulary for all.
    private init(joining parts: [InvertedIndex]) {
        var vocabulary = KeyTable()
        let numbers = parts.map { part in part.keys.map { vocabulary.number(of: $0) } }
        keys = vocabulary.keys
        var lengths = [Int](repeating: 0, count: keys.count + 1)
        for (part, global) in zip(parts, numbers) {
            for token in part.keys.indices { lengths[global[token] + 1] += part.offsets[token + 1] - part.offsets[token] }
        }
        offsets = lengths
        for token in keys.indices { offsets[token + 1] += offsets[token] }
        var cursor = offsets
        postings = [UInt32](repeating: 0, count: offsets[keys.count])
        for (part, global) in zip(parts, numbers) {
            for token in part.keys.indices {
                let list = part.list(token)
                postings.replaceSubrange(cursor[global[token]]..<cursor[global[token]] + list.count, with: list)
                cursor[global[token]] += list.count
            }
        }
    }
}
