import Foundation
import RendaCore

/// Token → the documents holding it, with the token's weight in each, as `PostingCodec` text.
/// Workers tokenize runs of consecutive documents, each into its own vocabulary and lists; a
/// token's whole list is its lists from every run, in run order, so no list is ever sorted.
struct InvertedIndex: Sendable {
    /// One worker's run: its vocabulary (number → packed token) and its lists by number.
    private struct Run: Sendable {
        var keys: [UInt64]
        var lists: FinishedPostingLists
    }

    /// Packed tokens (`TokenKey`), in no particular order.
    let keys: [UInt64]
    private let runs: [Run]
    /// Token `i`'s pieces are `pieces[pieceStarts[i]..<pieceStarts[i + 1]]`, in run order:
    /// `run << 32 | number in that run`.
    private let pieces: [UInt64]
    private let pieceStarts: [Int]

    /// Tokenizes on all cores: each worker takes a run of consecutive documents.
    init(_ documents: [SearchDocument]) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let runLength = max(64, (documents.count + workers * 4 - 1) / max(1, workers * 4))
        let ranges = stride(from: 0, to: documents.count, by: runLength).map { $0..<min($0 + runLength, documents.count) }
        runs = ranges.parallelMap { Self.tokenize(documents, $0) }

        // One vocabulary for all runs, and each token's pieces, by counting.
        var vocabulary = KeyTable()
        let numbers = runs.map { run in run.keys.map { vocabulary.number(of: $0) } }
        keys = vocabulary.keys
        var starts = [Int](repeating: 0, count: keys.count + 1)
        for global in numbers { for token in global { starts[token + 1] += 1 } }
        for token in keys.indices { starts[token + 1] += starts[token] }
        var cursor = starts
        var pieces = [UInt64](repeating: 0, count: starts[keys.count])
        for (run, global) in numbers.enumerated() {
            for (local, token) in global.enumerated() {
                pieces[cursor[token]] = UInt64(run) << 32 | UInt64(local)
                cursor[token] += 1
            }
        }
        self.pieces = pieces
        pieceStarts = starts
    }

    /// One worker's run of documents.
    private static func tokenize(_ documents: [SearchDocument], _ run: Range<Int>) -> Run {
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
        let (keys, lists) = collector.finish()
        return Run(keys: keys, lists: lists)
    }

    /// How many bytes `appendList(token, into:)` adds.
    func encodedCount(_ token: Int) -> Int {
        var count = 0
        var previous: Int32 = -1
        for piece in pieces[pieceStarts[token]..<pieceStarts[token + 1]] {
            let lists = runs[Int(piece >> 32)].lists
            let number = Int(piece & 0xFFFF_FFFF)
            count += lists.byteCount(number, after: previous)
            previous = lists.lastDocument(number)
        }
        return count
    }

    /// Appends token `token`'s whole list, encoded, to `out`: documents ascending, each the gap
    /// from the one before, the runs' lists one after another.
    func appendList(_ token: Int, into out: inout [UInt8]) {
        var previous: Int32 = -1
        for piece in pieces[pieceStarts[token]..<pieceStarts[token + 1]] {
            let lists = runs[Int(piece >> 32)].lists
            let number = Int(piece & 0xFFFF_FFFF)
            lists.append(number, after: previous, into: &out)
            previous = lists.lastDocument(number)
        }
    }
}
