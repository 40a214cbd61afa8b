import RendaCore

/// Automatic summaries, cut the way Chinese editors cut them.
public enum Summary {
    /// At most `limit` characters of `text`, ending at the last sentence end (。！？) inside the
    /// limit. With no sentence end in reach, the text is cut at the last clause mark (，；：、) in
    /// the second half of the limit, or else at the limit, and `……` added.
    public static func cut(_ text: String, limit: Int) -> String {
        // Only the first `limit` characters and a closing mark or two are ever looked at.
        let trimmed = text.trimmingSpaces()
        // Nearly every summary is Chinese, ASCII and common punctuation, where each scalar is a
        // whole character: cut by scalars there, the same cut without breaking text into
        // grapheme clusters (which was most of the time summaries took).
        if let scalars = standaloneScalars(of: trimmed, count: limit + 2) {
            // The text of a run of scalars from the start is a prefix of `trimmed`.
            return cut(scalars, limit: limit, whole: trimmed, scalar: { $0 }) { run in
                let end = run.reduce(0) { $0 + UTF8.width($1) }
                return String(Substring(trimmed.utf8.prefix(end)))
            }
        }
        return cut(Array(trimmed.prefix(limit + 2)), limit: limit, whole: trimmed,
                   scalar: { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }) { String($0) }
    }

    /// Whether `text` ends a sentence, a closing quote or bracket after it allowed: the same marks
    /// the cut ends at. Asked at every heading of every page: no sets made.
    static func endsWithSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() where scalar != " " && !isClosingMark(scalar) {
            return isSentenceEnd(scalar)
        }
        return false
    }

    /// Sentence ends in Chinese, and in Latin text for mixed summaries.
    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?", "…": true
        default: false
        }
    }

    /// A closing quote or bracket that belongs to the sentence before it: 。” 。）
    private static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "）", "】", "」", "』", "\"": true
        default: false
        }
    }

    private static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "；", "：", "、", ",", ";", ":": true
        default: false
        }
    }

    /// The first `count` scalars of `text`, if each of them, and the one after them, is a
    /// character on its own (no combining marks, joiners, variation selectors or CR LF).
    private static func standaloneScalars(of text: String, count: Int) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(count)
        for scalar in text.unicodeScalars {
            guard isStandalone(scalar) else { return nil }
            // The scalar after the window decides whether the window's last one stands alone.
            if scalars.count == count { break }
            scalars.append(scalar)
        }
        return scalars
    }

    /// Scalars that never join the scalar before or after them into one character.
    @inline(__always)
    private static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0x300: true                    // ASCII and Latin-1 letters, no controls
        case 0x2010...0x2027, 0x2030...0x205E: true             // dashes, quotes, …, ‰
        case 0x3000...0x3029, 0x3030...0x303F: true             // CJK punctuation (not the tone marks)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true             // ideographs
        case 0xFF01...0xFF60: true                              // fullwidth forms: ，（）！？：；
        default: false
        }
    }

    /// The cut itself, over characters or over standalone scalars; `scalar` reads a unit as the
    /// one scalar it is, if it is one.
    private static func cut<Unit>(
        _ units: [Unit], limit: Int, whole: String, scalar: (Unit) -> Unicode.Scalar?, text: (ArraySlice<Unit>) -> String
    ) -> String {
        guard units.count > limit else { return whole }
        let window = units[..<limit]
        func matches(_ unit: Unit, _ test: (Unicode.Scalar) -> Bool) -> Bool { scalar(unit).map(test) ?? false }
        if let end = window.lastIndex(where: { matches($0, isSentenceEnd) }), end >= limit / 3 {
            var stop = end + 1
            while stop < units.count, stop < limit + 2, matches(units[stop], isClosingMark) { stop += 1 }
            return text(units[..<stop])
        }
        // A clause mark keeps a whole phrase: 审议了预算执行情况…… rather than 审议了预算执……
        if let clause = window.lastIndex(where: { matches($0, isClauseEnd) }), clause >= limit / 2 {
            return text(units[..<clause]).trimmingSpaces() + "……"
        }
        var cut = text(window).trimmingSpaces()
        while let last = cut.last, "，、；：,;:（(“‘".contains(last) { cut.removeLast() }
        return cut + "……"
    }
}
