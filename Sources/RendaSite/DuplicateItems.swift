import RendaContent
import RendaCore

/// Two published items of one section with the same title and the same date are one article
/// published twice: a copied file renamed, or the same news entered by two people. Readers see it
/// twice in every list. Deputy profiles are left to the profile check (one per deputy a year).
enum DuplicateItems {
    static func check(_ model: SiteModel) -> [Diagnostic] {
        // The exact date, not the day: items are ordered by date, then title, so equal ones sit
        // side by side, and `renda serve`'s quick rebuild already falls back to the full prepare
        // (which runs this) when a title changes next to an item with the same date.
        struct Key: Hashable { let kind: SectionKind, title: String, date: Int64? }
        var first: [Key: Int] = [:]
        var repeated: [Key: [Int]] = [:]
        for index in model.items.indices where model.items[index].kind != .deputies {
            let item = model.items[index]
            let key = Key(kind: item.kind, title: item.title, date: item.date?.epochSeconds)
            if let earlier = first[key] {
                repeated[key, default: [earlier]].append(index)
            } else {
                first[key] = index
            }
        }
        var problems: [Diagnostic] = []
        for indexes in repeated.values {
            let files = indexes.map { model.items[$0].sourcePath }
            for index in indexes {
                let item = model.items[index]
                let others = files.filter { $0 != item.sourcePath }.joined(separator: "、")
                let same = item.date == nil ? "标题相同" : "标题和日期都相同"
                problems.append(.warning(item.location(of: .title), "与 \(others) 的\(same)，同一篇文章会发布两次",
                                         hint: "如是重复的文件（例如复制出来的副本），请删去其中一个；如确是两篇文章，请修改标题加以区分。"))
            }
        }
        return problems
    }
}
