/// What a typed query looks up: the tokens every result must hold. `search.js` parses the same way.
public struct SearchQuery: Sendable, Equatable {
    /// A pasted paragraph should not make the browser fetch every shard.
    public static let maxTokens = 24

    /// Distinct tokens in the order typed.
    public let tokens: [String]

    /// Units and measure words written straight after a number (2024年, 3亿元, 10项, 100多名).
    /// Left out of the pairs of the run they open, 2024年预算 looks for 2024 and 预算, and finds
    /// 2024年财政预算 as well as 2024年预算; with 年 the pair 年预 would find only the latter.
    static let unitsAfterNumber: Set<Unicode.Scalar> = Set("年月日号时点分秒次届期批轮个项件名位户家所座条篇份场种类处支万亿千百元岁余多倍".unicodeScalars)
    /// Words written straight before a number (第3次, 约3亿元, 共10项), left out of the run they
    /// close the same way: 召开第13次会议 must find 召开了第13次会议.
    static let wordsBeforeNumber: Set<Unicode.Scalar> = Set("第约近共计达超逾".unicodeScalars)

    public init(_ text: String) {
        var tokens: [String] = []
        var units: [String] = []
        // Same scalars, not `==`: String equality is canonical equivalence, which takes the
        // compatibility ideograph U+F900 for U+8C48, yet the index and search.js keep the two apart;
        // dropping one would find pages that lack it.
        func add(_ token: String) {
            if !tokens.contains(where: { $0.unicodeScalars.elementsEqual(token.unicodeScalars) }) { tokens.append(token) }
        }
        for (segment, neighbours) in Tokenizer.segments(text) {
            switch segment {
            case .word(let word):
                add(word)
            case .han(let run):
                if run.unicodeScalars.count == 1 {
                    // 年 in 2023年 or 第…次 around a number is a unit, not something to look for,
                    // unless it is all there is.
                    if neighbours.touchesNumber { units.append(run) } else { add(run) }
                    continue
                }
                let characters = SearchQuery.pairedCharacters(of: Array(run.unicodeScalars), neighbours)
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

    /// The characters of a run of two or more whose pairs are looked for: less the units it opens
    /// with after a number and the word it closes with before one, while two characters remain
    /// (2024年度 keeps 年度, the only pair it has). Only ever fewer pairs, so never fewer pages.
    static func pairedCharacters(of run: [Unicode.Scalar], _ neighbours: Tokenizer.Neighbours) -> ArraySlice<Unicode.Scalar> {
        var characters = run[...]
        if neighbours.afterNumber {
            while characters.count > 2, let first = characters.first, unitsAfterNumber.contains(first) { characters.removeFirst() }
        }
        if neighbours.beforeNumber, characters.count > 2, let last = characters.last, wordsBeforeNumber.contains(last) {
            characters.removeLast()
        }
        return characters
    }
}
