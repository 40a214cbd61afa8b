import Foundation
import RendaContent
import RendaCore
import RendaMarkdown

/// Decides, for one item, where each Markdown link and image points in the output, and reports
/// the ones that point nowhere. Relative paths are read as files next to the Markdown file
/// (what an editor previewing the file also sees); `/…` paths are site paths.
struct LinkResolver {
    struct Context: Sendable {
        let urls: URLScheme
        let inventory: SiteInventory
        let baseURL: String
        /// The site root and a slash: the source paths below are relative to it, as items keep
        /// them, so that making these tables builds no strings.
        let rootPrefix: String
        /// Source file path (`content/news/a.md`) → site path, for published items.
        let publishedSources: [String: String]
        /// Source file paths of items left out of this build (drafts, future).
        let unpublishedSources: Set<String>
        /// Source file paths of items that could not be read; their own error is reported already.
        let brokenSources: Set<String>
        /// Absolute path of `content/static`.
        let contentStatic: String
        /// Sizes of the images read so far in this build.
        let imageSizes = ImageSizes()
        /// The tables the hints of broken links look in, made at the first.
        let hints = LinkHints()
    }

    let item: Item
    let context: Context
    private(set) var problems: [Diagnostic] = []
    /// Files outside a bundle that the item uses: (absolute source, output path relative to the site).
    private(set) var copies: [(String, String)] = []
    /// Off-site links and where they are written, for `renda check --external`.
    private(set) var externalLinks: [(url: String, at: SourceLocation)] = []

    init(item: Item, context: Context) {
        self.item = item
        self.context = context
    }

    private func location(_ reference: LinkReference) -> SourceLocation {
        SourceLocation(file: item.sourcePath, line: item.bodyLine + reference.line - 1, column: reference.column)
    }

    mutating func resolve(_ reference: LinkReference) -> LinkResolution {
        let destination = reference.destination
        if reference.kind == .image, reference.altText.allSatisfy(\.isWhitespace) {
            problems.append(.warning(location(reference), "图片缺少替代文字：\(destination)",
                                     hint: "在方括号里写上图片内容的简短说明，例如 ![常委会会议现场](photo1.png)。"
                                         + "视障读者的读屏软件会读出这段文字，图片无法显示时也会显示它。"))
        }
        if destination.isEmpty || destination.hasPrefix("#") { return .keep }
        if LinkResolver.isLocalComputerPath(destination) {
            problems.append(localComputerPath(destination, kind: reference.kind, at: location(reference)))
            return .keep
        }
        if destination.hasPrefix(context.baseURL) {
            return resolveSitePath("/" + destination.dropFirst(context.baseURL.count), reference)
        }
        if destination.hasPrefix("//") { return external(reference) }
        if let scheme = LinkResolver.scheme(of: destination) {
            return scheme == "http" || scheme == "https" ? external(reference) : .keep
        }
        if destination.hasPrefix("/") { return resolveSitePath(destination, reference) }
        if let (message, hint) = LinkResolver.mistypedAddress(destination) {
            problems.append(.error(location(reference), message, hint: hint))
            return .keep
        }
        let what = reference.kind == .image ? "图片" : "文件"
        return resolveRelative(destination, kind: reference.kind, at: location(reference),
                               missing: "\(what)不存在：\(destination)")
    }

    private mutating func external(_ reference: LinkReference) -> LinkResolution {
        // `https://www.gov.cn/zhengce/，`: the sentence's comma copied with the address.
        if let mark = reference.destination.unicodeScalars.first(where: { CJK.isPunctuation($0) }) {
            let cut = reference.destination.unicodeScalars.prefix { $0 != mark }
            problems.append(.warning(location(reference), "链接地址里有中文标点“\(mark)”：\(reference.destination)",
                                     hint: "多半是复制网址时带上了句子里的标点。删去标点及后面多出的文字，写成 \(String(String.UnicodeScalarView(cut)))"))
        }
        externalLinks.append((reference.destination, location(reference)))
        return .external(reference.destination)
    }

    /// A front-matter path (cover, photo): relative to the item, or a site path.
    mutating func resolveAsset(_ path: String, field: Field) -> String? {
        let location = item.location(of: field)
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        if LinkResolver.isLocalComputerPath(path) {
            problems.append(localComputerPath(path, kind: .image, at: location, naming: field))
            return nil
        }
        if path.hasPrefix("/") {
            guard context.inventory.contains(path) else {
                problems.append(.error(location, "\(field.displayName)指向的图片不存在：\(path)", hint: staticImageHint(path)))
                return nil
            }
            return context.urls.href(path)
        }
        switch resolveRelative(path, kind: .image, at: location, missing: "\(field.displayName)指向的图片不存在：\(path)", field: field) {
        case .rewrite(let href), .image(let href, _): return href
        case .keep, .external: return nil
        }
    }

    // MARK: -

    private mutating func resolveSitePath(_ path: String, _ reference: LinkReference) -> LinkResolution {
        if !context.inventory.contains(path) {
            let what = reference.kind == .image ? "图片" : "页面"
            problems.append(.error(location(reference), "站内链接指向不存在的\(what)：\(path)",
                                   hint: reference.kind == .image ? staticImageHint(path)
                                       : MarkdownFileName.matches(path) ? articleHint(for: path) ?? pageHint(path) : pageHint(path)))
        }
        let href = context.urls.href(path)
        guard reference.kind == .image, context.inventory.contains(path) else { return .rewrite(href) }
        return sized(href, kind: .image, file: context.contentStatic + (path.contains("%") ? path.removingPercentEncoding ?? path : path),
                     at: location(reference))
    }

