import RendaContent
import RendaCore

/// Two published items of one section with the same title and the same date are one article
/// published twice: a copied file renamed, or the same news entered by two people. Readers see it
/// twice in every list. Deputy profiles are left to the profile check (one per deputy a year).
enum DuplicateItems {
    static func check(_ model: SiteModel) -> [Diagnostic] {
        // The model is ordered by date, then title: one article published twice sits in one run
        // of equal dates and titles, found by comparing neighbours (a dictionary of every title,
        // hashed for each item, cost a build of 10,000 pages 13 ms).
        var problems: [Diagnostic] = []
        let items = model.items
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count, items[end].date?.epochSeconds == items[start].date?.epochSeconds,
                  items[end].title == items[start].title {
                end += 1
            }
            if end - start > 1 {
                for kind in SectionKind.allCases where kind != .deputies {
                    let same = (start..<end).filter { items[$0].kind == kind }
                    if same.count > 1 { problems += warnings(for: same, in: model) }
                }
            }
            start = end
        }
        return problems
    }

    /// A warning on each item's title line, naming the others.
    private static func warnings(for indexes: [Int], in model: SiteModel) -> [Diagnostic] {
        let files = indexes.map { model.items[$0].sourcePath }
        return indexes.map { index in
            let item = model.items[index]
            let others = files.filter { $0 != item.sourcePath }.joined(separator: "、")
            let same = item.date == nil ? "标题相同" : "标题和日期都相同"
            return .warning(item.location(of: .title), "与 \(others) 的\(same)，同一篇文章会发布两次",
                            hint: "如是重复的文件（例如复制出来的副本），请删去其中一个；如确是两篇文章，请修改标题加以区分。")
        }
    }
}
