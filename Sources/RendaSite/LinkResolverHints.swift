import Foundation
import RendaContent
import RendaCore
import RendaMarkdown

/// What staff are told when a link or image points nowhere: the name or address that would
/// work, found in the build's tables (`LinkHints`), else where such files go and how to write
/// their paths. Asked only for broken links.
extension LinkResolver {
    /// For a site path (`/images/a.png`) that no file of `content/static/` gives.
    func staticImageHint(_ path: String) -> String {
        let general = "站内图片放在 content/static/ 下，例如 content/static/images/a.png 写作 /images/a.png。"
        let written = String(path.dropFirst())
        return MissingFileHint.hint(for: written.removingPercentEncoding ?? written, from: context.contentStatic,
                                    prefix: "/", general: general)
    }

    /// For a site path no page has: the closest page's address, else how addresses look.
    func pageHint(_ path: String) -> String {
        let guess = context.hints.closestPage(to: path, inventory: context.inventory).map { "是否想写 \($0)？" } ?? "检查网址拼写；"
        return guess + "栏目网址如 /news/、/topics/<专题slug>/、/archive/2023/。"
    }

    /// For a link to an article that is not where it says: the one published article of that
    /// file name (or bundle folder name) and the path that reaches it from this file. It finds
    /// the article behind a Windows path (`..\\reports\\a.md`, whose backslashes Markdown took as
    /// escapes), a wrong folder, a path from the site folder (`/content/reports/a.md`) or a
    /// missing `.md`. Asked only when a link is broken.
    func articleHint(for written: String) -> String? {
        let decoded = written.removingPercentEncoding ?? written
        var parts = decoded.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.last?.lowercased() == "index.md" { parts.removeLast() }
        guard let last = parts.last else { return nil }
        let matches = context.hints.articles(named: String(MarkdownFileName.stem(last)), among: context.publishedSources)
        guard matches.count == 1, let source = matches.first else { return nil }
        let relative = LinkResolver.relativePath(from: item.sourceFolder, to: context.rootPrefix + source)
        return "是否想链接 \(source)？从本文件写作 \(relative)（相对路径从本文件所在的文件夹算起，文件夹用 / 分隔）。"
    }

    /// The path from a folder to a file, both absolute: `../reports/a.md`.
    static func relativePath(from folder: String, to file: String) -> String {
        let from = folder.split(separator: "/"), to = file.split(separator: "/")
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to.dropFirst(common).map(String.init)).joined(separator: "/")
    }

    /// Where a file the article shows or links to belongs, and how to name it.
    /// `field`: the front-matter picture (cover, photo) the path is written in, whose example is
    /// that field's line rather than Markdown.
    func whereFilesGo(_ kind: LinkReference.Kind, field: Field? = nil) -> String {
        let what = kind == .image ? "图片" : "文件"
        let example = field.map { "\($0.chineseKeys[0]): photo1.png" } ?? (kind == .image ? "![说明](photo1.png)" : "[附件](tongzhi.pdf)")
        return item.isBundle
            ? "把\(what)放在本文章的文件夹里，与 index.md 并列，再写文件名，例如 \(example)。"
            : "带图片或附件的文章请用文件夹：新建与文章同名的文件夹，正文改名为 index.md，\(what)放在旁边。"
    }

    /// An address mistyped so that it reads as a file beside the article: typed with the Chinese
    /// input method (`https：//…`, `https//…`, `“/news/”`), or without its `https://` (`www.gov.cn`). Nil
    /// for a path meant as one.
    static func mistypedAddress(_ destination: String) -> (message: String, hint: String)? {
        let lower = destination.lowercased()
        if let (start, mended) = MistypedAddressStart.atStart(of: destination) {
            return ("链接地址的开头“\(start.typed)”写错了：\(destination)",
                    start.mistake + "改为：\(mended)")
        }
        let quotes: Set<Character> = ["“", "”", "‘", "’", "\"", "'", "「", "」"]
        if let first = destination.first, let last = destination.last, quotes.contains(first) || quotes.contains(last) {
            let bare = destination.drop(while: { quotes.contains($0) }).reversed().drop(while: { quotes.contains($0) }).reversed()
            return ("链接地址两边多了引号：\(destination)", "[文字](地址) 里的地址不加引号：(\(String(bare)))")
        }
        if lower.hasPrefix("www.") {
            return ("链接地址缺少开头的 https://：\(destination)", "写成完整网址：https://\(destination)")
        }
        // `ｗｗｗ.gov.cn`, typed in the input method's full-width mode.
        let narrowed = CJK.halfWidth(destination)
        if narrowed != destination, narrowed.lowercased().hasPrefix("www.") || narrowed.lowercased().hasPrefix("http") {
            return ("链接地址里有全角字母或标点（中文输入法的全角模式打出的）：\(destination)",
                    "网址要在英文输入法下输入，改为：\(narrowed.lowercased().hasPrefix("www.") ? "https://" : "")\(narrowed)")
        }
        return nil
    }

    /// A path on the writer's own computer (`C:\Users\…\道路.jpg`, `D:/照片/…`, `file:///…`,
    /// `\\server\share\…`): it works in their editor's preview, and for no reader.
    static func isLocalComputerPath(_ destination: String) -> Bool {
        // Bytes: every link of every page is asked.
        var bytes = destination.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "\\") { return true }
        guard first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z"), let second = bytes.next() else { return false }
        if second == UInt8(ascii: ":") {
            let third = bytes.next()
            return third == UInt8(ascii: "\\") || third == UInt8(ascii: "/")
        }
        // `file:`, in either case.
        return first | 0x20 == UInt8(ascii: "f") && second | 0x20 == UInt8(ascii: "i") && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "l")
            && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "e") && bytes.next() == UInt8(ascii: ":")
    }

    /// `naming`: the front-matter field the path is in, when it is not in the body.
    func localComputerPath(_ destination: String, kind: LinkReference.Kind, at location: SourceLocation,
                                   naming field: Field? = nil) -> Diagnostic {
        let subject = field?.displayName ?? (kind == .image ? "图片地址" : "文件地址")
        return .error(location, "\(subject)是本机电脑上的路径，网站的读者打不开：\(destination)",
                      hint: "网页只能显示随网站发布的文件。" + whereFilesGo(kind, field: field) + "文件名最好用拼音或数字。")
    }
}
