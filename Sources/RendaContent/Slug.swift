import Crypto
import Foundation
import RendaCore

/// URL slugs: ASCII, lower case, words joined by hyphens.
public enum Slug {
    /// `[a-z0-9]` words joined by single hyphens.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The slug for a file or bundle name: the extension and a leading `YYYY-MM-DD-` date are
    /// dropped; Chinese becomes pinyin where the platform can transliterate it, and anything
    /// that still is not ASCII becomes a stable short hash of the name.
    public static func fromFileName(_ fileName: String) -> String {
        let name = stripDatePrefix(String(MarkdownFileName.stem(fileName)))
        let slug = slugify(name)
        if !slug.isEmpty, name.unicodeScalars.allSatisfy({ !CJK.isHan($0) }) { return slug }
        if let pinyin = transliterated(name), !pinyin.isEmpty { return pinyin }
        return slug.isEmpty || name.unicodeScalars.contains(where: CJK.isHan) ? shortHash(name) : slug
    }

    /// Lower-cases ASCII letters and digits, turns everything else into single hyphens.
    public static func slugify(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let lower: Unicode.Scalar? = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) : scalar
            if let c = lower, ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(c)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The date a file or folder name starts with (`2023-06-30-meeting.md`), when it is a real one.
    static func datePrefix(of name: String) -> SiteDate? {
        guard let prefix = DatePrefix(name) else { return nil }
        return SiteDate(year: prefix.year, month: prefix.month, day: prefix.day)
    }

    /// `2023-06-30-meeting` → `meeting`; a name that is only a date stays as it is. A space or
    /// an underscore after the date does as well as a hyphen (`2023-06-30 会议通知.md`, as a file
    /// renamed by hand often is).
    static func stripDatePrefix(_ name: String) -> String {
        guard let prefix = DatePrefix(name) else { return name }
        return String(Substring(name.utf8.dropFirst(prefix.length)))
    }

    /// `YYYY-MM-DD` and a `-`, `_`, space or ideographic space at the start of a name, with
    /// something after it, read from the name's bytes: every item's name is asked, twice.
    private struct DatePrefix {
        let year: Int, month: Int, day: Int
        /// Bytes up to and with the separator.
        let length: Int

        init?(_ name: String) {
            let bytes = Array(name.utf8.prefix(14))
            guard bytes.count >= 12, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            if [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " ")].contains(bytes[10]) {
                length = 11
            } else if bytes.count >= 14, bytes[10...12].elementsEqual([0xE3, 0x80, 0x80]) {
                length = 13
            } else {
                return nil
            }
            func number(_ range: Range<Int>) -> Int? {
                bytes[range].reduce(0 as Int?) { total, byte in
                    guard let total, (0x30...0x39).contains(byte) else { return nil }
                    return total * 10 + Int(byte - 0x30)
                }
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            (self.year, self.month, self.day) = (year, month, day)
        }
    }

    /// Toneless pinyin through ICU's Han-Latin transform (Foundation), or nil where the platform
    /// cannot transliterate. Also the sort key for Chinese names.
    public static func pinyin(_ text: String) -> String? {
        text.applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)
    }

    /// A pinyin slug, or nil when the platform cannot transliterate the text.
    package static func transliterated(_ text: String) -> String? {
        guard let latin = pinyin(text) else { return nil }
        let slug = slugify(latin)
        guard latin.unicodeScalars.allSatisfy({ !CJK.isHan($0) }), isValid(slug) else { return nil }
        return slug
    }

    /// Eight hex digits of SHA-256: stable across runs and machines.
    public static func shortHash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
