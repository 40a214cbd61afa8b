import RendaCore

/// Explorer names a copied file `x - 副本.md` or `x (2).md`, Finder `x copy.md`, Nautilus
/// `x (copy).md`. The copy gets its own address (its name differs), so the same article is
/// published twice without a word, the copy often with the text from before an edit. Its name is
/// the tell; drafts publish nothing and are left alone. A copy whose original is there is withheld
/// (published nowhere); one whose original is not may be the only version left, and is published.
enum CopiedFiles {
    static func check(_ items: inout [Item]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Each item's source path by its folder and name without `.md`, `.markdown` or `/index.md`.
        var sources: [String: String]? = nil
        for index in items.indices where !items[index].draft && mayBeACopy(items[index].sourcePath) {
            let item = items[index]
            let (folder, name) = location(of: item)
            guard let original = originalName(of: name) else { continue }
            // Built only when some name looks like a copy, which is almost never.
            if sources == nil {
                sources = Dictionary(items.map { item in
                    let (folder, name) = location(of: item)
                    return (folder + name, item.sourcePath)
                }, uniquingKeysWith: { first, _ in first })
            }
            let found = sources![folder + original]
            let shown = item.isBundle ? folder + name : item.sourcePath
            let what = item.isBundle ? "文件夹名" : "文件名"
            if let found { items[index].withheld = .copy(of: found) }
            let message = found.map { "\(what)像是 \($0) 的副本，没有发布" }
                ?? "\(what)像是复制出来的副本，同一篇文章可能发布了两次"
            problems.append(.warning(SourceLocation(file: shown), message,
                                     hint: "多余的副本请删除；如果确是另一篇文章，请给它改一个自己的名字，不要带“副本”“(2)”“copy”等字样\(found == nil ? "" : "，它才会发布")。"))
        }
        return problems
    }

    /// Every copy mark but 副本 follows a space (`x (2)`, `x copy`, `x - 副本`), and names made by
    /// `renda new` have none: a byte test passes over them without a string made.
    private static func mayBeACopy(_ sourcePath: String) -> Bool {
        var sourcePath = sourcePath
        return sourcePath.withUTF8 { bytes in
            if bytes.firstIndex(of: 0x20, from: 0) != nil { return true }
            // 副 is E5 89 AF in UTF-8.
            var offset = 0
            while let lead = bytes.firstIndex(of: 0xE5, from: offset) {
                if lead + 2 < bytes.count, bytes[lead + 1] == 0x89, bytes[lead + 2] == 0xAF { return true }
                offset = lead + 1
            }
            return false
        }
    }

    /// The folder the item's file or bundle is in (with its slash), and that file's name without
    /// `.md` or `.markdown`, or the bundle folder's name.
    private static func location(of item: Item) -> (folder: String, name: String) {
        var path = Substring(item.sourcePath)
        path = item.isBundle ? path.dropLast("/index.md".count) : MarkdownFileName.stem(path)
        let slash = path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
        return (String(path[..<slash]), String(path[slash...]))
    }

    /// `x` for `x - 副本`, `x (2)`, `x copy`, `x copy 2`, `x - Copy (3)`, `x (copy)`; nil for a
    /// name that does not look like a copy.
    static func originalName(of name: String) -> String? {
        var stem = Substring(name)
        while let shorter = droppingCopyMark(stem) { stem = shorter }
        return stem.count < name.count && !stem.isEmpty ? String(stem) : nil
    }

    /// The name without its last copy mark and the spaces and dash before it.
    private static func droppingCopyMark(_ stem: Substring) -> Substring? {
        let lower = stem.lowercased()
        var rest: Substring? = nil
        if let open = stem.lastIndex(where: { $0 == "(" || $0 == "（" }), stem.last == ")" || stem.last == "）" {
            // ` (2)`, ` (copy)`, ` (another copy)`, always after a space; not `(2023)`, a year.
            let inside = stem[stem.index(after: open)..<stem.index(before: stem.endIndex)].lowercased()
            let number = (1...3).contains(inside.count) && inside.allSatisfy(\.isASCIIDigit)
            if stem[..<open].hasSuffix(" "), number || inside == "copy" || inside == "another copy" {
                rest = stem[..<open]
            }
        } else if lower.hasSuffix("副本") {
            rest = stem.dropLast(2)
        } else if lower.hasSuffix(" copy") {
            rest = stem.dropLast(5)
        } else if let space = stem.lastIndex(of: " "), stem[stem.index(after: space)...].allSatisfy(\.isASCIIDigit),
                  stem[..<space].lowercased().hasSuffix(" copy") {
            // Finder's `x copy 2`
            rest = stem[..<space].dropLast(5)
        }
        guard let rest else { return nil }
        // Explorer's ` - 副本`: the dash goes with the mark.
        var trimmed = rest.trimmingSpaces()
        if trimmed.hasSuffix("-") || trimmed.hasSuffix("_") { trimmed = String(trimmed.dropLast()).trimmingSpaces() }
        return trimmed.isEmpty ? nil : Substring(trimmed)
    }
}
