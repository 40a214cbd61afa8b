/// Moves the headings of rendered body HTML down a number of levels and prefixes their ids, for
/// pages that show several bodies under their own headings (the annual deputy collection).
///
/// It works on the HTML Renda's Markdown stage writes, where a heading tag can only come from a
/// heading: raw HTML is never passed through and text is escaped, so `<h2` cannot occur in text.
/// UTF-8 in and out, copying the runs between `<` in one go: this runs for every profile of
/// every collection page.
enum HeadingShift {
    static func apply(to html: [UInt8], levels: Int, idPrefix: String) -> [UInt8] {
        let prefix = Array(idPrefix.utf8)
        let idAttribute = Array(" id=\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 64)
        html.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                guard let tag = bytes[i...].firstIndex(of: UInt8(ascii: "<")) else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<tag]))
                i = tag
                // "<hN" or "</hN" with N in 1...6.
                let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
                let h = i + (closing ? 2 : 1)
                if h + 1 < bytes.count, bytes[h] == UInt8(ascii: "h"),
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[h + 1]) {
                    let level = Int(bytes[h + 1] - UInt8(ascii: "0"))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...h]))
                    out.append(UInt8(ascii: "0") + UInt8(min(6, level + levels)))
                    i = h + 2
                    if !closing, bytes[i...].starts(with: idAttribute) {
                        out.append(contentsOf: idAttribute)
                        out.append(contentsOf: prefix)
                        i += idAttribute.count
                    }
                    continue
                }
                out.append(bytes[i])
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
        }
        return out
    }
}
