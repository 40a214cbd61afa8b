import RendaCore
import Yams

/// `content/site.yml`: the site's identity, layout settings, menu and footer.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Always ends with `/`: `https://www.example.gov.cn/rd/`.
    public var baseURL: String
    public var language: String
    public var theme: String
    public var perPage: Int
    /// Characters in an automatic summary.
    public var summaryLength: Int
    public var menu: [MenuLink]
    /// Links in the footer of every page (网站声明, 网站地图, 联系我们…), as the menu's.
    public var footerLinks: [MenuLink] = []
    /// Footer fields in the order written (主办单位, 地址, 电话, ICP备案号, 公安机关备案号, 网站标识码).
    public var footer: [FooterField]
    /// Titles longer than this many characters get a warning (they wrap badly in lists).
    public var maxTitleLength: Int = 40
    /// Images larger than this many KiB get a warning (slow on phones).
    public var maxImageKB: Int = 500
    /// `renda check` reminds staff when 工作动态 has had nothing new for more days than this;
    /// 0 never reminds.
    public var newsUpdateDays: Int = 14
    /// 站内搜索: the /search/ page, the box in the header and the index. Off for a site whose
    /// portal already searches it.
    public var search = true
    /// 相关阅读: how many articles sharing a topic each article links to at its end; 0 none.
    public var related = 5
    /// The order the annual collection lists 选区 in (the county's own: 城关镇 before 河口镇,
    /// 镇 before 乡); empty lists them by pinyin.
    public var delegations: [String] = []
    /// The /subscribe/ page and the links to it. Not a setting of site.yml: off when the theme
    /// has no subscribe template (`ThemePages`).
    public var subscribePage = true

    public init(title: String, description: String = "", baseURL: String, language: String = "zh-CN",
                theme: String = "default", perPage: Int = 10, summaryLength: Int = 120,
                menu: [MenuLink] = [], footer: [FooterField] = []) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL) ?? baseURL
        self.language = language
        self.theme = theme
        self.perPage = perPage
        self.summaryLength = summaryLength
        self.menu = menu
        self.footer = footer
    }

    /// `https://www.example.gov.cn/rd/` → `/rd/`: every site path is written under it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// `https://www.example.gov.cn`: joined with site paths for canonical and feed URLs.
    public var origin: String {
        String(baseURL.dropLast(basePath.count))
    }

    /// Adds the trailing slash and checks the scheme; nil when it is not an http(s) URL.
    public static func normalizedBaseURL(_ text: String) -> String? {
        let trimmed = schemeLowercased(text.trimmingSpaces())
        guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://"),
              let schemeEnd = trimmed.range(of: "://"), trimmed[schemeEnd.upperBound...].first.map({ $0 != "/" }) ?? false,
              !trimmed.contains(" "), !trimmed.contains("?"), !trimmed.contains("#"), fileName(in: trimmed) == nil,
              !hasCredentials(trimmed)
        else { return nil }
        // `https://www.example.gov.cn//rd/` would write every link as `//rd/…`, an address on a
        // host called rd: repeated slashes are one, `.` and `..` are resolved.
        let rest = trimmed[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" }
        var segments: [Substring] = []
        for segment in rest.dropFirst(host.count).split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let path = segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
        return trimmed[..<schemeEnd.upperBound] + host.lowercased() + path
    }

    /// `HTTPS://…` as `https://…`: a scheme has no case.
    private static func schemeLowercased(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        return text[..<schemeEnd.lowerBound].lowercased() + text[schemeEnd.lowerBound...]
    }

    /// `https://user:password@host/`: written into every canonical address and robots.txt.
    private static func hasCredentials(_ text: String) -> Bool {
        guard let schemeEnd = text.range(of: "://") else { return false }
        return text[schemeEnd.upperBound...].prefix { $0 != "/" }.contains("@")
    }

    /// Why `normalizedBaseURL` refuses an address given on the command line: its scheme, a
    /// missing host (`http://`), a page's file name, or a space, `?` or `#`.
    public static func baseURLMistake(_ text: String) -> String {
        let trimmed = schemeLowercased(text.trimmingSpaces())
        guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://"), let schemeEnd = trimmed.range(of: "://") else {
            return "应以 http:// 或 https:// 开头"
        }
        if hasCredentials(trimmed) { return "网址里不能带用户名和密码（@ 和它前面的部分），它们会写进每个页面" }
        if trimmed[schemeEnd.upperBound...].first.map({ $0 == "/" }) ?? true {
            return "网址缺少域名，例如 https://rd.example.gov.cn/"
        }
        if let file = fileName(in: trimmed) { return "以文件名“\(file)”结尾，请去掉它：\(trimmed.dropLast(file.count))" }
        return "网址里不能有空格、? 或 #"
    }

    /// `index.html` in `https://rd.example.gov.cn/index.html`: an address copied from the browser
    /// names a page, and every link under it would point inside that page.
    public static func fileName(in baseURL: String) -> String? {
        guard let schemeEnd = baseURL.range(of: "://"), !baseURL.hasSuffix("/") else { return nil }
        let afterHost = baseURL[schemeEnd.upperBound...].drop(while: { $0 != "/" })
        guard let last = afterHost.split(separator: "/").last, last.contains(".") else { return nil }
        return String(last)
    }
}

