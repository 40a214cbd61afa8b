/// A title with a byline after a dash, as features on a deputy are titled
/// (扎根田间的“土专家”——记县人大代表王秀兰). The theme keeps each part whole, the byline beside
/// the title when both fit a line and on a line of its own when not, instead of a line break
/// inside the deputy's name. Split by the build, so the page needs no script for it and does not
/// move as one runs.
enum TitleByline {
    /// The title before the dash and the byline from the dash on; nil without a dash, or with one
    /// that leaves less than two characters before it or two after it (a dash in a phrase).
    static func split(_ title: String) -> (main: String, byline: String)? {
        guard let dash = title.range(of: "——") else { return nil }
        let main = title[..<dash.lowerBound], byline = title[dash.lowerBound...]
        guard main.count >= 2, byline.count >= 4 else { return nil }
        return (String(main), String(byline))
    }
}
