/// "Did you mean" for names staff mistype: topics, field names, templates.
public enum Suggestion {
    /// The candidate closest to `text` by edit distance over characters, when close enough to be
    /// a plausible typo (at most half the length of the longer string, and never the whole word).
    public static func closest(to text: String, in candidates: [String]) -> String? {
        let source = Array(text)
        var best: (distance: Int, candidate: String)? = nil
        for candidate in candidates {
            let target = Array(candidate)
            let distance = editDistance(source, target)
            let limit = max(1, max(source.count, target.count) / 2)
            guard distance <= limit, distance < max(source.count, target.count) else { continue }
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        return best?.candidate
    }

    /// Edits between two words, two neighbours swapped counting as one (`--prot` is one slip
    /// from `--port`, two from `--root`): the optimal string alignment distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
