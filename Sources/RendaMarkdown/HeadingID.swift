/// Stable `id`s for headings, Chinese included: `一、基本情况` → `一基本情况`,
/// `Section 2: Budget` → `section-2-budget`. Repeats get `-1`, `-2`… in document order.
struct HeadingIDs {
    /// Ids the page template itself uses; a heading never takes them.
    private var used: Set<String> = ["main", "top", "toc", "content", "header", "footer", "nav", "search"]

    mutating func id(for title: String) -> String {
        let base = HeadingIDs.slug(title)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    static func slug(_ title: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in title {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(contentsOf: character.lowercased())
            } else if character == " " || character == "-" || character == "_" || character == "\u{3000}" {
                pendingHyphen = true
            } else if character.isASCII {
                // Latin punctuation separates words: "Section 2: Budget" → section-2-budget.
                pendingHyphen = true
            }
            // CJK punctuation (、。：“”) is dropped without a separator.
        }
        return out.isEmpty ? "section" : out
    }
}
