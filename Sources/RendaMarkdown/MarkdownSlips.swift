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

    /// An HTML comment, meant to be hidden from readers: not a slip.
    static func isComment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return bytes.count - start >= 4 && bytes[start] == 0x3C && bytes[start + 1] == 0x21
            && bytes[start + 2] == 0x2D && bytes[start + 3] == 0x2D
    }
}
