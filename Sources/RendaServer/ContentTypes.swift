/// `Content-Type` by file extension. Text types name UTF-8 explicitly: without it a browser may
/// guess GBK for a Chinese page saved without a BOM, and show it garbled.
enum ContentTypes {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    static let javascript = "text/javascript; charset=utf-8"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html, "shtml": html,
        "css": "text/css; charset=utf-8",
        "js": javascript, "mjs": javascript,
        "json": json,
        "xml": "application/xml; charset=utf-8",
        "txt": plainText, "md": plainText,
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp",
        "pdf": "application/pdf", "zip": "application/zip",
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf",
        "mp4": "video/mp4", "mp3": "audio/mpeg",
    ]

    static func forFile(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else {
            return "application/octet-stream"
        }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