    /// A path relative to the item's folder: another item's Markdown file, a file beside the item,
    /// or a file under content/static. `missing` is the message when no file is there; `field`
    /// the front-matter picture the path is written in, if it is.
    private mutating func resolveRelative(_ destination: String, kind: LinkReference.Kind, at location: SourceLocation,
                                          missing: String, field: Field? = nil) -> LinkResolution {
        var pathPart = destination
        var suffix = ""
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            pathPart = String(destination[..<cut])
            suffix = String(destination[cut...])
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let folder = URL(fileURLWithPath: item.sourceFolder, isDirectory: true)
        let target = folder.appendingPathComponent(decoded).standardizedFileURL.path
        let isMarkdown = MarkdownFileName.matches(decoded)
        let asIndex = target + "/index.md"

        if isMarkdown || FileManager.default.fileExists(atPath: asIndex) {
            let absolute = isMarkdown ? target : asIndex
            let source = absolute.hasPrefix(context.rootPrefix) ? String(absolute.dropFirst(context.rootPrefix.count)) : absolute
            if let sitePath = context.publishedSources[source] {
                return .rewrite(context.urls.href(sitePath) + suffix)
            }
            if context.brokenSources.contains(source) {
                return .keep
            } else if context.unpublishedSources.contains(source) {
                problems.append(.error(location, "链接指向的文章尚未发布（草稿或未到发布日期）：\(destination)",
                                       hint: "等该文章发布后再加链接，或先删去这个链接。"))
            } else {
                problems.append(.error(location, "链接指向的文章不存在：\(destination)",
                                       hint: articleHint(for: pathPart)
                                           ?? "检查文件名和路径；相对路径从本文件所在的文件夹算起，例如 ../reports/2023-07-15-bao-gao.md。"))
            }
            return .keep
        }

        guard FileManager.default.fileExists(atPath: target) else {
            // `照片#1.jpg`: in an address `#` starts a place in the page, `?` a query, so no
            // reader's browser asks for the file of that name.
            if !suffix.isEmpty, FileManager.default.fileExists(atPath: folder.appendingPathComponent(decoded + suffix).path) {
                let mark = suffix.first == "#" ? "#" : "?"
                let renamed = (decoded + suffix).replacingOccurrences(of: "#", with: "").replacingOccurrences(of: "?", with: "")
                problems.append(.error(location, "文件名里有 \(mark)，网址里 \(mark) 后面的部分不算文件名，读者打不开：\(destination)",
                                       hint: "把文件改名，去掉 \(mark)（如 \(renamed)），这里也照改。"))
                return .keep
            }
            // `../reports/2023-07-26-report` without `.md`: an article, not a file.
            let article = kind == .link ? articleHint(for: pathPart) : nil
            problems.append(.error(location, missing,
                                   hint: article ?? MissingFileHint.hint(for: decoded, from: item.sourceFolder,
                                                                         general: whereFilesGo(kind, field: field))))
            return .keep
        }
        let staticPrefix = context.contentStatic + "/"
        if target.hasPrefix(staticPrefix) {
            return sized(context.urls.href("/" + target.dropFirst(staticPrefix.count)) + suffix, kind: kind, file: target, at: location)
        }
        let folderPrefix = folder.standardizedFileURL.path + "/"
        guard target.hasPrefix(folderPrefix) else {
            problems.append(.error(location, "不能引用文章文件夹以外的文件：\(destination)",
                                   hint: "把文件放进文章的文件夹，或放进 content/static/ 后用 /… 的站内路径。"))
            return .keep
        }
        let relative = String(target.dropFirst(folderPrefix.count))
        if !item.isBundle {
            copies.append((target, URLScheme.outputFile(for: item.path).dropLast("index.html".count) + relative))
        }
        return sized(context.urls.href(item.path + LinkResolver.percentEncodePath(relative)) + suffix, kind: kind, file: target,
                     at: location)
    }

    /// An image's URL with its size when its header can be read (PNG, GIF, WebP, JPEG), so the
    /// page can hold its space while it loads; any other file's URL as it is. An image browsers
    /// cannot show (a phone's HEIC, a scanner's TIFF, a document) is an error; one named as a
    /// format whose header does not read as that format, a warning.
    private mutating func sized(_ href: String, kind: LinkReference.Kind, file: String, at location: SourceLocation) -> LinkResolution {
        guard kind == .image else { return .rewrite(href) }
        if let size = context.imageSizes.size(ofFileAt: file) { return .image(href, size) }
        let name = (file as NSString).lastPathComponent
        let format = (name as NSString).pathExtension.lowercased()
        let saveAs = "网页图片请用 JPG 或 PNG：用看图软件或画图打开这个文件，“另存为”JPG 格式，再改这里的文件名"
            + "（手机拍的 HEIC 照片可在手机设置里改为“兼容性最佳”后重新导出）。"
        if !PictureFormats.shownByBrowsers.contains(format) {
            problems.append(.error(location, "浏览器不能把 \(name) 当作图片显示", hint: saveAs))
        } else if let actual = ImageHeader.unshownFormat(ofFileAt: file) {
            // A HEIC photo renamed to `.jpg`: only the name changed, and browsers still show nothing.
            problems.append(.error(location, "\(name) 其实是 \(actual) 文件，只是改了扩展名，浏览器不能把它当作图片显示",
                                   hint: "只改扩展名不会改变格式。" + saveAs))
        } else if PictureFormats.sizeRead.contains(format) {
            problems.append(.warning(location, "\(name) 不是有效的 \(format.uppercased()) 图片，读者可能看不到",
                                     hint: "文件可能已损坏，或是别的格式只改了扩展名：请用看图软件打开它，另存为 JPG 或 PNG 后再用。"))
        }
        return .rewrite(href)
    }

    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter, first.isASCII,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    static func percentEncodePath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
