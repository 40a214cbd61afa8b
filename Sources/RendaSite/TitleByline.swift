import RendaCore

/// A title with a byline after a dash, as features on a deputy are titled
/// (扎根田间的“土专家”——记县人大代表王秀兰). The theme keeps each part whole, the byline beside
/// the title when both fit a line and on a line of its own when not, instead of a line break
/// inside the deputy's name. Split by the build, so the page needs no script for it and does not
/// move as one runs.
enum TitleByline {
    /// The title before the dash and the byline from the dash on; nil without a dash, or with one
    /// that leaves less than two characters before it or two after it (a dash in a phrase).
    static func split(_ title: String) -> (main: String, byline: String)? {
        // Asked of every item's title: a byte search (— is E2 80 94 in UTF-8), as Foundation's
        // `range(of:)` showed in profiles of the page stage.
        var text = title
        let offset: Int? = text.withUTF8 { bytes in
            var from = 0
            while let lead = bytes.firstIndex(of: 0xE2, from: from) {
                if lead + 5 < bytes.count, bytes[lead + 1] == 0x80, bytes[lead + 2] == 0x94,
                   bytes[lead + 3] == 0xE2, bytes[lead + 4] == 0x80, bytes[lead + 5] == 0x94 { return lead }
                from = lead + 1
            }
            return nil
        }
        guard let offset else { return nil }
        let dash = title.utf8.index(title.utf8.startIndex, offsetBy: offset)
        let main = title[..<dash], byline = title[dash...]
        guard main.count >= 2, byline.count >= 4 else { return nil }
        return (String(main), String(byline))
    }
}
