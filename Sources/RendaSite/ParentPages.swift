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

    init(model: SiteModel) {
        let pageByPath = Dictionary(model.pages.map { (model.items[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        var ancestors: [Int: [Int]] = [:]
        var problems: [Diagnostic] = []
        for index in model.pages {
            let item = model.items[index]
            guard let written = item.parent else { continue }
            let location = item.location(of: .parent)
            let path = ParentPages.sitePath(written)
            guard path != item.path else {
                problems.append(.error(location, "上级页面不能是这个页面自己（\(written)）", hint: "写它所属的单页面的网址，或删去这一行。"))
                continue
            }
            guard pageByPath[path] != nil else {
                let guess = Suggestion.closest(to: path, in: Array(pageByPath.keys)).map { "是否想写 \($0)？" } ?? ""
                problems.append(.error(location, "上级页面 \(written) 不是本站已发布的单页面",
                                       hint: "\(guess)写单页面的网址：/ 加它的文件名（如 content/pages/jigou.md → /jigou/）。"))
                continue
            }
            // Up the chain, nearest first.
            var up: [Int] = []
            var next = pageByPath[path]
            while let parent = next {
                guard parent != index, !up.contains(parent) else {
                    let trail = ([index] + up + [parent]).map { model.items[$0].path }
                    problems.append(.error(location, "上级页面绕成了一圈：\(trail.joined(separator: " → "))",
                                           hint: "删去其中一个页面的上级页面。"))
                    up = []
                    break
                }
                up.append(parent)
                next = model.items[parent].parent.flatMap { pageByPath[ParentPages.sitePath($0)] }
            }
            if !up.isEmpty { ancestors[index] = up.reversed() }
        }
        self.ancestors = ancestors
        self.problems = problems
    }

    /// `/jigou/` as staff may write it: `/jigou`, `jigou`, or its file, `jigou.md` or `../pages/jigou.md`.
    static func sitePath(_ written: String) -> String {
        var name = written.trimmingSpaces()[...]
        if MarkdownFileName.matches(name) { name = MarkdownFileName.stem(name.split(separator: "/").last ?? name) }
        name = name.drop(while: { $0 == "/" })
        while name.hasSuffix("/") { name = name.dropLast() }
        return "/" + name + "/"
    }
}
