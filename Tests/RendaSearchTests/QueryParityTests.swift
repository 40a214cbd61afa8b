import Foundation
@testable import RendaSearch
import Testing

/// The tokens and shards of `Fixtures/query-parity.json`, the cases `Tests/Browser/test_search.py`
/// also runs through `search.js`: if both sides match the one fixture, a query typed in the
/// browser looks for the tokens the build wrote, in the shard files it wrote them to.
struct QueryParityFixture: Decodable {
    struct Token: Decodable, Sendable {
        var text: String
        var shards: [Int]

        /// `["代表", 610, 610]`: the token, then its shard for each of the fixture's shard counts.
        init(from decoder: Decoder) throws {
            var row = try decoder.unkeyedContainer()
            text = try row.decode(String.self)
            shards = []
            while !row.isAtEnd { shards.append(try row.decode(Int.self)) }
        }
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var query: String
        var note: String?
        var tokens: [Token]
        var shardCounts: [Int] = []

        enum CodingKeys: String, CodingKey { case query, note, tokens }

        var testDescription: String { spelled(query) }
    }

    var shardCounts: [Int]
    /// Every unit and measure word left out after a number, and every word left out before one:
    /// each side checks each character, so neither list can gain one the other lacks.
    var unitsAfterNumber: String
    var wordsBeforeNumber: String
    var cases: [Case]

    /// Beside this file rather than a bundle resource: the test target declares no resources.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/query-parity.json")

    static func load() throws -> QueryParityFixture {
        var fixture = try JSONDecoder().decode(QueryParityFixture.self, from: Data(contentsOf: url))
        for index in fixture.cases.indices { fixture.cases[index].shardCounts = fixture.shardCounts }
        return fixture
    }

    /// Empty when the file does not load; `theFixtureLoadsAndCoversEnoughCases` then says why.
    static let cases = (try? load())?.cases ?? []
}

/// Text followed by its scalars. `String ==` treats canonically equivalent text as equal
/// ("\u{F900}" == "\u{8C48}"), but the index and the browser tell such tokens apart, so comparisons
/// here go by scalars, and a failure shows which ones.
private func spelled(_ text: String) -> String {
    text + " <" + text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") + ">"
}

@Suite("Query parity with search.js")
struct QueryParityTests {
    private struct Recorder: TokenSink {
        var keys: [UInt64] = []
        mutating func add(_ key: UInt64, weight: UInt8) { keys.append(key) }
    }

    @Test func theFixtureLoadsAndCoversEnoughCases() throws {
        let fixture = try QueryParityFixture.load()
        #expect(fixture.cases.count >= 15)
        // The writer only makes power-of-two counts, which the shard functions mask by.
        #expect(!fixture.shardCounts.isEmpty && fixture.shardCounts.allSatisfy { $0 > 0 && $0 & ($0 - 1) == 0 })
        for testCase in fixture.cases {
            for token in testCase.tokens {
                #expect(token.shards.count == fixture.shardCounts.count, "\(spelled(token.text))")
            }
        }
    }

    /// `3年预算`, `3亿预算`…: each unit of the fixture's list is left out after a number, and
    /// `召开第3`, `召开约3`…: each word before one; and the lists are the query's own.
    @Test func everyUnitOfTheFixtureIsLeftOutBesideANumber() throws {
        let fixture = try QueryParityFixture.load()
        #expect(Set(fixture.unitsAfterNumber.unicodeScalars) == SearchQuery.unitsAfterNumber)
        #expect(Set(fixture.wordsBeforeNumber.unicodeScalars) == SearchQuery.wordsBeforeNumber)
        for unit in fixture.unitsAfterNumber {
            #expect(SearchQuery("3\(unit)预算").tokens == ["3", "预算"], "\(unit)")
        }
        for word in fixture.wordsBeforeNumber {
            #expect(SearchQuery("召开\(word)3").tokens == ["召开", "3"], "\(word)")
        }
    }

    @Test(arguments: QueryParityFixture.cases)
    func theQueryLooksUpTheFixturesTokensInTheFixturesShards(_ testCase: QueryParityFixture.Case) {
        let tokens = SearchQuery(testCase.query).tokens
        #expect(tokens.map(spelled) == testCase.tokens.map { spelled($0.text) })
        for token in testCase.tokens {
            let shards = testCase.shardCounts.map { TokenKey.shard(of: token.text, shardCount: $0) }
            #expect(shards == token.shards, "\(spelled(token.text))")
        }
    }

    /// A page holding the query's text must be found by it: the build indexed every token looked for.
    @Test(arguments: QueryParityFixture.cases)
    func aPageHoldingTheQueryTextHasEveryTokenItLooksFor(_ testCase: QueryParityFixture.Case) {
        var recorder = Recorder()
        Tokenizer.scan(testCase.query, weight: 0, into: &recorder)
        let indexed = Set(recorder.keys.map { spelled(TokenKey.text($0)) })
        for token in testCase.tokens {
            #expect(indexed.contains(spelled(token.text)), "\(spelled(token.text)) is not indexed")
        }
    }
}
