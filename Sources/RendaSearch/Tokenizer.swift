import RendaCore

/// Where `Tokenizer.scan` puts tokens: `weight` is 0 for body text, else the field's weight.
protocol TokenSink: ~Copyable {
    mutating func add(_ key: UInt64, weight: UInt8)
}

/// How text becomes search tokens. `search.js` implements the same rules character for
/// character, so a query typed in the browser finds exactly what the build indexed.
///
/// Chinese has no spaces between words, so Han text is indexed by overlapping character pairs
/// (代表建议 → 代表, 表建, 建议) plus single characters for one-character queries; a query matches
/// a page holding every pair of it. Latin words and numbers are lower-cased tokens.
public enum Tokenizer {
    /// Which tokens a scan adds. Body text gives pairs and words only: in running text a single
    /// character is on nearly every page, so its postings would say little and cost the index
    /// as much as all pairs together. Single characters come from the title, topics, details and
    /// the lead, the text a result shows.
    enum Selection {
        case all
        case pairsAndWords
        case characters
    }

    /// Latin words are indexed by their first ten characters (six bits each fit a 64-bit key).
    public static let maxWordLength = 10

    /// Full-width ASCII (ＡＢＣ１２３) read as ASCII and Latin letters lower-cased. One scalar in, one
    /// out, so offsets in folded text are offsets in the original (the browser highlights by them).
    @inline(__always)
    public static func fold(_ value: UInt32) -> UInt32 {
        var folded = value
        if folded >= 0xFF01, folded <= 0xFF5E { folded -= 0xFEE0 }
        if folded >= 0x41, folded <= 0x5A { folded += 0x20 }
        return folded
    }

    @inline(__always)
    static func isWordCharacter(_ folded: UInt32) -> Bool {
        (folded >= 0x30 && folded <= 0x39) || (folded >= 0x61 && folded <= 0x7A)
    }

    /// Adds every token occurrence of `text` to `sink`, in order, with `weight`. Generic rather
    /// than a closure so the compiler inlines the sink into this loop, and reading UTF-8 bytes
    /// itself: this runs for every character of the site.
    @inline(__always)
    static func scan<Sink: TokenSink & ~Copyable>(_ text: String, weight: UInt8, _ selection: Selection = .all,
                                                  into sink: inout Sink) {
        var text = text
        text.withUTF8 { scan(utf8: $0, weight: weight, selection, into: &sink) }
    }

    /// The same over UTF-8 bytes, which must be valid UTF-8 (a String's, or cmark's text of
    /// checked input); a sequence cut off at the end is dropped, never read past.
    @inline(__always)
    static func scan<Sink: TokenSink & ~Copyable>(utf8: UnsafeBufferPointer<UInt8>, weight: UInt8,
                                                  _ selection: Selection = .all, into sink: inout Sink) {
        let characters = selection != .pairsAndWords
        let pairsAndWords = selection != .characters
        var previousHan: UInt32 = 0
        var word: UInt64 = 0
        var wordLength = 0
        var position = 0
        while position < utf8.count {
            // Valid UTF-8: the lead byte gives the length.
            let lead = UInt32(utf8[position])
            var value: UInt32
            if lead < 0x80 {
                value = lead
                position += 1
            } else if lead < 0xE0 {
                guard position + 1 < utf8.count else { break }
                value = (lead & 0x1F) << 6 | UInt32(utf8[position + 1] & 0x3F)
                position += 2
            } else if lead < 0xF0 {
                guard position + 2 < utf8.count else { break }
                value = (lead & 0x0F) << 12 | UInt32(utf8[position + 1] & 0x3F) << 6 | UInt32(utf8[position + 2] & 0x3F)
                position += 3
                // Nearly every character of the site: a common ideograph (U+4E00–U+9FFF), which
                // folding leaves alone and which is never part of a word. The three lines repeat
                // the Han case below on purpose: a nested function shared by both made the loop
                // half again slower.
                if wordLength == 0, value &- 0x4E00 < 0x5200 {
                    if characters { sink.add(TokenKey.unigram(value), weight: weight) }
                    if pairsAndWords, previousHan != 0 { sink.add(TokenKey.bigram(previousHan, value), weight: weight) }
                    previousHan = value
                    continue
                }
            } else {
                guard position + 3 < utf8.count else { break }
                value = (lead & 0x07) << 18 | UInt32(utf8[position + 1] & 0x3F) << 12
                    | UInt32(utf8[position + 2] & 0x3F) << 6 | UInt32(utf8[position + 3] & 0x3F)
                position += 4
            }
            value = fold(value)
            if isWordCharacter(value) {
                previousHan = 0
                if wordLength < maxWordLength { word = word << 6 | TokenKey.wordCode(value) }
                wordLength += 1
                continue
            }
            if wordLength > 0 {
                if pairsAndWords { sink.add(TokenKey.word(packed: word), weight: weight) }
                word = 0
                wordLength = 0
            }
            if CJK.isHan(value) {
                if characters { sink.add(TokenKey.unigram(value), weight: weight) }
                if pairsAndWords, previousHan != 0 { sink.add(TokenKey.bigram(previousHan, value), weight: weight) }
                previousHan = value
            } else {
                previousHan = 0
            }
        }
        if pairsAndWords, wordLength > 0 { sink.add(TokenKey.word(packed: word), weight: weight) }
    }

    /// A stretch of query text that is one kind of token source.
    public enum Segment: Equatable, Sendable {
        /// Consecutive Han characters, folded.
        case han(String)
        /// A Latin word or number, folded and cut to `maxWordLength`.
        case word(String)
    }

    /// Where a segment stands against numbers: 2023年 (after one), 第3次 (before one).
    public struct Neighbours: Equatable, Sendable {
        public var afterNumber = false
        public var beforeNumber = false
        public var touchesNumber: Bool { afterNumber || beforeNumber }
    }

    /// The Han runs and words of `text` in order, each with whether a number is right beside it;
    /// everything else separates them.
    public static func segments(_ text: String) -> [(segment: Segment, neighbours: Neighbours)] {
        var segments: [(segment: Segment, neighbours: Neighbours)] = []
        var han = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        var wordIsNumber = true
        var previousWasNumber = false

        func flushHan(nextIsNumber: Bool) {
            guard !han.isEmpty else { return }
            segments.append((.han(String(han)), Neighbours(afterNumber: previousWasNumber, beforeNumber: nextIsNumber)))
            han = String.UnicodeScalarView()
            previousWasNumber = false
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            segments.append((.word(String(String(word).prefix(maxWordLength))), Neighbours()))
            previousWasNumber = wordIsNumber
            word = String.UnicodeScalarView()
            wordIsNumber = true
        }

        for scalar in text.unicodeScalars {
            let folded = fold(scalar.value)
            if isWordCharacter(folded) {
                flushHan(nextIsNumber: folded <= 0x39)
                word.append(Unicode.Scalar(folded)!)
                if folded > 0x39 { wordIsNumber = false }
            } else if CJK.isHan(scalar) {
                flushWord()
                han.append(scalar)
            } else {
                flushWord()
                flushHan(nextIsNumber: false)
                previousWasNumber = false
            }
        }
        flushWord()
        flushHan(nextIsNumber: false)
        return segments
    }
}
