/// Character classes for Chinese text layout.
public enum CJK {
    /// True for characters set in full width in Chinese text: Han ideographs, kana, Hangul,
    /// CJK and full-width punctuation, and the curly quotes, dashes and ellipsis Chinese text uses.
    /// A line break between two such characters is not a word space and must be removed.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, // radicals
             0x3000...0x303F, // CJK symbols and punctuation
             0x3040...0x30FF, // kana
             0x3100...0x312F, 0x31A0...0x31BF, // bopomofo
             0x3400...0x4DBF, // extension A
             0x4E00...0x9FFF, // unified ideographs
             0xAC00...0xD7AF, // Hangul syllables
             0xF900...0xFAFF, // compatibility ideographs
             0xFE30...0xFE4F, // compatibility forms
             0xFF00...0xFF60, 0xFFE0...0xFFE6, // full-width forms
             0x20000...0x3FFFF, // supplementary ideographs
             0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7:
            return true
        default:
            return false
        }
    }

    /// True for the wide characters that are punctuation (。，、；：！？“”（）《》…): what ends a clause,
    /// and what CommonMark wants a space beside for bold text to open or close.
    public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        guard isWide(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// True for Han ideographs alone (used to decide whether a name needs transliteration).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar.value)
    }

    /// The same for a scalar value; inlinable because the search tokenizer asks it for every
    /// character of the site.
    @inlinable
    public static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Text typed in the input method's full-width mode read as what it shows: the full-width
    /// forms of ASCII (U+FF01–FF5E: ２０２３－０６, ｗｗｗ．, ：／) as ASCII, the rest as written.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
    }
}
