import RendaCore

/// The byte tests behind `MarkdownSlip`: each looks at one cmark text or HTML literal. Every text
/// node of every page goes through them, so they scan bytes and build no strings.
enum MarkdownSlips {
    /// Whether `**` stands in a text node (cmark splits `*` runs into their own text nodes, so
    /// the pair may be the whole node).
    static func hasDoubleAsterisk(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while let star = bytes.firstIndex(of: 0x2A, from: offset), star + 1 < bytes.count {
            if bytes[star + 1] == 0x2A { return true }
            offset = star + 1
        }
        return false
    }

    /// `#标题` at the start of a line: one to six `#` and then text, not a space or a digit
    /// (`#1号会议室`). A second `#` later (`#宪法宣传周#`) is a topic tag as social media write
    /// them, not a heading.
    static func isHeadingWithoutSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var marks = 0
        while marks < bytes.count, bytes[marks] == 0x23 { marks += 1 }
        guard (1...6).contains(marks), marks < bytes.count else { return false }
        let next = bytes[marks]
        // `#1号会议室`, `#2`: a number, as it is written in text, not a heading.
        guard next != 0x20, next != 0x09, !(0x30...0x39).contains(next) else { return false }
        return bytes.firstIndex(of: 0x23, from: marks) == nil
    }

    /// `＃ 标题` at the start of a line: the input method's full-width `＃` (U+FF03), which
    /// Markdown does not read as a heading.
    static func startsWithFullWidthHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBC && bytes[2] == 0x83
    }

    /// `［通知］（…）`, `！［会场］（photo1.png）`: a link or picture typed with the input method's
    /// full-width brackets, which stays text. `］` is EF BC BD: its last byte is found with
    /// `memchr` (every text node is asked) and the two before it checked.
    static func hasFullWidthLink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 2
        while let last = bytes.firstIndex(of: 0xBD, from: offset) {
            if bytes[last - 1] == 0xBC, bytes[last - 2] == 0xEF, opensParenthesis(bytes, at: last + 1) { return true }
            offset = last + 1
        }
        return false
    }

    /// A table's delimiter line, `| --- | :---: |` or `--- | ---`: pipes, dashes, colons and
    /// spaces only, with at least a pipe and a dash. No sentence looks like that.
    static func isTableDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var pipe = false
        var dash = false
        for byte in bytes {
            switch byte {
            case 0x7C: pipe = true
            case 0x2D: dash = true
            case 0x3A, 0x20, 0x09: break
            default: return false
            }
        }
        return pipe && dash
    }

    /// `](` or `]（` left in text: cmark turns every well-formed `[…](…)` into a link, so one that
    /// stays text has a space in its address or full-width brackets. `afterBracket` says the
    /// text before this one ended in `]`.
    static func hasUnformedLink(_ bytes: UnsafeBufferPointer<UInt8>, afterBracket: Bool) -> Bool {
        if afterBracket, opensParenthesis(bytes, at: 0) { return true }
        var offset = 0
        while let bracket = bytes.firstIndex(of: 0x5D, from: offset) {
            if opensParenthesis(bytes, at: bracket + 1) { return true }
            offset = bracket + 1
        }
        return false
    }

    /// `(`, or `（` (U+FF08, EF BC 88 in UTF-8), at `index`.
    private static func opensParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == 0x28 { return true }
        return index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x88
    }

    /// Whether a line opens as an item of a numbered or bulleted list written by hand, as Word
    /// and WPS documents number them: （一） （1） (1) ① 一、 1、 1． 1） `2. ` ● ■ ★. Under another line it
    /// runs on in that line's paragraph. (`1. ` and `- ` are Markdown's own lists.)
    static func startsListItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Scalars decoded one at a time from the bytes: asked at every line a paragraph goes on
        // to, where nearly every line opens with a character that is none of these.
        var iterator = bytes.prefix(24).makeIterator()
        var decoder = UTF8()
        func next() -> Unicode.Scalar? {
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }
        guard let first = next() else { return false }
        // ① to ⑳, and bullets.
        if bullets.contains(first) || ("\u{2460}"..."\u{2473}").contains(first) { return true }
        let opens = first == "（" || first == "("
        guard opens || isNumeral(first) else { return false }
        var digits = opens ? 0 : 1
        while let scalar = next() {
            if isNumeral(scalar), digits < 3 {
                digits += 1
                continue
            }
            guard digits > 0 else { return false }
            if opens { return scalar == "）" || scalar == ")" }
            // `2. ` (CommonMark lets only a list starting at 1 interrupt a paragraph); not `1.5亿`.
            if scalar == ".", ("0"..."9").contains(first) { return next() == " " }
            return scalar == "、" || scalar == "．" || scalar == "）" || scalar == ")"
        }
        return false
    }

    private static let bullets: Set<Unicode.Scalar> = ["●", "■", "◆", "•", "▪", "◎", "★", "☆", "◇", "□", "▲", "△", "○"]
    private static let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) || chineseNumerals.contains(scalar)
    }

    /// A tab between two pieces of text: cells of a table, or a Word tab stop, pasted as text.
    /// The page shows a single space, so the columns run together.
    static func hasInnerTab(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let tab = bytes.firstIndex(of: 0x09, from: 0) else { return false }
        let isText = { (byte: UInt8) in byte != 0x09 && byte != 0x20 }
        return bytes[..<tab].contains(where: isText) && bytes[(tab + 1)...].contains(where: isText)
    }

    /// `！` (U+FF01, EF BC 81) ending the text right before a link: `！[说明](图片.jpg)` typed
    /// with the Chinese input method, which makes a link to the picture instead of showing it.
    static func endsWithFullWidthExclamation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC && bytes[bytes.count - 1] == 0x81
    }

    /// Whether a link's address names a picture file (`photo1.png`, `现场.JPG?x=1`).
    static func namesPicture(_ url: String) -> Bool {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return PictureFormats.all.contains(path[path.index(after: dot)...].lowercased())
    }

    /// An HTML comment, meant to be hidden from readers: not a slip.
    static func isComment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return bytes.count - start >= 4 && bytes[start] == 0x3C && bytes[start + 1] == 0x21
            && bytes[start + 2] == 0x2D && bytes[start + 3] == 0x2D
    }
}
