import Foundation
import RendaContent
import RendaCore
import RendaSite

/// The repository checkout the tests run in (for `content/` and `themes/`).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixed "now" after all sample content, so tests do not depend on the calendar.
let testNow = SiteDate(year: 2026, month: 6, day: 1)!

func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("renda-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A small site of its own for each test, built with the default theme.
func makeSite(_ files: [String: String]) throws -> URL {
    let root = temporaryFolder("site")
    var all = [
        "content/site.yml": "title: 测试县人大常委会\nbase_url: https://rd.example.gov.cn/\nper_page: 2\n",
        "content/topics.yml": "- { slug: jiandu, name: 监督工作, description: 监督 }\n",
    ]
    all.merge(files) { _, new in new }
    for (path, text) in all {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("themes"),
                                               withDestinationURL: repositoryRoot.appendingPathComponent("themes"))
    return root
}

/// Builds a site root into a fresh temporary output folder.
func build(root: URL = repositoryRoot, output: URL? = nil, baseURL: String? = nil, drafts: Bool = false)
    -> (URL, Result<BuildReport, BuildFailure>)
{
    let out = output ?? temporaryFolder("out").appendingPathComponent("site")
    let options = BuildOptions(root: root, output: out, baseURL: baseURL, includeDrafts: drafts, now: testNow)
    return (out, SiteBuilder(options: options).build())
}

/// The diagnostics a build refused the content with; nil for a build that did not (a test
/// requires it: `let found = try #require(refusal(build(root: root).1), "…")`).
func refusal(_ result: Result<BuildReport, BuildFailure>) -> Diagnostics? {
    guard case .failure(.content(let diagnostics)) = result else { return nil }
    return diagnostics
}

/// Every file of an output folder, by relative path.
struct OutputTree {
    let root: URL
    let files: [String: Data]

    init(_ root: URL) {
        self.root = root
        var files: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try? Data(contentsOf: url)
            }
        }
        self.files = files
    }

    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML page of a site path: `/news/x/` → `news/x/index.html`.
    func page(_ sitePath: String) -> String? {
        text(URLScheme.outputFile(for: sitePath))
    }

    var htmlFiles: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    /// `href` and `src` values in a page.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    /// The file an internal link points to under `basePath`, or nil for external links.
    func target(of link: String, basePath: String) -> String?? {
        if link.hasPrefix("http:") || link.hasPrefix("https:") || link.hasPrefix("mailto:") || link.hasPrefix("tel:")
            || link.hasPrefix("#") || link.hasPrefix("//") { return .some(nil) }
        guard link.hasPrefix(basePath) else { return nil }
        var path = String(link.dropFirst(basePath.count))
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return .some(path)
    }
}
