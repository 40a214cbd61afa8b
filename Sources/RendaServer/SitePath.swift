import Foundation

/// Where a request goes in the preview folder. Decided from the raw request target, before any
/// file is touched: every segment is percent-decoded once and must then be a plain name, so
/// `/../`, `%2e%2e`, an encoded `/` or `\`, and NUL never reach the file system. A name that
/// passes can still be a symbolic link; `SiteFolder` checks where it really leads.
enum SitePath: Equatable {
    /// A file of the site, relative to the folder (`news/x/index.html`).
    case file(String)
    /// A folder asked for without its trailing slash, or the root of a site under a sub-path.
    case redirect(String)
    /// Outside the site's base path, or a hidden file: answered with the site's 404 page.
    case notFound
    /// A path that tries to leave the folder or cannot be decoded.
    case badRequest

    /// `rawPath` is the percent-encoded path of the request target; `basePath` the site's (`/`, `/rd/`).
    static func resolve(_ rawPath: String, basePath: String) -> SitePath {
        guard rawPath.hasPrefix("/") else { return .badRequest }
        var segments: [String] = []
        for raw in rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let name = String(raw).removingPercentEncoding else { return .badRequest }
            if name == "." || name == ".." || name.contains("/") || name.contains("\\") || name.contains("\0") {
                return .badRequest
            }
            segments.append(name)
        }
        let path = "/" + segments.joined(separator: "/")
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        if base != "/", path + "/" == base || path == "/" { return .redirect(base) }
        guard path.hasPrefix(base) else { return .notFound }
        let relative = String(path.dropFirst(base.count))
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return .notFound }
        return .file(relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative)
    }
}
