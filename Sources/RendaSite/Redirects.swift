import Foundation
import RendaContent
import RendaCore

/// Pages at the addresses items had before (`aliases`, 旧网址: Hugo's and Zola's aliases) that
/// send the reader on to where the item is now. A renamed file, a corrected slug or a site moved
/// over from an old CMS (`/art/2023/6/30/art_1234_5678.html`) would otherwise break every link
/// to it from the county portal, other sites and shared messages, which the inspections of
/// government sites count as 不可用链接.
struct Redirects: Sendable {
    struct Redirect: Sendable {
        /// Where the redirect page is: `/news/old/` or `/art/2023/6/30/art_1_2.html`.
        var path: String
        /// The published item it sends the reader to (index into `SiteModel.items`).
        var item: Int
    }

    let redirects: [Redirect]
    let problems: [Diagnostic]

    /// Every published item's aliases, refused where they cannot be served as written or would
    /// take the place of something the site has (`inventory`: pages, copied files, feeds).
    init(model: SiteModel, inventory: SiteInventory) {
        var redirects: [Redirect] = [], problems: [Diagnostic] = []
        var claimed: [String: SourceLocation] = [:]
        for (index, item) in model.items.enumerated() {
            for alias in item.aliases {
                let location = SourceLocation(file: item.sourcePath, line: alias.line)
                switch Self.sitePath(alias.address, config: model.config) {
                case .failure(let problem):
                    problems.append(.error(location, problem.message, hint: problem.hint))
                case .success(let path):
                    if path == item.path {
                        problems.append(.error(location, "旧网址 \(alias.address) 就是这篇文章现在的网址",
                                               hint: "旧网址写文章改名以前的网址；如果没有改过，请删去这一项。"))
                    } else if let first = claimed[path] {
                        problems.append(.error(location, "旧网址 \(path) 已经用在 \(first)",
                                               hint: "一个旧网址只能跳转到一篇文章，请删去其中一处。"))
                    // A folder address may not be a file's name either (`/robots.txt/`).
                    } else if inventory.contains(path) || (path.hasSuffix("/") && inventory.contains(String(path.dropLast()))) {
                        problems.append(.error(location, "旧网址 \(path) 是站点上现有的页面或文件，不能再用来跳转",
                                               hint: "请核对网址；现有的页面不会被跳转页代替。"))
                    } else {
                        claimed[path] = location
                        redirects.append(Redirect(path: path, item: index))
                    }
                }
            }
        }
        self.redirects = redirects.sorted { $0.path < $1.path }
        self.problems = problems
    }

    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// Extensions a static server sends as a web page (nginx's `mime.types`: text/html).
    static let pageExtensions: Set<String> = ["html", "htm", "shtml"]

    /// The site path an alias names: a path from the site's root (`/news/old/`, as in the menu),
    /// the same with the base path in front (`/rd/news/old/`, as the address bar shows it), or
    /// the whole address copied from a browser, on this site's host and under its base path.
    /// A folder (`/news/old`) gets its trailing slash; a file must be a web page.
    static func sitePath(_ address: String, config: SiteConfig) -> Result<String, Problem> {
        var path = address
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if path.contains("?") {
            return .failure(Problem(message: "旧网址 \(address) 带有“?”后面的参数，静态网站不能按参数跳转",
                                    hint: "这类网址请网站服务器的管理员在服务器上设置跳转（如 nginx 的 rewrite）。"))
        }
        if let schemeEnd = path.range(of: "://") {
            let scheme = path[..<schemeEnd.lowerBound].lowercased()
            let rest = path[schemeEnd.upperBound...]
            let host = rest.prefix { $0 != "/" }
            let ownHost = config.origin.range(of: "://").map { config.origin[$0.upperBound...] } ?? ""
            guard scheme == "http" || scheme == "https", host.lowercased() == ownHost.lowercased() else {
                return .failure(Problem(message: "旧网址 \(address) 不在本站的域名 \(ownHost) 上",
                                        hint: "本站只能接管自己域名下的地址。如果旧域名也会指向本站，请只写域名后面的部分，以 / 开头。"))
            }
            path = String(rest.dropFirst(host.count))
            guard path.hasPrefix(config.basePath) || path + "/" == config.basePath else {
                return .failure(Problem(message: "旧网址 \(address) 不在本站的路径 \(config.basePath) 下",
                                        hint: "网站发布在 \(config.basePath) 下，只能接管这个路径里面的地址。"))
            }
            path = "/" + path.dropFirst(min(config.basePath.count, path.count))
        } else if config.basePath != "/", path.hasPrefix(config.basePath) {
            // `/rd/news/x2.html` copied from the address bar of a site under /rd/: the path the
            // reader asks for, base path included, and not /rd/rd/news/x2.html.
            path = "/" + path.dropFirst(config.basePath.count)
        }
        guard path.hasPrefix("/"), !path.hasPrefix("//") else {
            return .failure(Problem(message: "旧网址 \(address) 应以 / 开头",
                                    hint: "写从网站根目录开始的路径，如 /news/old-slug/，或从浏览器复制的完整网址。"))
        }
        path = path.removingPercentEncoding ?? path
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.dropLast().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) || segments.last.map({ $0 == "." || $0 == ".." }) == true {
            return .failure(Problem(message: "旧网址 \(address) 中有空的或 . .. 的部分",
                                    hint: "请写成 /news/old-slug/ 这样的完整路径。"))
        }
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        guard let last = segments.last, !last.isEmpty, !path.hasSuffix("/") else { return .success(path) }
        guard let dot = last.lastIndex(of: ".") else { return .success(path + "/") }
        let ext = last[last.index(after: dot)...].lowercased()
        guard pageExtensions.contains(ext) else {
            return .failure(Problem(message: "以 .\(ext) 结尾的旧网址在静态网站上不能跳转",
                                    hint: "静态网站只能在网页（.html、.htm、.shtml）或文件夹网址上放跳转页；这类网址请网站服务器的管理员在服务器上设置跳转。"))
        }
        return .success(path)
    }

    /// The redirect pages, as (site path, HTML): a refresh to the item's address, a link for
    /// whoever's browser does not follow it, the item's address as canonical for search engines,
    /// and `noindex`, so the old address leaves their results.
    func files(model: SiteModel, urls: URLScheme) -> [(String, String)] {
        redirects.map { redirect in
            let item = model.items[redirect.item]
            let href = HTML.escape(urls.href(item.path)), title = HTML.escape(item.title)
            return (redirect.path, """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>\(title) - \(HTML.escape(model.config.title))</title>
                <meta name="robots" content="noindex">
                <link rel="canonical" href="\(HTML.escape(urls.absolute(item.path)))">
                <meta http-equiv="refresh" content="0; url=\(href)">
                </head>
                <body>
                <p>本页已移至新的网址：<a href="\(href)">\(title)</a></p>
                </body>
                </html>

                """)
        }
    }
}
