/// Characters a page shows as nothing, which text pasted from Word or a web page brings, named
/// for the messages that point at them (`renda check`'s wording, a field libyaml refuses).
public enum InvisibleCharacter {
    /// What the character is, after a comma (`，Word 的手动换行符`), or nil for a visible one:
    /// zero-width spaces and joiners, a byte-order mark inside text, the soft hyphen, Unicode's
    /// line and paragraph separators, and the control characters (Word's manual line break
    /// U+000B, page break U+000C, a table cell's end U+0007).
    public static func name(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x200B: "，零宽空格"
        case 0x200C, 0x200D, 0x2060, 0xFEFF: "，零宽字符"
        case 0x00AD: "，软连字符"
        case 0x2028: "，行分隔符"
        case 0x2029: "，段分隔符"
        case 0x0B: "，Word 的手动换行符"
        case 0x0C: "，Word 的分页符"
        case 0x07: "，Word 表格的单元格结束符"
        case 0x01...0x08, 0x0E...0x1F, 0x7F...0x9F: "，控制字符"
        default: nil
        }
    }

    /// A control character other than tab and line ends: what libyaml refuses in a field.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }
}
