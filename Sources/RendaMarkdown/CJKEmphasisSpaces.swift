import CCmark
import RendaCore

/// CommonMark closes bold text after punctuation only when a space or punctuation follows, so
/// `**宪法进校园。**县人大…` stays literal asterisks and staff must write `**宪法进校园。** 县人大…`,
/// the lead-in style of Chinese government news; opening bold text before punctuation
/// (`开展 **“宪法宣传周”**`) needs a space in front the same way. Such a space, between a full-width
/// punctuation mark and a Chinese character, is CommonMark's, not the writer's: it is removed from
/// the page (and the summary and search text). A space the syntax does not need (`中文 *强调*
/// 中文`) is the writer's choice and stays, as does one next to Latin text or a number.
enum CJKEmphasisSpaces {
    static func trim(around emphasis: OpaquePointer) {
        if let next = cmark_node_next(emphasis), CMarkDocument.type(next) == CMARK_NODE_TEXT,
           let inside = CJKLineBreaks.edgeScalar(of: emphasis, last: true), CJK.isPunctuation(inside) {
            trimSpaces(of: next, leading: true)
        }
        if let previous = cmark_node_previous(emphasis), CMarkDocument.type(previous) == CMARK_NODE_TEXT,
           let inside = CJKLineBreaks.edgeScalar(of: emphasis, last: false), CJK.isPunctuation(inside) {
            trimSpaces(of: previous, leading: false)
        }
    }

    /// Drops the spaces at one end of a text node when a wide character stands behind them.
    private static func trimSpaces(of node: OpaquePointer, leading: Bool) {
        let text = CMarkDocument.literal(node) ?? ""
        let scalars = text.unicodeScalars
        let spaces = leading ? scalars.prefix(while: { $0 == " " }).count : scalars.reversed().prefix(while: { $0 == " " }).count
        guard spaces > 0, spaces < scalars.count else { return }
        let rest = leading ? Substring(text).unicodeScalars.dropFirst(spaces) : Substring(text).unicodeScalars.dropLast(spaces)
        guard let beyond = leading ? rest.first : rest.last, CJK.isWide(beyond) else { return }
        cmark_node_set_literal(node, String(rest))
    }
}
