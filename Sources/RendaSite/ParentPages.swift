import RendaContent
import RendaCore

/// 上级页面: a single page that belongs under another (常委会组成人员 under 机构设置) names it in its
/// front matter, and shows it in its breadcrumbs with the parent's menu entry marked. A page's
/// address has no folder of its parent (`/zucheng/`, not `/jigou/zucheng/`), so only the page can
/// say where it belongs; a chain of parents gives a longer trail.
struct ParentPages {
    /// Each page's parents, the farthest first, as item indices (pages without one are absent).
    let ancestors: [Int: [Int]]
    /// A parent that is no published page, the page itself, or a chain that comes round again.
    let problems: [Diagnostic]

    /// Made once per build with the model (`SiteModel.parentPages`), from its published `items`
    /// and the indices of its single `pages`. `waiting`: the site paths of the single pages not
    /// published yet (drafts, dated later), which a parent may be meant to be.
    init(items: [Item], pages: [Int], baseURL: String, waiting: Set<String>) {
        let pageByPath = Dictionary(pages.map { (items[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        let pageByTitle = Dictionary(pages.map { (items[$0].title, $0) }, uniquingKeysWith: { first, _ in first })
        // The parent as a page: by its address as staff write it, or by its title (上级页面: 机构设置).
        func page(_ written: String) -> Int? {
            pageByPath[ParentPages.sitePath(written, baseURL: baseURL)] ?? pageByTitle[written.trimmingSpaces()]
        }
        var ancestors: [Int: [Int]] = [:]
        var problems: [Diagnostic] = []
        for index in pages {
            let item = items[index]
            guard let written = item.parent else { continue }
            let location = item.location(of: .parent)
            let path = page(written).map { items[$0].path } ?? ParentPages.sitePath(written, baseURL: baseURL)
            guard path != item.path else {
                problems.append(.error(location, "上级页面不能是这个页面自己（\(written)）", hint: "写它所属的单页面的网址，或删去这一行。"))
                continue
            }
            guard pageByPath[path] != nil else {
                if waiting.contains(path) {
                    problems.append(.error(location, "上级页面 \(written) 还没有发布（草稿或未到发布日期）",
                                           hint: "先发布那个页面，或暂时删去这一行。"))
                    continue
                }
                let others = pageByPath.keys.filter { $0 != item.path }
                let guess = Suggestion.closest(to: path, in: others).map { "是否想写 \($0)？" } ?? ""
                problems.append(.error(location, "上级页面 \(written) 不是本站已发布的单页面",
                                       hint: "\(guess)写单页面的网址：/ 加它的文件名（如 content/pages/jigou.md → /jigou/），或写它的标题。"))
                continue
            }
            // Up the chain, nearest first.
            var up: [Int] = []
            var next = pageByPath[path]
            while let parent = next {
                guard parent != index, !up.contains(parent) else {
                    let trail = ([index] + up + [parent]).map { items[$0].path }
                    problems.append(.error(location, "上级页面绕成了一圈：\(trail.joined(separator: " → "))",
                                           hint: "删去其中一个页面的上级页面。"))
                    up = []
                    break
                }
                up.append(parent)
                next = items[parent].parent.flatMap(page)
            }
            if !up.isEmpty { ancestors[index] = up.reversed() }
        }
        self.ancestors = ancestors
        self.problems = problems
    }

    /// `/jigou/` as staff may write it: `/jigou`, `jigou`, its file (`jigou.md`, `../pages/jigou.md`)
    /// or its whole address (`https://rd.example.gov.cn/jigou/`, copied from the browser).
    static func sitePath(_ written: String, baseURL: String) -> String {
        var name = written.trimmingSpaces()[...]
        if name.hasPrefix(baseURL) { name = name.dropFirst(baseURL.count) }
        if MarkdownFileName.matches(name) { name = MarkdownFileName.stem(name.split(separator: "/").last ?? name) }
        name = name.drop(while: { $0 == "/" })
        while name.hasSuffix("/") { name = name.dropLast() }
        return "/" + name + "/"
    }
}
