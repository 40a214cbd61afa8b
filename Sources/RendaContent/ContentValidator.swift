import RendaCore

/// Checks that need every item at once: shared URLs, reserved paths, repeated profiles.
enum ContentValidator {
    /// Top-level paths the site itself writes; a page may not take them.
    static let reservedPageSlugs: Set<String> = [
        "news", "reports", "deputies", "topics", "archive", "search", "assets", "page", "pages",
        "static", "images", "feed", "sitemap", "robots", "404", "subscribe",
    ]

    /// The `slug:` line when there is one, else the top of the file (the slug came from the name).
    private static func slugLocation(_ item: Item) -> SourceLocation {
        SourceLocation(file: item.sourcePath, line: item.fieldLines[.slug] ?? 1)
    }

    static func check(_ items: [Item]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Indexes, not items; and a list only for a path that is shared (almost never).
        var firstWithPath: [String: Int] = [:]
        firstWithPath.reserveCapacity(items.count)
        var shared: [String: [Int]] = [:]
        for index in items.indices {
            let path = items[index].path
            if let first = firstWithPath.updateValue(index, forKey: path) {
                firstWithPath[path] = first
                shared[path, default: [first]].append(index)
            }
        }
        for (path, sharing) in shared.sorted(by: { $0.key < $1.key }) {
            for index in sharing {
                let item = items[index]
                let others = sharing.map { items[$0].sourcePath }.filter { $0 != item.sourcePath }
                problems.append(.error(slugLocation(item),
                                       "与 \(others.joined(separator: "、")) 的网址相同：\(path)",
                                       hint: "两篇文章不能共用一个网址。请给其中一篇加上不同的 slug，例如 slug: \(item.slug)-2"))
            }
        }
        // Loops by index, reading fields in place: `for item in items` copies every item.
        for index in items.indices where items[index].kind == .pages && reservedPageSlugs.contains(items[index].slug) {
            let item = items[index]
            problems.append(.error(slugLocation(item),
                                   "页面网址 /\(item.slug)/ 已被站点栏目占用",
                                   hint: "请改用其他 slug，例如 slug: \(item.slug)-info"))
        }
        for index in items.indices where items[index].kind == .deputies
            && (items[index].slug == "page" || items[index].slug.allSatisfy(\.isASCIIDigit)) {
            let item = items[index]
            problems.append(.error(slugLocation(item),
                                   "代表风采的网址 /deputies/\(item.slug)/ 与年度汇编或分页网址冲突",
                                   hint: "请用代表姓名的拼音作 slug，例如 slug: wang-xiulan"))
        }
        // The same deputy twice in a year's collection would be printed twice and counted twice.
        // A warning, not an error: two deputies of one 选区 may share a name (a generated corpus
        // of 10,000 items has several such pairs), and the office decides.
        struct Profile: Hashable { let year: Int, name: String, delegation: String }
        var profiles: [Profile: String] = [:]
        for index in items.indices {
            guard let deputy = items[index].deputy else { continue }
            let key = Profile(year: deputy.year, name: deputy.name, delegation: deputy.delegation)
            if let earlier = profiles[key] {
                problems.append(.warning(items[index].location(of: .name),
                                         "\(deputy.year) 年已有\(deputy.delegation)“\(deputy.name)”的代表风采：\(earlier)",
                                         hint: "同一年度每位代表只收录一篇，汇编会把两篇都印出来：删去多余的一篇，或把它的年度改成别的年份；"
                                             + "如确是同一选区两位同名代表，可不改。"))
            } else {
                profiles[key] = items[index].sourcePath
            }
        }
        return problems
    }
}
