/// One page of a paginated list.
public struct Pager: Sendable, Equatable {
    /// 1-based page number.
    public let number: Int
    public let total: Int
    /// Indexes into the full list.
    public let range: Range<Int>

    public init(number: Int, total: Int, range: Range<Int>) {
        self.number = number
        self.total = total
        self.range = range
    }

    /// Splits `count` items into pages of `perPage`. An empty list still has one (empty) page,
    /// so its URL exists and says there is nothing yet.
    public static func pages(count: Int, perPage: Int) -> [Pager] {
        let size = max(1, perPage)
        let total = max(1, (count + size - 1) / size)
        return (1...total).map { number in
            Pager(number: number, total: total, range: ((number - 1) * size)..<min(count, number * size))
        }
    }
}
