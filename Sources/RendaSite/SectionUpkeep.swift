import RendaContent
import RendaCore

/// Reminders for the site as a whole, from the checks the State Council's inspections of
/// government sites apply (政府网站与政务新媒体检查指标): a news column with nothing new for
/// two weeks counts as 栏目不更新, and a column readers can open with nothing in it as 空白栏目.
/// They depend on the day the check runs, not on the content alone, so only `renda check`
/// gives them: a build's warnings stay the same from one day to the next.
struct SectionUpkeep {
    let model: SiteModel
    let now: SiteDate

    func reminders() -> [Diagnostic] {
        staleNews() + emptySections()
    }

    /// 工作动态 whose newest published item is older than `news_update_days`.
    private func staleNews() -> [Diagnostic] {
        let limit = model.config.newsUpdateDays
        guard limit > 0, let newest = model.sections[.news]?.first.map({ model.items[$0] }),
              let date = newest.date else { return [] }
        let days = now.days(since: date)
        guard days > limit else { return [] }
        let folder = SourceLocation(file: "content/news")
        return [.warning(folder, "工作动态已经 \(days) 天没有发布新文章（最近一篇是\(date.chinese)的《\(newest.title)》）",
                         hint: "政府网站检查把动态类栏目超过两周不更新算作“栏目不更新”，请及时发布工作动态。"
                             + "提醒的天数可在 site.yml 的 news_update_days 中调整（现为 \(limit) 天，写 0 不再提醒）。")]
    }

    /// A dated section the menu links to, with no published item: readers open an empty list.
    private func emptySections() -> [Diagnostic] {
        SectionKind.allCases.filter(\.isDated).flatMap { kind -> [Diagnostic] in
            guard model.sections[kind]?.isEmpty ?? true else { return [] }
            // The list however the menu writes its address (`/news`, `/news/index.html`).
            var list = SiteInventory()
            list.add(URLScheme.section(kind))
            return model.config.menu.filter { list.contains($0.url) }.map { link in
                .warning(SourceLocation(file: "content/site.yml", line: link.line),
                         "菜单“\(link.name)”打开的\(kind.title)栏目还没有已发布的文章，读者看到的是空白栏目",
                         hint: "政府网站检查把空白栏目计为问题：请先发布文章（草稿和日期未到的不算），"
                             + "或暂时从 site.yml 的菜单中删去这一项。")
            }
        }
    }
}
