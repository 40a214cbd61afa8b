/// Moves the headings of rendered body HTML down a number of levels and prefixes their ids, for
/// pages that show several bodies under their own headings (the annual deputy collection).
///
/// It works on the HTML Renda's Markdown stage writes, where a heading tag can only come from a
/// heading: raw HTML is never passed through, and text is escaped, so `<h2` cannot occur in text.
enum HeadingShift {
    static func apply(to html: String, levels: Int, idPrefix: String) -> String {
        var out = html
        for level in stride(from: 6, through: 1, by: -1) {
            let target = min(6, level + levels)
            out = out.replacingOccurrences(of: "<h\(level) id=\"", with: "<h\(target) id=\"\(idPrefix)")
                .replacingOccurrences(of: "<h\(level)>", with: "<h\(target)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
        }
        return out
    }
}
