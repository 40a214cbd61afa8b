import Foundation
import RendaCore

/// What staff read about an off-site link that did not open: one line at each place it is
/// written, saying what happened in words and what to do.
public enum LinkDiagnostics {
    /// With `shortened`, an address written in more than `listedInFull` places gets only its
    /// first `listedWhenShortened`, each saying how many there are and where to see them all: one
    /// dead portal address pasted into every article would otherwise bury the rest under
    /// thousands of lines. `--format json` lists every place.
    public static func diagnostics(_ results: [(ExternalLink, LinkStatus)], shortened: Bool = false) -> [Diagnostic] {
        if let offline = offline(results) { return [offline] }
        return results.flatMap { link, status -> [Diagnostic] in
            guard let (severity, what, hint) = explain(status) else { return [] }
            let message = "外部链接\(what)：\(link.url)"
            guard shortened, link.uses.count > listedInFull else {
                return link.uses.map { Diagnostic(severity, at: $0, message, hint: hint) }
            }
            let note = "（全站 \(link.uses.count) 处，这里列出前 \(listedWhenShortened) 处）"
            let allPlaces = "全部位置可用 renda check --external --format json 查看，或在 content 文件夹中搜索这个地址一并改正。"
            return link.uses.prefix(listedWhenShortened).map { Diagnostic(severity, at: $0, message + note, hint: hint + allPlaces) }
        }
    }

    static let listedInFull = 5
    static let listedWhenShortened = 3

    /// When no site of several answered at all, the computer is most likely offline: one line
    /// saying so, not every link of the site reported as gone.
    static func offline(_ results: [(ExternalLink, LinkStatus)]) -> Diagnostic? {
        let answered = results.contains { _, status in
            switch status {
            case .ok, .broken, .refused: true
            case .unreachable, .invalid: false
            }
        }
        let hosts = Set(results.compactMap { link, _ in URL(string: link.url).flatMap(ExternalLinkChecker.server) })
        guard !answered, hosts.count >= 3 else { return nil }
        return .warning(SourceLocation(file: "content"), "外部链接没有检查：链接到的 \(hosts.count) 个网站一个也连不上，这台电脑可能不能上网",
                        hint: "请确认这台电脑能打开外面的网站后，再运行 renda check --external。")
    }

    static let reminder = "政府网站检查把打不开的链接计为“不可用链接”。"

    static func explain(_ status: LinkStatus) -> (Severity, String, String)? {
        switch status {
        case .ok:
            return nil
        case .broken(let code) where code == 404 || code == 410:
            return (.warning, "打不开（HTTP \(code)，页面不存在）",
                    "对方的网页可能已删除或改了地址：请在浏览器中打开核对，找到新地址后改正，找不到就删去这个链接。" + reminder)
        case .broken(let code):
            return (.warning, "打不开（HTTP \(code)，对方网站出错）",
                    "可能是对方网站暂时出了故障：请过一段时间再检查；一直打不开就删去这个链接。" + reminder)
        case .refused(let code):
            return (.info, "拒绝了程序检查（HTTP \(code)）",
                    "不少政府网站只接受浏览器访问，这个页面很可能是好的：请在浏览器中打开，确认能看到内容。")
        case .unreachable(let reason):
            let what: String
            switch reason {
            case .noSuchHost: what = "打不开（找不到这个网站的域名）"
            case .refused: what = "打不开（对方网站拒绝连接）"
            case .timedOut: what = "打不开（连接超时）"
            case .certificate: what = "打不开（网站的安全证书有问题）"
            case .other: what = "打不开（网络出错）"
            }
            var hint = reason == .noSuchHost
                ? "请核对网址有没有写错；网站可能已关闭或换了域名。" + reminder
                : "可能是对方网站暂时无法访问，也可能是这台电脑不能上网：请在浏览器中打开核对，过一段时间再检查。" + reminder
            // The network library's own words, for whoever looks after the computer.
            if case .other(let detail) = reason { hint += "出错信息：\(detail)" }
            return (.warning, what, hint)
        case .invalid:
            return (.warning, "的网址写法不对", "网址应以 http:// 或 https:// 开头，后面是网站的域名，中间不能有空格。")
        }
    }
}
