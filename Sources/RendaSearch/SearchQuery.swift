/// What a typed query looks up: the tokens every result must hold. `search.js` parses the same way.
public struct SearchQuery: Sendable, Equatable {
    /// A pasted paragraph should not make the browser fetch every shard.
    public static let maxTokens = 24

    /// Distinct tokens in the order typed.
    public let tokens: [String]

    public init(_ text: String) {
        let (segments, touchesDigits) = Tokenizer.segments(text)
        var tokens: [String] = []
        var units: [String] = []
        // Same scalars, not `==`: String equality is canonical equivalence, which takes the
        // compatibility ideograph U+F900 for U+8C48, yet the index and search.js keep the two apart;
        // dropping one would find pages that lack it.
        func add(_ token: String) {
            if !tokens.contains(where: { $0.unicodeScalars.elementsEqual(token.unicodeScalars) }) { tokens.append(token) }
        }
        for (segment, touches) in zip(segments, touchesDigits) {
            switch segment {
            case .word(let word):
                add(word)
            case .han(let run):
                let characters = Array(run.unicodeScalars)
                if characters.count == 1 {
                    // 年 in 2023年 or 第…次 around a number is a unit, not something to look for,
                    // unless it is all there is.
                    if touches { units.append(run) } else { add(run) }
                }
                for position in characters.indices.dropLast() {
                    var pair = String.UnicodeScalarView()
                    pair.append(characters[position])
                    pair.append(characters[position + 1])
                    add(String(pair))
                }
            }
        }
        if tokens.isEmpty { for unit in units { add(unit) } }
        self.tokens = Array(tokens.prefix(SearchQuery.maxTokens))
    }
}
