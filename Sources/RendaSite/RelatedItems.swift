import RendaContent
import RendaCore

/// 相关阅读: the articles an article links to at its end, chosen once with the model.
///
/// From each topic the article has, the `count` articles nearest to it in date on either side
/// (a topic's list is newest first, so these are its neighbours in that list), less its 上一篇 and
/// 下一篇, which the page links already; of those, the `count` sharing more of its topics first,
/// then the nearest in date, then the newer; shown newest first, as every list of the site is.
/// Each article looks at a few dozen others at most, so the choice costs no more on 10,000
/// articles than on ten.
enum RelatedItems {
    /// Item index → the indexes of its related items, newest first; empty for an item without
    /// topics and for single pages (they are in no topic's list). `adjacent` gives an item's
    /// 上一篇 and 下一篇.
    static func choose(items: [Item], byTopic: [String: [Int]], count: Int, adjacent: @Sendable (Int) -> [Int]) -> [[Int]] {
        guard count > 0 else { return [[Int]](repeating: [], count: items.count) }
        // Topics as numbers, and each item's place in each of its topics' lists, in one pass.
        let lists = byTopic.keys.sorted().map { byTopic[$0]! }
        // Item i's places are `places[first[i]..<first[i + 1]]`: one array, not one per item.
        var first = [Int](repeating: 0, count: items.count + 1)
        for list in lists { for index in list { first[index + 1] += 1 } }
        for index in items.indices { first[index + 1] += first[index] }
        var places = [(topic: Int, position: Int)](repeating: (0, 0), count: first[items.count])
        var filled = first
        for (topic, list) in lists.enumerated() {
            for (position, index) in list.enumerated() {
                places[filled[index]] = (topic, position)
                filled[index] += 1
            }
        }
        let dates = items.map { $0.date?.epochSeconds ?? 0 }
        // On all cores, a block of items at a time (a block shares one buffer of candidates).
        let blocks = Array(stride(from: 0, to: items.count, by: 512))
        return blocks.parallelMap { start -> [[Int]] in
            var candidates: [(index: Int, shared: Int, distance: Int64)] = []
            return (start..<min(start + 512, items.count)).map { index -> [Int] in
                let own = places[first[index]..<first[index + 1]]
                guard !own.isEmpty else { return [] }
                candidates.removeAll(keepingCapacity: true)
                let linked = adjacent(index)
                for (topic, position) in own {
                    let list = lists[topic]
                    for other in list[max(0, position - count)..<min(list.count, position + count + 1)]
                    where other != index && !linked.contains(other) && !candidates.contains(where: { $0.index == other }) {
                        let shared = places[first[other]..<first[other + 1]].reduce(0) { sum, place in
                            sum + (own.contains { $0.topic == place.topic } ? 1 : 0)
                        }
                        candidates.append((other, shared, abs(dates[other] - dates[index])))
                    }
                }
                // Model order (newest first, then title, then file) breaks the last ties.
                candidates.sort { a, b in
                    if a.shared != b.shared { return a.shared > b.shared }
                    if a.distance != b.distance { return a.distance < b.distance }
                    return a.index < b.index
                }
                return candidates.prefix(count).map(\.index).sorted()
            }
        }.flatMap { $0 }
    }
}