public struct MenuLink: Sendable, Hashable {
    public var name: String
    /// Site-relative (`/news/`) or absolute (`https://…`).
    public var url: String
    /// Its line in `site.yml`, for messages.
    public var line: Int?
}

public struct FooterField: Sendable, Hashable {
    public var label: String
    public var value: String
}

extension SiteConfig {
    static let knownKeys = ["title", "description", "base_url", "language", "theme", "per_page",
                            "summary_length", "menu", "footer", "footer_links", "max_title_length", "max_image_kb", "news_update_days", "search",
                            "delegations", "related"]

    /// Reads `site.yml`, reporting every problem with its line.
    static func parse(_ text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let node: Node?
        switch YAMLSupport.compose(text, file: file) {
        case .success(let n): node = n
        case .failure(let refusal): return (nil, refusal.diagnostics)
        }
        guard let mapping = node?.mapping else {
            return (nil, [.error(SourceLocation(file: file, line: 1), "site.yml 应为“字段: 值”的列表",
                                 hint: "参照示例站点的 content/site.yml 填写 title、base_url 等字段。")])
        }
        var values: [String: Node] = [:]
        var keyLines: [String: Int] = [:]
        for (key, value) in mapping {
            let name = key.text ?? ""
            if !knownKeys.contains(name) {
                let guess = Suggestion.closest(to: name, in: knownKeys).map { "是否想写 \($0)？" } ?? ""
                problems.append(.warning(SourceLocation(file: file, line: key.line), "未知的设置项“\(name)”，已忽略",
                                         hint: "\(guess)可用的设置项：\(knownKeys.joined(separator: "、"))。"))
            }
            values[name] = value
            keyLines[name] = key.line
        }
        func at(_ key: String) -> SourceLocation {
            SourceLocation(file: file, line: values[key]?.line ?? 1)
        }
        func string(_ key: String, required: Bool) -> String? {
            let value = values[key]?.text
            if required, value?.isEmpty ?? true {
                let comment = keyLines[key].flatMap { YAMLCommentValue.hint(key: key, line: $0, in: text) }
                problems.append(.error(at(key), "缺少必填设置项 \(key)", hint: comment ?? "在 site.yml 中加一行 \(key): …"))
            }
            return value
        }
        func number(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let node = values[key] else { return fallback }
            guard let value = node.integer, range.contains(value) else {
                problems.append(.error(at(key), "\(key) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                                       hint: "例如 \(key): \(fallback)"))
                return fallback
            }
            return value
        }

        let title = string("title", required: true) ?? ""
        let rawBase = string("base_url", required: true) ?? ""
        var baseURL = "https://example.invalid/"
        if !rawBase.isEmpty {
            if let normalized = normalizedBaseURL(rawBase) {
                baseURL = normalized
            } else {
                if let file = SiteConfig.fileName(in: rawBase.trimmingSpaces()) {
                    problems.append(.error(at("base_url"), "base_url 以文件名“\(file)”结尾：“\(rawBase)”",
                                           hint: "base_url 写网站所在的文件夹，去掉“\(file)”：\(rawBase.trimmingSpaces().dropLast(file.count))"))
                } else {
                    problems.append(.error(at("base_url"), "base_url 不是有效的网址：“\(rawBase)”",
                                           hint: "写完整网址，例如 https://www.example.gov.cn/rd/"))
                }
            }
        }
        /// `menu` and `footer_links`: lists of `{ name, url }`.
        func links(_ key: String, what: String) -> [MenuLink] {
            guard let node = values[key] else { return [] }
            guard let list = node.sequence else {
                problems.append(.error(at(key), "\(key) 应为列表", hint: "每项一行：- { name: \"首页\", url: \"/\" }"))
                return []
            }
            var links: [MenuLink] = []
            for entry in list {
                // Chinese keys as in the articles' fields.
                let name = (entry.mapping?["name"] ?? entry.mapping?["名称"])?.text ?? ""
                let url = (entry.mapping?["url"] ?? entry.mapping?["网址"] ?? entry.mapping?["链接"])?.text ?? ""
                let location = SourceLocation(file: file, line: entry.line)
                if name.isEmpty || url.isEmpty {
                    // `{ name："隐私政策", … }`: the Chinese colon makes the key and value one text.
                    let wideColon = entry.mapping?.keys.contains { $0.text?.contains("：") == true } == true
                        || entry.text?.contains("：") == true
                    problems.append(.error(location, "\(what)需要 name 和 url",
                                           hint: (wideColon ? "name 和 url 后面要用英文冒号，不能用中文冒号“：”。" : "")
                                               + "写成 - { name: \"工作动态\", url: \"/news/\" }"))
                } else if !(url.hasPrefix("/") || url.hasPrefix("http://") || url.hasPrefix("https://")) {
                    problems.append(.error(location, "\(what)的链接“\(url)”应以 / 开头（站内）或为完整网址",
                                           hint: url.lowercased().hasPrefix("www.") ? "其他网站写完整网址：https://\(url)"
                                               : MistypedAddressStart.atStart(of: url).map { "\($0.start.mistake)改为：\($0.mended)" }
                                               ?? "站内页面写成 /news/ 这样的形式（网站在子目录时，程序会自动加上那个目录）。"))
                } else {
                    links.append(MenuLink(name: name, url: url, line: entry.line))
                }
            }
            return links
        }
        let menu = links("menu", what: "菜单项")
        var footer: [FooterField] = []
        if let node = values["footer"] {
            if let map = node.mapping {
                for (key, value) in map {
                    guard let label = key.text, let text = value.text else { continue }
                    footer.append(FooterField(label: label, value: text))
                }
            } else {
                problems.append(.error(at("footer"), "footer 应为“名称: 内容”的映射", hint: "例如 主办单位: \"XX县人大常委会办公室\""))
            }
        }
        var config = SiteConfig(
            title: title,
            description: string("description", required: false) ?? "",
            baseURL: baseURL,
            language: string("language", required: false) ?? "zh-CN",
            theme: string("theme", required: false) ?? "default",
            perPage: number("per_page", default: 10, range: 1...500),
            summaryLength: number("summary_length", default: 120, range: 20...2000),
            menu: menu,
            footer: footer
        )
        config.footerLinks = links("footer_links", what: "页脚链接")
        config.maxTitleLength = number("max_title_length", default: 40, range: 8...200)
        config.maxImageKB = number("max_image_kb", default: 500, range: 10...100_000)
        config.newsUpdateDays = number("news_update_days", default: 14, range: 0...3650)
        config.related = number("related", default: 5, range: 0...20)
        if let node = values["delegations"] {
            if let list = node.sequence {
                config.delegations = list.compactMap { $0.text?.trimmingSpaces() }.filter { !$0.isEmpty }
            } else {
                problems.append(.error(at("delegations"), "delegations 应为选区名称的列表",
                                       hint: "按汇编中的顺序每行写一个：delegations: [城关镇, 河口镇, 青石镇]"))
            }
        }
        if let node = values["search"] {
            if let flag = node.bool {
                config.search = flag
            } else {
                problems.append(.error(at("search"), "search 应为 true 或 false", hint: "不需要站内搜索时写 search: false"))
            }
        }
        return (config, problems)
    }
}
