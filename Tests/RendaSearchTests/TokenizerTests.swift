@testable import RendaSearch
import Testing

@Suite("Search tokens")
struct TokenizerTests {
    private struct Recorder: TokenSink {
        var keys: [UInt64] = []
        mutating func add(_ key: UInt64, weight: UInt8) { keys.append(key) }
    }

    private func tokens(of text: String) -> [String] {
        var recorder = Recorder()
        Tokenizer.scan(text, weight: 0, into: &recorder)
        return recorder.keys.map(TokenKey.text)
    }

    @Test func hanTextGivesEveryCharacterAndEveryOverlappingPair() {
        #expect(tokens(of: "代表建议") == ["代", "表", "代表", "建", "表建", "议", "建议"])
    }

    @Test func punctuationAndSpacesBreakPairs() {
        #expect(tokens(of: "代表，建议") == ["代", "表", "代表", "建", "议", "建议"])
        #expect(!tokens(of: "基本情况\n全县").contains("况全"))
    }

    @Test func latinWordsAndNumbersAreLowerCasedWholeTokensAndFullWidthReadsAsASCII() {
        #expect(tokens(of: "GDP增长２０２３年ICP") == ["gdp", "增", "长", "增长", "2023", "年", "icp"])
    }

    @Test func longWordsAreKeptToTheirFirstTenCharacters() {
        #expect(tokens(of: "abcdefghijklmn") == ["abcdefghij"])
    }

    @Test(arguments: [
        ("代表建议", ["代表", "表建", "建议"]),
        ("王", ["王"]),
        ("2023年", ["2023"]),
        ("２０２３", ["2023"]),
        ("第13次会议", ["13", "会议"]),
        ("2024年预算", ["2024", "预算"]),
        ("2024年度", ["2024", "年度"]),
        ("年", ["年"]),
        ("ICP 备案号", ["icp", "备案", "案号"]),
        ("  代表 代表  ", ["代表"]),
        ("，。！", []),
    ])
    func queriesLookUpTheSameTokensTheIndexHolds(query: String, expected: [String]) {
        #expect(SearchQuery(query).tokens == expected)
    }

    @Test func aQueryIsCappedSoAPastedParagraphCannotFetchEveryShard() {
        let paragraph = "县人大常委会召开会议，听取和审议县人民政府关于全县生态环境保护工作情况的报告。"
        #expect(SearchQuery(paragraph).tokens.count == SearchQuery.maxTokens)
    }

    /// The same FNV-1a values search.js computes (checked with a Python one-liner).
    @Test func shardNumbersAreFNV1aOfTheUTF8() {
        #expect(TokenKey.shard(of: "代表", shardCount: 1024) == 610)
        #expect(TokenKey.shard(of: "建议", shardCount: 1024) == 291)
        #expect(TokenKey.shard(of: "2023", shardCount: 1024) == 588)
        #expect(TokenKey.shard(of: "王", shardCount: 1024) == 489)
    }
}

@Suite("Posting lists")
struct PostingCodecTests {
    @Test func listsRoundTripAndDenseListsTakeOneCharacterAPosting() throws {
        let postings: [UInt32] = [0 << 3 | 7, 1 << 3 | 1, 2 << 3 | 4, 3 << 3 | 2, 900 << 3 | 5, 100_000 << 3 | 3]
        var bytes: [UInt8] = []
        PostingCodec.encode(postings, into: &bytes)
        let decoded = try #require(PostingCodec.decode(bytes))
        #expect(decoded.map(\.document) == [0, 1, 2, 3, 900, 100_000])
        #expect(decoded.map(\.weight) == [7, 1, 4, 2, 5, 3])
        var dense: [UInt8] = []
        PostingCodec.encode((0..<500).map { UInt32($0) << 3 | 1 }, into: &dense)
        #expect(dense.count == 500)
    }

    @Test func malformedListsAreRefused() {
        #expect(PostingCodec.decode(Array("A*".utf8)) == nil)
        #expect(PostingCodec.decode(Array("g".utf8)) == nil, "a continuation with nothing after it")
    }

    @Test func sectionsPackThreeToACharacter() {
        let sections = [0, 1, 2, 3, 3, 0, 1]
        let packed = PostingCodec.pack(sections, bits: 2)
        #expect(packed.count == 3)
        #expect(PostingCodec.unpack(packed, bits: 2, count: sections.count) == sections)
    }
}

@Suite("Posting lists built while tokenizing")
struct PostingListsTests {
    /// Lists long enough to chain blocks (1 KB and more), written in turns, then each read back as
    /// a whole and as the continuation of an earlier run's list.
    @Test func chainedListsReadBackAsTheCodecWritesThem() throws {
        var lists = PostingLists()
        // Gaps of 0, 1, 2 (one digit), 699 (three digits) and 4,999 (four digits).
        let every = [1, 2, 3, 700, 5000]
        var expected: [[UInt32]] = every.map { _ in [] }
        for _ in every { lists.open() }
        for document in 0..<12000 {
            for number in every.indices where document % every[number] == 0 {
                let weight = UInt8(1 + (document + number) % 7)
                lists.append(number, document: Int32(document + 40), weight: weight)
                expected[number].append(UInt32(document + 40) << 3 | UInt32(weight))
            }
        }
        let finished = lists.finish()
        for number in every.indices {
            var alone: [UInt8] = []
            finished.append(number, after: -1, into: &alone)
            var reference: [UInt8] = []
            PostingCodec.encode(expected[number], into: &reference)
            #expect(alone == reference, "list \(number)")
            #expect(finished.byteCount(number) == reference.count)
            #expect(finished.lastDocument(number) == Int32(expected[number].last! >> 3))

            var joined: [UInt8] = []
            PostingCodec.encode([UInt32(7) << 3 | 2, UInt32(39) << 3 | 5], into: &joined)
            let before = joined.count
            finished.append(number, after: 39, into: &joined)
            #expect(joined.count - before == finished.byteCount(number, after: 39))
            let decoded = try #require(PostingCodec.decode(joined))
            #expect(decoded.map(\.document) == [7, 39] + expected[number].map { Int($0 >> 3) })
            #expect(decoded.map(\.weight) == [2, 5] + expected[number].map { Int($0 & 7) })
        }
    }

    /// Enough documents for several workers' runs: every list is whole and in document order.
    @Test func listsJoinAcrossRuns() throws {
        let documents = (0..<1000).map { number in
            SearchDocument(title: "第\(number)篇", href: "/\(number)/", date: nil, year: nil, section: 0, fields: [],
                           summary: nil, lead: "",
                           textUTF8: Array(String(repeating: number % 3 == 0 ? "代表。" : "会议。", count: number % 6 + 1).utf8))
        }
        let index = InvertedIndex(documents)
        let token = try #require(index.keys.firstIndex(of: TokenKey.bigram(0x4EE3, 0x8868)))
        var list: [UInt8] = []
        index.appendList(token, into: &list)
        #expect(list.count == index.encodedCount(token))
        let decoded = try #require(PostingCodec.decode(list))
        #expect(decoded.map(\.document) == Array(stride(from: 0, to: 1000, by: 3)))
        #expect(decoded.map(\.weight) == stride(from: 0, to: 1000, by: 3).map {
            Int(SearchDocument.Weight.body(count: $0 % 6 + 1))
        })
    }
}
