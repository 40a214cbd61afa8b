/// Text placed in a stylesheet as a string (`content: "…"` in a page's running head).
public enum CSSString {
    /// A CSS string literal, quotes included, that is safe inside a `<style>` element: quotes and
    /// backslashes are escaped, and `<`, `>`, `&` and control characters are written as hex
    /// escapes, so no text can close the element or be read as HTML.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\":
                out += "\\" + String(scalar)
            case "<", ">", "&", "\u{7F}", _ where scalar.value < 0x20:
                // The space ends the escape, so a hex digit after it is read as text.
                out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
