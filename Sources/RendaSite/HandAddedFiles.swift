#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RendaCore

/// Finds files someone put into, or changed in, a built `site/` by hand: a search engine's
/// verification file (`baidu_verify_….html`), a `.well-known/` folder, an edited page. The next
/// build replaces the whole folder, so they would be lost without a word; the build refuses
/// instead and says where such files belong (`content/static/`, copied on every build).
///
/// A build writes its marker last, just before the swap, so every file it wrote is no newer than
/// the marker. Anything newer came later. Only the top of the site and the folders right below it
/// are looked at, where such files go: a handful of `lstat` calls, not one per page. File times
/// come from the kernel's coarse clock, so a file written in the same tick as the marker (a few
/// milliseconds) looks built; and a file copied with its old time kept (`cp -p`) is not seen.
enum HandAddedFiles {
    /// What the marker says in an output that writes it last. An output of an older renda holds
    /// another text, and is not checked: its marker says nothing about its files' times.
    /// (`renda serve` writes the same text into its own folder, which is never checked.)
    static let markerText = "This folder is written by `renda build` and replaced whole on every build.\n"
        + "Its other files are no newer than this one: files added or changed later are not renda's.\n"

    /// Files an operating system leaves in any folder it shows; nobody needs them on a web site.
    static let systemFiles: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini"]

    /// Paths (relative to `output`, a folder with a trailing slash) added or changed after the
    /// build that wrote `output`, sorted.
    static func find(in output: String) -> [String] {
        let marker = output + "/" + OutputWriter.markerName
        guard FileSystem.readBytes(marker) == Array(markerText.utf8), let built = modified(marker) else { return [] }
        var found: [String] = []
        for entry in FileSystem.entries(in: output) ?? [] where !skipped(entry.name) {
            let path = output + "/" + entry.name
            guard let time = modified(path) else { continue }
            if !entry.isDirectory {
                if time > built { found.append(entry.name) }
                continue
            }
            // A folder's time changes when an entry is added to it or removed from it.
            guard time > built else { continue }
            let inside = (FileSystem.entries(in: path) ?? []).filter { !skipped($0.name) }
            let newer = inside.filter { modified(path + "/" + $0.name).map { $0 > built } ?? false }
            // A folder whose entries are all new is named once, not file by file.
            if !newer.isEmpty, newer.count == inside.count {
                found.append(entry.name + "/")
            } else {
                found += newer.map { entry.name + "/" + $0.name + ($0.isDirectory ? "/" : "") }
            }
        }
        return found.sorted()
    }

    /// The message for `renda build`: which files, and where they belong.
    static func message(_ paths: [String], output: String) -> String {
        let shown = paths.prefix(10).map { "  " + output + "/" + $0 }.joined(separator: "\n")
        let more = paths.count > 10 ? "\n  ……另有 \(paths.count - 10) 个" : ""
        return "输出目录 \(output) 里有生成之后手动放入或改动的文件，重新生成会删掉它们，所以这次没有生成：\n"
            + shown + more + "\n"
            + "提示：要一直放在网站上的文件（如搜索引擎的验证文件、.well-known 文件夹）请放到 content/static/ 下，"
            + "每次生成都会原样复制到网站根目录；改动网页请改 content/ 里的文章或模板。不需要的文件从输出目录删掉即可。"
    }

    private static func skipped(_ name: String) -> Bool {
        name == OutputWriter.markerName || systemFiles.contains(name)
    }

    private static func modified(_ path: String) -> timespec? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mtim
    }
}

extension timespec {
    static func > (left: timespec, right: timespec) -> Bool {
        left.tv_sec != right.tv_sec ? left.tv_sec > right.tv_sec : left.tv_nsec > right.tv_nsec
    }
}
