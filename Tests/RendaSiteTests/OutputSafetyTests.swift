import Foundation
import RendaContent
import RendaCore
import RendaSite
import Testing

private func news(_ title: String, _ date: String, extra: String = "", body: String = "正文。") -> String {
    "---\ntitle: \(title)\ndate: \(date)\ntopics: [监督工作]\n\(extra)---\n\(body)\n"
}

@Suite("Output folder safety and publishing rules")
struct OutputSafetyTests {
    @Test func staleFilesDisappearOnTheNextBuild() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01"),
                                 "content/news/2023-01-02-b.md": news("乙", "2023-01-02")])
        let (out, first) = build(root: root)
        _ = try first.get()
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/b/index.html").path))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/news/2023-01-02-b.md"))
        _ = try build(root: root, output: out).1.get()
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("news/b/index.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/a/index.html").path))
    }

    @Test func replacingTheOutputNeverFollowsALinkOutOfIt() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        // Someone linked a folder of their own into the output; the next build deletes the old
        // output, which must remove the link and leave the folder it points to alone. (Inside a
        // page's folder: an addition at the top of the site would stop the build instead.)
        let elsewhere = temporaryFolder("keep")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "保留".write(to: elsewhere.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("news/a/linked"), withDestinationURL: elsewhere)
        _ = try build(root: root, output: out).1.get()
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("keep.txt").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("news/a/linked").path)) == nil)
    }

    @Test func anOutputThatIsALinkUpdatesTheFolderItPointsTo() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01"),
                                 "content/news/2023-01-02-b.md": news("乙", "2023-01-02")])
        // The web server's folder, written by an earlier build, and `site` linked to it.
        let webRoot = temporaryFolder("www").appendingPathComponent("rd")
        _ = try build(root: root, output: webRoot).1.get()
        let link = temporaryFolder("out").appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: webRoot)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/news/2023-01-02-b.md"))
        _ = try build(root: root, output: link).1.get()

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == webRoot.path)
        #expect(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("news/a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("news/b/index.html").path))
        // Nothing left beside either folder: no old copy, no second link.
        let besideLink = try FileManager.default.contentsOfDirectory(atPath: link.deletingLastPathComponent().path)
        #expect(besideLink == ["site"])
        let besideWebRoot = try FileManager.default.contentsOfDirectory(atPath: webRoot.deletingLastPathComponent().path)
        #expect(besideWebRoot == ["rd"])
    }

    @Test func whatAnInterruptedBuildLeftIsRemovedByTheNext() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        let parent = out.deletingLastPathComponent()
        // A build stopped with Ctrl+C: its staging folder (process long gone), and a folder of
        // the same shape that is not renda's (no marker), which must stay.
        let stale = parent.appendingPathComponent(".site.renda-tmp-2147483646-7")
        let foreign = parent.appendingPathComponent(".site.renda-tmp-2147483645-8")
        for folder in [stale, foreign] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("news"), withIntermediateDirectories: true)
        }
        try Data().write(to: stale.appendingPathComponent(".renda-output"))
        _ = try build(root: root, output: out).1.get()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("news").path))
    }

    @Test func anOutputLinkToNothingIsRefused() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let link = temporaryFolder("out").appendingPathComponent("site")
        let missing = temporaryFolder("gone").appendingPathComponent("rd")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: missing)
        guard case .failure(.usage(let message)) = build(root: root, output: link).1 else {
            Issue.record("a link to a missing folder must be refused"); return
        }
        #expect(message.contains("是一个链接") && message.contains(missing.path))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func theCollectionOrdersDelegationsAndDeputiesByPinyin() throws {
        func deputy(_ name: String, _ delegation: String) -> String {
            "---\ntitle: 代表\(name)\ndate: 2023-05-01\nname: \(name)\ngender: 女\noccupation: 村医\n"
                + "delegation: \(delegation)\nterm: 第十九届\nyear: 2023\nphoto: p.png\n---\n正文。\n"
        }
        // By code point 张 < 陈 and 城 < 白; by pinyin an < chen < zhang and bai < cheng.
        var files = [
            "content/deputies/w/index.md": deputy("张芳", "城关镇"), "content/deputies/l/index.md": deputy("陈华", "城关镇"),
            "content/deputies/li/index.md": deputy("安明", "城关镇"), "content/deputies/b/index.md": deputy("赵一", "白沙乡"),
        ]
        for folder in ["w", "l", "li", "b"] { files["content/deputies/\(folder)/p.png"] = "" }
        let root = try makeSite(files)
        let (out, result) = build(root: root)
        _ = try result.get()
        let page = try #require(OutputTree(out).page("/deputies/2023/"))
        let order = ["白沙乡", "城关镇", ">安明<", ">陈华<", ">张芳<"].map { page.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil))
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // The printed cover is dated by the newest profile's month, the same on any day.
        #expect(page.contains("测试县人大常委会编印<br><span class=\"collection-date\">2023年5月</span>"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        let before = OutputTree(out).files
        try news("乙", "2023-02-30").write(to: root.appendingPathComponent("content/news/b.md"), atomically: true, encoding: .utf8)
        let diagnostics = try #require(refusal(build(root: root, output: out).1), "the build should fail")
        #expect(diagnostics.errors.map(\.message) == ["日期“2023-02-30”不存在"])
        #expect(OutputTree(out).files == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(leftovers == ["site"], "no staging folder may be left behind")
    }

    /// A verification file dropped into site/, a `.well-known/` folder: the next build would
    /// delete them, so it stops and says where they belong, touching nothing.
    @Test func filesAddedToTheOutputByHandStopTheBuild() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        let fm = FileManager.default
        // File times come from the kernel's coarse clock (a tick of up to 10 ms): a person adds
        // files later than that; a test waits longer than a tick, which holds on any machine.
        Thread.sleep(forTimeInterval: 0.05)
        try "verify".write(to: out.appendingPathComponent("baidu_verify_abc.html"), atomically: false, encoding: .utf8)
        try fm.createDirectory(at: out.appendingPathComponent(".well-known"), withIntermediateDirectories: false)
        try "contact".write(to: out.appendingPathComponent(".well-known/security.txt"), atomically: false, encoding: .utf8)
        try "extra".write(to: out.appendingPathComponent("news/extra.html"), atomically: false, encoding: .utf8)
        // Old downloads moved in keep their old modification times; the move is what counts.
        for name in ["old_download.html", "news/old.pdf"] {
            let download = root.appendingPathComponent("download-" + name.replacingOccurrences(of: "/", with: "-"))
            try "old".write(to: download, atomically: false, encoding: .utf8)
            try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_577_836_800)], ofItemAtPath: download.path)
            try fm.moveItem(at: download, to: out.appendingPathComponent(name))
        }
        // What Finder and Explorer leave behind is nobody's file.
        try "".write(to: out.appendingPathComponent(".DS_Store"), atomically: false, encoding: .utf8)
        let before = OutputTree(out).files
        guard case .failure(.usage(let message)) = build(root: root, output: out).1 else {
            Issue.record("the build should refuse")
            return
        }
        for name in [".well-known/", "baidu_verify_abc.html", "news/extra.html", "old_download.html", "news/old.pdf"] {
            #expect(message.contains(out.path + "/" + name))
        }
        #expect(!message.contains("index.html") && !message.contains(".DS_Store"))
        #expect(message.contains("content/static/"))
        #expect(OutputTree(out).files == before)

        // Copied to content/static/ (and left in the output too), they are part of every build:
        // nothing is lost, so the build goes on.
        for name in ["baidu_verify_abc.html", ".well-known"] {
            try fm.createDirectory(at: root.appendingPathComponent("content/static"), withIntermediateDirectories: true)
            try fm.copyItem(at: out.appendingPathComponent(name), to: root.appendingPathComponent("content/static/" + name))
        }
        for name in ["news/extra.html", "old_download.html", "news/old.pdf"] { try fm.removeItem(at: out.appendingPathComponent(name)) }
        // An empty folder (what certbot leaves) loses nothing either.
        try fm.createDirectory(at: out.appendingPathComponent("acme/.well-known/acme-challenge"), withIntermediateDirectories: true)
        _ = try build(root: root, output: out).1.get()
        #expect(fm.fileExists(atPath: out.appendingPathComponent(".well-known/security.txt").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent(".DS_Store").path))
        // A copy of the whole output (cp -r: every file new, in any order) says nothing by its
        // times: an article deleted since is not taken for a file added by hand.
        let extra = root.appendingPathComponent("content/news/2023-01-02-b.md")
        try news("乙", "2023-01-02").write(to: extra, atomically: true, encoding: .utf8)
        _ = try build(root: root, output: out).1.get()
        let copy = out.deletingLastPathComponent().appendingPathComponent("copy")
        try fm.copyItem(at: out, to: copy)
        // As when the copy wrote the marker first of all: every other entry changed after it.
        Thread.sleep(forTimeInterval: 0.05)
        for name in try fm.contentsOfDirectory(atPath: copy.path) where name != ".renda-output" {
            try fm.setAttributes([.modificationDate: Date()], ofItemAtPath: copy.appendingPathComponent(name).path)
        }
        try fm.removeItem(at: extra)
        _ = try build(root: root, output: copy).1.get()
    }

    /// Permissions changed on a folder of the output (`chmod -R o+r news/`) change every entry's
    /// status: a page of an article deleted since is not taken for a file added by hand.
    @Test func aFolderWhosePermissionsChangedIsNotTakenForHandAddedFiles() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a.md": news("甲", "2023-01-01"),
            "content/news/2023-01-02-b.md": news("乙", "2023-01-02"),
            "content/news/2023-01-03-c.md": news("丙", "2023-01-03"),
        ])
        let (out, first) = build(root: root)
        _ = try first.get()
        Thread.sleep(forTimeInterval: 0.05)
        let fm = FileManager.default
        let folder = out.appendingPathComponent("news")
        for name in try fm.subpathsOfDirectory(atPath: folder.path) + [""] {
            let path = folder.appendingPathComponent(name).path
            let mode = try #require(try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            try fm.setAttributes([.posixPermissions: mode | 0o004], ofItemAtPath: path)
        }
        try fm.removeItem(at: root.appendingPathComponent("content/news/2023-01-02-b.md"))
        _ = try build(root: root, output: out).1.get()
        #expect(!fm.fileExists(atPath: folder.appendingPathComponent("b").path))
    }

    /// The new output takes the old one's place in one step: a web server reading the folder
    /// during a rebuild never finds it missing (two renames left a moment without it).
    @Test func theOutputIsNeverMissingDuringARebuild() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        final class Watch: @unchecked Sendable {
            var running = true
            var missing = 0
            var looks = 0
        }
        let watch = Watch()
        let path = out.appendingPathComponent("index.html").path
        let reader = Thread {
            while watch.running {
                if access(path, F_OK) != 0 { watch.missing += 1 }
                watch.looks += 1
            }
        }
        reader.start()
        for _ in 0..<20 { _ = try build(root: root, output: out).1.get() }
        watch.running = false
        Thread.sleep(forTimeInterval: 0.01)
        #expect(watch.looks > 1000)
        #expect(watch.missing == 0)
    }

    /// A rebuild keeps the served folder's permissions: the new output takes the old one's mode,
    /// and what is written in it the read permission the old folder gave (a umask of 027 under
    /// cron made every page 403 to the web server's user; here the folder was made private).
    @Test func aRebuildKeepsTheOutputFoldersPermissions() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        let fm = FileManager.default
        func mode(_ relative: String) throws -> Int {
            try #require(try fm.attributesOfItem(atPath: out.appendingPathComponent(relative).path)[.posixPermissions] as? Int)
        }
        #expect(try mode("") == 0o755 && mode("news/a/index.html") == 0o644)
        try fm.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out.path)
        _ = try build(root: root, output: out).1.get()
        #expect(try mode("") == 0o750)
        #expect(try mode("news") == 0o750 && mode("news/a") == 0o750)
        #expect(try mode("index.html") == 0o640 && mode("news/a/index.html") == 0o640 && mode("assets") == 0o750)
        try fm.setAttributes([.posixPermissions: 0o775], ofItemAtPath: out.path)
        _ = try build(root: root, output: out).1.get()
        #expect(try mode("") == 0o775 && mode("news/a") == 0o775 && mode("news/a/index.html") == 0o664)
    }

    /// An old output the build cannot remove (written by another user) is not left beside the
    /// new one without a word: a whole copy of the site would stay there for good.
    @Test func anOldOutputThatCannotBeRemovedIsNamed() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        // Another user's file, as far as removing it goes: read-only folder for a user, the
        // immutable flag for root, who may remove anything else.
        let page = out.appendingPathComponent("news/a/index.html").path
        let folder = out.appendingPathComponent("news/a").path
        let asRoot = geteuid() == 0
        let locked = asRoot ? Self.run("/usr/bin/chattr", ["+i", page]) : chmod(folder, 0o555) == 0
        try #require(locked, "the test needs chattr (as root) or chmod")
        defer {
            for leftover in (try? FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)) ?? [] {
                let path = out.deletingLastPathComponent().appendingPathComponent(leftover).path
                if asRoot { _ = Self.run("/usr/bin/chattr", ["-R", "-i", path]) } else { _ = Self.run("/bin/chmod", ["-R", "u+w", path]) }
            }
        }
        let report = try build(root: root, output: out).1.get()
        let warning = try #require(report.diagnostics.warnings.first { $0.message.hasPrefix("新网站已生成，但上次生成的旧文件夹删不掉") })
        #expect(warning.location.file.contains(".site.renda-"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/a/index.html").path))
    }

    /// A parent folder that takes no new folder (another user's, a mount point's) is a failure to
    /// write, told apart from bad usage, with what the build needs; the old site stays.
    @Test func aParentThatTakesNoFolderIsAFailureToWrite() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let (out, first) = build(root: root)
        _ = try first.get()
        let parent = out.deletingLastPathComponent().path
        let asRoot = geteuid() == 0
        let locked = asRoot ? Self.run("/usr/bin/chattr", ["+i", parent]) : chmod(parent, 0o555) == 0
        try #require(locked, "the test needs chattr (as root) or chmod")
        defer { if asRoot { _ = Self.run("/usr/bin/chattr", ["-i", parent]) } else { chmod(parent, 0o755) } }
        guard case .failure(.output(let message)) = build(root: root, output: out).1 else {
            Issue.record("the build should fail to write")
            return
        }
        #expect(message.hasPrefix("无法在 \(parent) 中建立新网站的临时文件夹"))
        #expect(message.contains("要能在 \(parent) 里新建文件夹"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("news/a/index.html").path))
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func aFolderRendaDidNotWriteIsNeverReplaced() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let out = temporaryFolder("foreign")
        try "重要文件".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        guard case .failure(.usage(let message)) = build(root: root, output: out).1 else {
            Issue.record("the build should refuse")
            return
        }
        #expect(message.contains("不是 renda 生成的"))
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "重要文件")
    }

    @Test(arguments: ["", "content", "content/news"])
    func theSiteRootAndItsSourcesAreNeverAnOutput(folder: String) throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01")])
        let output = folder.isEmpty ? root : root.appendingPathComponent(folder)
        let before = OutputTree(root).files
        guard case .failure(.usage(let message)) = build(root: root, output: output).1 else {
            Issue.record("building into \(output.path) must be refused")
            return
        }
        #expect(message.contains("会覆盖站点源文件"))
        #expect(OutputTree(root).files == before)
    }

    @Test func aMissingCoverNamesTheFieldAndItsLine() throws {
        let root = try makeSite(["content/news/2023-01-01-a.md": news("甲", "2023-01-01", extra: "封面: missing.png\n")])
        let diagnostics = try #require(refusal(build(root: root).1), "the build should fail")
        #expect(diagnostics.sorted.map { "\($0.location): \($0.message)" }
            == ["content/news/2023-01-01-a.md:5: cover（封面）指向的图片不存在：missing.png"])
    }

    @Test func previousIsTheOlderItemAndNextTheNewer() throws {
        var files: [String: String] = [:]
        for day in 1...3 { files["content/news/2023-01-0\(day)-n\(day).md"] = news("第\(day)条", "2023-01-0\(day)") }
        let root = try makeSite(files)
        let (out, result) = build(root: root)
        _ = try result.get()
        let middle = try #require(OutputTree(out).page("/news/n2/"))
        #expect(middle.contains("<a href=\"/news/n1/\" rel=\"prev\">第1条</a>"))
        #expect(middle.contains("<a href=\"/news/n3/\" rel=\"next\">第3条</a>"))
        let oldest = try #require(OutputTree(out).page("/news/n1/"))
        #expect(!oldest.contains("rel=\"prev\""))
    }

    @Test func draftsAndFutureItemsWaitUnlessAskedFor() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a.md": news("甲", "2023-01-01"),
            "content/news/2023-01-02-draft.md": news("草稿", "2023-01-02", extra: "draft: true\n"),
            "content/news/2030-01-01-future.md": news("未来", "2030-01-01"),
        ])
        let (out, result) = build(root: root)
        _ = try result.get()
        let tree = OutputTree(out)
        #expect(tree.page("/news/a/") != nil)
        #expect(tree.page("/news/draft/") == nil)
        #expect(tree.page("/news/future/") == nil)
        #expect(tree.text("feed.xml")?.contains("草稿") == false)

        let (preview, _) = build(root: root, drafts: true)
        let previewTree = OutputTree(preview)
        #expect(previewTree.page("/news/draft/")?.contains("草稿") == true)
        #expect(previewTree.page("/news/future/")?.contains("未发布") == true)
    }

    @Test func listsArePaginatedNewestFirst() throws {
        var files: [String: String] = [:]
        for day in 1...5 { files["content/news/2023-01-0\(day)-n\(day).md"] = news("第\(day)条", "2023-01-0\(day)") }
        let root = try makeSite(files)
        let (out, result) = build(root: root)
        _ = try result.get()
        let tree = OutputTree(out)
        let first = try #require(tree.page("/news/"))
        #expect(first.contains("第5条") && first.contains("第4条") && !first.contains("第3条"))
        #expect(try #require(tree.page("/news/page/2/")).contains("第3条"))
        #expect(try #require(tree.page("/news/page/3/")).contains("第1条"))
        #expect(tree.page("/news/page/4/") == nil)
        #expect(tree.page("/topics/jiandu/page/3/") != nil)
        #expect(first.contains("href=\"/news/page/2/\""))
    }

    @Test func linksToMissingPagesAndImagesStopTheBuildWithTheirPlace() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a.md": news("甲", "2023-01-01", body: "见[报告](../reports/none.md)。\n\n![图](missing.png)\n\n[专题](/topics/nothing/)"),
        ])
        let diagnostics = try #require(refusal(build(root: root).1), "the build should fail")
        #expect(diagnostics.sorted.map { "\($0.location): \($0.message)" } == [
            "content/news/2023-01-01-a.md:6:7: 链接指向的文章不存在：../reports/none.md",
            "content/news/2023-01-01-a.md:8:6: 图片不存在：missing.png",
            "content/news/2023-01-01-a.md:10:6: 站内链接指向不存在的页面：/topics/nothing/",
        ])
    }

    /// A Windows path, a name in other letter case and a typo each get the name that works.
    @Test func aMissingImageHintGivesTheNameThatWorks() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a/index.md": news("甲", "2023-01-01",
                body: "![一](images\\photo.png)\n\n![二](Photo1.JPG)\n\n![三](phot1.jpg)\n\n![四](zzz.png)\n\n![五](/images/banner.png)"),
            "content/news/2023-01-01-a/photo1.jpg": "jpg",
            "content/news/2023-01-01-a/images/photo.png": "png",
            "content/static/images/Banner.png": "png",
        ])
        let diagnostics = try #require(refusal(build(root: root).1), "the build should fail")
        let hints = diagnostics.errors.filter { $0.message.hasPrefix("图片不存在") }.sorted { $0.location.line! < $1.location.line! }
            .map { $0.hint ?? "" }
        #expect(hints.count == 4)
        // A site path is answered as a site path.
        #expect(diagnostics.errors.first { $0.message.hasSuffix("/images/banner.png") }?.hint
            == "文件名的大小写不一致：文件是 Banner.png。网站服务器区分大小写，请写成 /images/Banner.png。")
        #expect(hints.first == "路径里的文件夹要用 / 分隔，不能用 \\：改成 images/photo.png。")
        #expect(hints.dropFirst().first == "文件名的大小写不一致：文件是 photo1.jpg。网站服务器区分大小写，请写成 photo1.jpg。")
        #expect(hints.dropFirst(2).first?.hasPrefix("是否想写 photo1.jpg？把图片放在本文章的文件夹里") == true)
        #expect(hints.last?.hasPrefix("把图片放在本文章的文件夹里") == true)
    }

    /// A link to an article written the wrong way finds the article it meant: a Windows path
    /// (whose backslashes Markdown reads as escapes), the wrong folder, a path from the site
    /// folder, no `.md`; an address on the site's own host, the closest page; a picture in a
    /// folder holding one file, that file.
    @Test func aBrokenLinkHintFindsWhatWasMeant() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a/index.md": news("甲", "2023-01-01", extra: "cover: portrait.jpg\n", body: #"""
                见[一](..\..\reports\2023-07-26-half-year-report.md)、[二](../news/2023-07-26-half-year-report.md)、
                [三](/content/reports/2023-07-26-half-year-report.md)、[四](../../reports/2023-07-26-half-year-report)、
                [五](https://rd.example.gov.cn/reports/half-year-reprot/)。
                """#),
            "content/news/2023-01-01-a/IMG_2041.JPG": "jpg",
            "content/reports/2023-07-26-half-year-report.md": news("半年报告", "2023-07-26"),
        ])
        let diagnostics = try #require(refusal(build(root: root).1), "the build should fail")
        let fix = "是否想链接 content/reports/2023-07-26-half-year-report.md？从本文件写作 ../../reports/2023-07-26-half-year-report.md（"
        let hints = diagnostics.errors.filter { $0.location.line == 7 || $0.location.line == 8 }.map { $0.hint ?? "" }
        #expect(hints.count == 4 && hints.allSatisfy { $0.hasPrefix(fix) }, "\(diagnostics.errors)")
        #expect(diagnostics.errors.first { $0.location.line == 9 }?.hint?.hasPrefix("是否想写 /reports/half-year-report/？") == true,
                "\(diagnostics.errors)")
        #expect(diagnostics.errors.first { $0.location.line == 5 }?.hint?.hasPrefix("文件夹里只有 IMG_2041.JPG：如果就是它，请写成 IMG_2041.JPG。") == true,
                "\(diagnostics.errors)")
    }

    @Test func relativeLinksToOtherFilesBecomeTheirURLs() throws {
        let root = try makeSite([
            "content/news/2023-01-01-a.md": news("甲", "2023-01-01", body: "见[报告](../reports/2023-01-01-r.md#二)。"),
            "content/reports/2023-01-01-r.md": news("报告", "2023-01-01", body: "## 二\n\n内容"),
        ])
        let (out, result) = build(root: root, baseURL: "https://www.example.gov.cn/rd/")
        _ = try result.get()
        // cmark percent-encodes the fragment; the browser decodes it to the heading id 二.
        #expect(OutputTree(out).page("/news/a/")?.contains("href=\"/rd/reports/r/#%E4%BA%8C\"") == true)
        #expect(OutputTree(out).page("/reports/r/")?.contains("<h2 id=\"二\">") == true)
    }
}
