#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RendaCore

/// Finds files someone put into a built `site/` by hand: a search engine's verification file
/// (`baidu_verify_….html`), a `.well-known/` folder. The next build replaces the whole folder, so
/// they would be lost without a word; the build refuses instead and says where such files belong
/// (`content/static/`, copied on every build).
///
/// It runs when the new build is staged, and compares the two: a file of the old output that the
/// new one does not have, and whose status changed after the old output's marker was written (a
/// build writes it last), came later. A page the new build no longer has (its article deleted)
/// changed before the marker and goes as it should. The time is the inode's change time (ctime),
/// not its modification time: nobody can set it, and moving a file in (`mv` of an old download)
/// or copying it with its times (`cp -p`) sets it to now, where the modification time would stay
/// as old as the download. Only the top of the site and the folders right below it are looked at,
/// where such files go: a few dozen `lstat` calls, not one per page.
///
/// Nothing is reported when nothing is lost: empty folders (what `certbot` leaves in
/// `.well-known/acme-challenge/`), a file that `content/static/` holds with the same bytes, and
/// the files a file browser leaves. A copy of the whole folder (`cp -r`: every file new, in any
/// order) is not checked: two of the build's own top-level pages changed after the marker tell
/// it; so is a folder whose files all changed status at once (`chmod -R`), at the top or one
/// level down (`chmod -R o+r news/`). Not seen, so still
/// lost: a file put in within the same tick of the kernel's coarse clock as the marker was
/// written (a few milliseconds), and any edit to a page the build writes.
enum HandAddedFiles {
    /// Paths (relative to `output`) that were added to `output` by hand and that the build staged
    /// in `staging` would drop, sorted; `contentStatic` is the site's `content/static/` folder.
    static func find(in output: String, replacedBy staging: String, contentStatic: String) -> [String] {
        let marker = output + "/" + OutputWriter.markerName
        // An output of an older renda holds another text: its marker says nothing of its files' times.
        guard FileSystem.readBytes(marker) == Array(OutputWriter.markerText.utf8), let built = changed(marker) else { return [] }
        let staged = Set((FileSystem.entries(in: staging) ?? []).map(\.name))
        // The top's entries changed since the build.
        let newer = (FileSystem.entries(in: output) ?? []).filter { entry in
            !skipped(entry.name) && (changed(output + "/" + entry.name).map { $0 > built } ?? false)
        }
        // Pages the build writes at the top (index.html, 404.html, sitemap.xml…) changed after
        // the marker: the folder was copied (`cp -r` gives every file a new time, in any order)
        // or had its permissions changed, and its times say nothing. One alone may be a hand edit.
        guard newer.filter({ !$0.isDirectory && staged.contains($0.name) }).count < 2 else { return [] }
        var found: [String] = []
        for entry in newer {
            let path = output + "/" + entry.name
            guard staged.contains(entry.name) else {
                if !losesNothing(entry.name, output: output, contentStatic: contentStatic) {
                    found.append(entry.name + (entry.isDirectory ? "/" : ""))
                }
                continue
            }
            // A folder both builds have, changed since: an entry was added to it, or removed.
            guard entry.isDirectory else { continue }
            let stagedInside = Set((FileSystem.entries(in: staging + "/" + entry.name) ?? []).map(\.name))
            let inside = (FileSystem.entries(in: path) ?? []).filter { !skipped($0.name) }
            // As at the top: the build's own entries of this folder changed after the marker
            // (`chmod -R o+r news/`), so its times say nothing of what was added.
            let rewritten = inside.lazy.filter { stagedInside.contains($0.name) && (changed(path + "/" + $0.name).map { $0 > built } ?? false) }
            if rewritten.prefix(2).count == 2 { continue }
            for inner in inside where !stagedInside.contains(inner.name) {
                let relative = entry.name + "/" + inner.name
                guard let innerTime = changed(output + "/" + relative), innerTime > built,
                      !losesNothing(relative, output: output, contentStatic: contentStatic) else { continue }
                found.append(relative + (inner.isDirectory ? "/" : ""))
            }
        }
        return found.sorted()
    }

    /// Whether deleting `relative` loses nothing: an empty folder (folders of folders included),
    /// or files that `content/static/` holds with the same bytes.
    private static func losesNothing(_ relative: String, output: String, contentStatic: String, depth: Int = 0) -> Bool {
        let path = output + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard info.st_mode & S_IFMT == S_IFDIR else { return isInStatic(relative, output: output, contentStatic: contentStatic) }
        guard depth < 8 else { return false }
        return (FileSystem.entries(in: path) ?? []).allSatisfy {
            skipped($0.name) || losesNothing(relative + "/" + $0.name, output: output, contentStatic: contentStatic, depth: depth + 1)
        }
    }

    private static func isInStatic(_ relative: String, output: String, contentStatic: String) -> Bool {
        guard let copy = FileSystem.readBytes(contentStatic + "/" + relative) else { return false }
        return FileSystem.readBytes(output + "/" + relative) == copy
    }

    /// The message for `renda build`: which files, and where they belong.
    static func message(_ paths: [String], output: String) -> String {
        let shown = paths.prefix(10).map { "  " + output + "/" + $0 }.joined(separator: "\n")
        let more = paths.count > 10 ? "\n  ……另有 \(paths.count - 10) 个" : ""
        return "输出目录 \(output) 里有生成之后手动放入的文件，重新生成会删掉它们，所以这次没有生成：\n"
            + shown + more + "\n"
            + "提示：要一直放在网站上的文件（如搜索引擎的验证文件、.well-known 文件夹）请移到 content/static/ 下"
            + "（同样的位置，如 content/static/baidu_verify_….html），每次生成都会原样复制到网站根目录；"
            + "改动网页请改 content/ 里的文章或模板。不需要的文件从输出目录删掉即可。"
    }

    private static func skipped(_ name: String) -> Bool {
        // What the OS leaves in any folder it shows: nobody needs it on a web site.
        name == OutputWriter.markerName || SystemFiles.isLeftBehind(name)
    }

    /// When the entry's inode last changed: written, renamed, moved in, its mode or times set.
    private static func changed(_ path: String) -> timespec? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_ctim
    }
}

extension timespec {
    static func > (left: timespec, right: timespec) -> Bool {
        left.tv_sec != right.tv_sec ? left.tv_sec > right.tv_sec : left.tv_nsec > right.tv_nsec
    }
}
