import RendaCore

/// Automatic summaries, cut the way Chinese editors cut them.
public enum Summary {
    /// At most `limit` characters of `text`, ending at the last sentence end (。！？) inside the
    /// limit. With no sentence end in reach, the text is cut at the limit and `……` added.
    public static func cut(_ text: String, limit: Int) -> String {
        // Only the first `limit` characters and a closing mark or two are ever looked at.
        let trimmed = text.trimmingSpaces()
        let characters = Array(trimmed.prefix(limit + 2))
        guard characters.count > limit else { return trimmed }
        let window = characters[..<limit]
        if let end = window.lastIndex(where: CJK.endsSentence), end >= limit / 3 {
            var stop = end + 1
            // Keep a closing quote or bracket that belongs to the sentence: 。” 。）
            while stop < characters.count, stop < limit + 2, "”’）】」』\"".contains(characters[stop]) { stop += 1 }
            return String(characters[..<stop])
        }
        var cut = String(window).trimmingSpaces()
        while let last = cut.last, "，、；：,;:（(“‘".contains(last) { cut.removeLast() }
        return cut + "……"
    }
}
