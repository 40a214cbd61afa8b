/// Moves the headings of rendered body HTML down a number of levels and prefixes their ids, for
/// pages that show several bodies under their own headings (the annual deputy collection).
///
/// It works on the HTML Renda's Markdown stage writes, where a heading tag can only come from a
/// heading: raw HTML is never passed through and text is escaped, so `<h2` cannot occur in text.
/// One pass over the UTF-8 bytes: this runs for every profile of every collection page.
enum HeadingShift {
    static func apply(to html: String, levels: Int, idPrefix: String) -> String {
        let bytes = Array(html.utf8)
        let prefix = Array(idPrefix.utf8)
        let idAttribute = Array(" id=\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // "<hN" or "</hN" with N in 1...6.
            if byte == UInt8(ascii: "<") {
                let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
                let h = i + (closing ? 2 : 1)
                if h + 1 < bytes.count, bytes[h] == UInt8(ascii: "h"),
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[h + 1]) {
                    let level = Int(bytes[h + 1] - UInt8(ascii: "0"))
                    out.append(contentsOf: bytes[i...h])
                    out.append(UInt8(ascii: "0") + UInt8(min(6, level + levels)))
                    i = h + 2
                    if !closing, bytes[i...].starts(with: idAttribute) {
                        out.append(contentsOf: idAttribute)
                        out.append(contentsOf: prefix)
                        i += idAttribute.count
                    }
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
