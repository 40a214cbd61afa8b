import RendaContent
import RendaCore
import RendaTemplates

/// The pages a theme may leave out (`TemplateSet.optionalTemplates`): a theme that does not
/// extend `default` and has no search or subscribe template gets a site without that page, and
/// without the links to it, rather than a refusal.
enum ThemePages {
    /// Turns off in `config` what the theme cannot show. Staff would miss a search box they had,
    /// so that is a warning, until site.yml says `search: false`; a missing subscribe page is
    /// the theme's choice, and the feeds are still written.
    static func adapt(_ config: inout SiteConfig, to theme: Theme) -> [Diagnostic] {
        config.subscribePage = theme.templates.lookup(["subscribe"]) != nil
        guard config.search, theme.templates.lookup(["search"]) == nil else { return [] }
        config.search = false
        let name = config.theme
        return [.warning(SourceLocation(file: "themes/\(name)/templates/search.mustache"),
                         "主题“\(name)”没有站内搜索页的模板 search.mustache，这次生成的网站没有站内搜索",
                         hint: "要站内搜索，请在主题的 templates/ 中添加 search.mustache，或在 theme.yml 中写 extends: default 继承默认主题；不需要站内搜索时，在 content/site.yml 中写 search: false，这条提示就不再出现。")]
    }
}
