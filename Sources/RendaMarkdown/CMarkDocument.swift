import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one parsed cmark document and the few AST operations Renda needs.
/// One instance per thread: cmark is safe with one document per thread.
final class CMarkDocument {
    let root: OpaquePointer

    init(_ markdown: String) {
        root = markdown.withCString { pointer in
            cmark_parse_document(pointer, markdown.utf8.count, CMARK_OPT_DEFAULT)
        }
    }

    deinit { cmark_node_free(root) }

    /// Every node in document order with its entering/exiting event. The tree must not be
    /// changed while iterating; callers collect nodes first and edit afterwards.
    func walk(_ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            visit(cmark_iter_get_node(iterator), event == CMARK_EVENT_ENTER)
        }
    }

    /// HTML in cmark's safe mode: raw HTML is replaced by a comment and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` URLs are emptied.
    static func renderHTML(_ node: OpaquePointer) -> String {
        String(decoding: renderHTMLBytes(node), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, copied from cmark's buffer without making a `String`.
    static func renderHTMLBytes(_ node: OpaquePointer) -> [UInt8] {
        guard let pointer = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return [] }
        defer { free(pointer) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(pointer))) }
    }

    /// Replaces `node` with a raw-HTML node of the same kind (block or inline) that prints `open`,
    /// then the node's children, then `close`. Used where cmark's renderer cannot add attributes.
    static func wrapInline(_ node: OpaquePointer, open: String, close: String) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(custom, open)
        cmark_node_set_on_exit(custom, close)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(custom, child)
        }
        cmark_node_insert_before(node, custom)
        cmark_node_free(node)
    }

    /// Replaces an inline node, children and all, with literal HTML.
    static func replaceInline(_ node: OpaquePointer, html: String) {
        replace(node, html: html, with: CMARK_NODE_CUSTOM_INLINE)
    }

    /// Replaces a block node with literal HTML.
    static func replaceBlock(_ node: OpaquePointer, html: String) {
        replace(node, html: html, with: CMARK_NODE_CUSTOM_BLOCK)
    }

    private static func replace(_ node: OpaquePointer, html: String, with type: cmark_node_type) {
        let custom = cmark_node_new(type)!
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_insert_before(node, custom)
        cmark_node_free(node)
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// The literal's UTF-8 bytes as cmark holds them, valid only until the node changes: for
    /// walks that copy or inspect text without making a `String` of every text node.
    static func literalBytes(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }

    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    static func title(_ node: OpaquePointer) -> String {
        cmark_node_get_title(node).map { String(cString: $0) } ?? ""
    }

    /// Concatenated text of a node's inline descendants (what a heading or link reads as).
    static func text(of node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += literal(current) ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: out += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return out
    }
}
