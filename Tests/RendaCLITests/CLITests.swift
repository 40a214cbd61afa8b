import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The `renda` binary SwiftPM built next to this test runner.
let rendaBinary: URL = {
    let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("renda").path) {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("renda")
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func renda(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = rendaBinary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
}

/// A copy of the base fixture site with the real default theme, plus an overlay of bad files.
func fixtureSite(overlay: String? = nil) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("base"), to: root)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("themes"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("themes/default"),
                                               withDestinationURL: repositoryRoot.appendingPathComponent("themes/default"))
    if let overlay { try apply(overlay, to: root) }
    return root
}

func apply(_ overlay: String, to root: URL) throws {
    let source = fixtures.appendingPathComponent(overlay)
    let enumerator = FileManager.default.enumerator(atPath: source.path)!
    for case let path as String in enumerator {
        let from = source.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory)
        let to = root.appendingPathComponent(path)
        if isDirectory.boolValue {
            try FileManager.default.createDirectory(at: to, withIntermediateDirectories: true)
        } else {
            try? FileManager.default.removeItem(at: to)
            try FileManager.default.copyItem(at: from, to: to)
        }
    }
}

/// Every file under a folder with its bytes.
func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)!
    for case let path as String in enumerator {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = data }
    }
    return files
}

@Suite("renda build on bad input", .serialized)
struct BadInputTests {
    /// Each bad input: the line `renda build` must print first, naming file, line and problem.
    static let cases: [(String, String)] = [
        ("invalid-yaml", "content/news/bad.md:2:1: error: “title”的值里有英文冒号加空格“: ”，会被当作又一个字段"),
        ("missing-title", "content/news/bad.md:1: error: 缺少必填字段 title（标题）"),
        ("missing-date", "content/news/bad.md:1: error: 缺少必填字段 date（日期）"),
        ("title-comment", "content/news/bad.md:2: error: 字段 title（标题）不能为空\n    提示：“#”及后面的文字被当作注释，"
            + "这个字段实际是空的。以 # 开头的值要用英文双引号括起来：title: \"#会议通知\"\n"),
        ("impossible-date", "content/news/bad.md:3: error: 日期“2023-02-30”不存在"),
        ("unknown-topic", "content/news/bad.md:4: error: 专题“监督工做”不在 topics.yml 中\n    提示：是否想写“监督工作”？"),
        ("duplicate-url", "content/news/2023-06-30-meeting.md:1: error: 与 content/news/2024-01-01-meeting.md 的网址相同：/news/meeting/"),
        ("not-utf8", "content/news/bad.md: error: 文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK"),
        ("missing-image", "content/news/bad.md:7:7: error: 图片不存在：photo.png"),
        ("missing-partial", "themes/broken/templates/single.mustache:3:10: error: 模板引用了不存在的局部模板“partials/byline”"),
    ]

    /// An error found while reading does not hide one found later, in the links: the build lists
    /// the same errors as `renda check`, so one round of mending is enough.
    @Test func listsTheSameErrorsAsCheck() throws {
        let root = try fixtureSite(overlay: "bad/missing-title")
        try apply("check/link-missing-page", to: root)
        let build = try renda(["build", "--root", root.path])
        let check = try renda(["check", "--root", root.path])
        #expect(build.status == 1 && check.status == 1)
        let errors = { (text: String) in text.split(separator: "\n").filter { $0.contains(": error: ") } }
        #expect(errors(build.stderr) == [
            "content/news/2023-07-01-a.md:6:7: error: 链接指向的文章不存在：../news/other.md",
            "content/news/bad.md:1: error: 缺少必填字段 title（标题）",
        ], "stderr was:\n\(build.stderr)")
        #expect(errors(check.stdout) == errors(build.stderr))
        #expect(build.stderr.contains("构建失败：发现 2 个错误"))
    }

    @Test(arguments: cases)
    func isRefusedWithItsPlaceAndLeavesTheOutputAlone(name: String, expected: String) throws {
        let root = try fixtureSite()
        let good = try renda(["build", "--root", root.path])
        #expect(good.status == 0, "\(good.stderr)")
        let before = snapshot(root.appendingPathComponent("site"))
        #expect(before["news/meeting/index.html"] != nil)

        try apply("bad/\(name)", to: root)
        let bad = try renda(["build", "--root", root.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix(expected) || bad.stderr.contains("\n" + expected), "stderr was:\n\(bad.stderr)")
        #expect(bad.stderr.contains("个错误，没有写入任何文件（\(root.path)/site 保持原样）。"))
        #expect(snapshot(root.appendingPathComponent("site")) == before, "the previous site must stay byte for byte")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(siblings == ["content", "site", "themes"], "nothing may be left beside the output")
    }

    @Test func aGBKFileIsReadCorrectlyWithAWarning() throws {
        let root = try fixtureSite(overlay: "warn/gbk")
        let result = try renda(["build", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("content/news/2023-07-01-gbk.md: warning: 文件编码为 GB18030，已按此编码读取"))
        let page = try String(contentsOf: root.appendingPathComponent("site/news/gbk/index.html"), encoding: .utf8)
        #expect(page.contains("县人大常委会视察民生实事"))
        #expect(page.contains("代表们实地察看了项目进展。"))
    }
}

@Suite("renda command line")
struct CommandLineTests {
    @Test func buildsTheCurrentFolderIntoSiteAndSaysWhatItWrote() throws {
        let root = try fixtureSite()
        let result = try renda(["build"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("工作动态：1 篇"))
        #expect(result.stdout.contains("页面：1 个"))
        #expect(result.stdout.contains("用时"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/index.html").path))
    }

    /// A preview with drafts goes beside the site staff upload, never into it, and says so; an
    /// output asked for by name is used as asked.
    @Test func draftsArePreviewedOutsideTheSiteToUpload() throws {
        let root = try fixtureSite(overlay: "check/draft")
        let published = try renda(["build"], in: root)
        #expect(published.status == 0, "\(published.stderr)")
        let site = root.appendingPathComponent("site")
        let before = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()

        let preview = try renda(["build", "--drafts"], in: root)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.hasPrefix("已生成站点：\(root.appendingPathComponent("site-drafts").standardizedFileURL.path)\n"))
        #expect(preview.stderr.contains("注意：这是连同草稿和未到发布日期的文章生成的预览，不要上传到网站服务器"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site-drafts/news/d/index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == before)
        #expect(!(try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)).contains("/news/d"))

        let named = try renda(["build", "--drafts", "--output", root.appendingPathComponent("preview").path], in: root)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("preview/index.html").path))
    }

    /// Run in a folder of a site, each command names the site and how to get there, goes there
    /// by itself no more than it writes anything, and claims to keep no output folder that is
    /// not there.
    @Test(arguments: [["build"], ["check"], ["new", "news", "县人大常委会召开会议"], ["serve", "--port", "0"]])
    func aFolderInsideASiteNamesTheSite(arguments: [String]) throws {
        let root = try fixtureSite()
        let folder = root.appendingPathComponent("content/news")
        let before = snapshot(root)
        let result = try renda(arguments, in: folder)
        // renda check lists its problems on standard output.
        let shown = result.stderr + result.stdout
        #expect(result.status == 1)
        #expect(shown.contains("找不到 content 文件夹：\(folder.path)/content\n"), "\(shown)")
        #expect(shown.contains("提示：当前目录在站点 \(root.path) 的 content/news 里；请先 cd \(root.path)，或加上 --root \(root.path)。"),
                "\(shown)")
        #expect(!shown.contains("保持原样"))
        #expect(snapshot(root) == before)
    }

    @Test func aRootInsideASiteNamesTheSite() throws {
        let root = try fixtureSite()
        let result = try renda(["build", "--root", root.appendingPathComponent("content").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("提示：\(root.path)/content 在站点 \(root.path) 的 content 里；请改用 --root \(root.path)。"),
                "\(result.stderr)")
        #expect(result.stderr.hasSuffix("构建失败：发现 1 个错误，没有写入任何文件。\n"))
    }

    @Test func timingsNameEveryStage() throws {
        let root = try fixtureSite()
        let result = try renda(["build", "--timings"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let timed = lines.drop { $0 != "各阶段用时：" }.dropFirst()
        let stages = timed.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(Array(stages.prefix(7)) == ["load", "model", "markdown", "render+write", "assets+feeds", "search", "commit"],
                "\(Array(timed))")
        #expect(timed.contains { $0.hasPrefix("  search index ") }, "\(Array(timed))")
        // Wall time, then the processor time of all threads: under twice the wall time on two
        // cores is a stage that leaves a core idle.
        #expect(timed.allSatisfy { $0.range(of: #"[0-9]+\.[0-9]{3} s  处理器 [0-9]+\.[0-9]{3} s$"#, options: .regularExpression) != nil },
                "\(Array(timed))")
    }

    @Test func outputAndBaseURLOptions() throws {
        let root = try fixtureSite()
        let output = root.appendingPathComponent("public")
        let result = try renda(["build", "--root", root.path, "--output", output.path, "--base-url", "https://www.example.gov.cn/rd"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("news/meeting/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"/rd/news/\""))
        #expect(page.contains("https://www.example.gov.cn/rd/news/meeting/"))
    }

    /// Ctrl+C during a build says what it means for the site, and leaves it as it was.
    @Test func anInterruptedBuildSaysTheSiteIsUntouched() throws {
        let root = try fixtureSite()
        for index in 0..<3000 {
            try "---\ntitle: 会议\(index)\ndate: 2023-01-01\n---\n正文。\n".write(
                to: root.appendingPathComponent("content/news/2023-01-01-m\(index).md"), atomically: false, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = rendaBinary
        process.arguments = ["build", "--root", root.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Well inside a build of 3,000 articles (about two seconds in a debug build), after the
        // handler is set at the command's start.
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("生成已中断：原有的网站没有改动"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    /// A disk that refuses the new site exits with 3, which a script tells from bad usage (2).
    @Test func aFailureToWriteExitsThree() throws {
        let root = try fixtureSite()
        let parent = root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let asRoot = geteuid() == 0
        let lock = Process()
        lock.executableURL = URL(fileURLWithPath: asRoot ? "/usr/bin/chattr" : "/bin/chmod")
        lock.arguments = asRoot ? ["+i", parent.path] : ["555", parent.path]
        try lock.run()
        lock.waitUntilExit()
        defer {
            let unlock = Process()
            unlock.executableURL = URL(fileURLWithPath: asRoot ? "/usr/bin/chattr" : "/bin/chmod")
            unlock.arguments = asRoot ? ["-i", parent.path] : ["755", parent.path]
            try? unlock.run()
            unlock.waitUntilExit()
        }
        try #require(lock.terminationStatus == 0)
        let result = try renda(["build", "--root", root.path, "--output", parent.appendingPathComponent("rd").path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("中建立新网站的临时文件夹"))
    }

    /// A port another program listens on is told at once, in words, before any building.
    @Test func aPortInUseIsToldBeforeBuilding() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                guard bind(fd, socketAddress, length) == 0, listen(fd, 1) == 0, getsockname(fd, socketAddress, &length) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        }
        let port = UInt16(bigEndian: address.sin_port)
        let result = try renda(["serve", "--root", try fixtureSite().path, "--port", "\(port)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("无法在 127.0.0.1:\(port) 上启动预览服务器（这个端口已被其他程序占用，可能是另一个 renda serve 还开着）"), "\(result.stderr)")
        #expect(!result.stdout.contains("已生成"))
    }

    @Test(arguments: [["build", "--no-such-option"], ["frobnicate"], ["build", "--base-url", "ftp://example.gov.cn/"]])
    func badUsageExitsTwo(arguments: [String]) throws {
        let root = try fixtureSite()
        let result = try renda(arguments, in: root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    /// An address `--base-url` refuses is told what is wrong with it, the host left out included.
    @Test(arguments: [
        ("http://", "网址缺少域名，例如 https://rd.example.gov.cn/"),
        ("https:///rd/", "网址缺少域名，例如 https://rd.example.gov.cn/"),
        ("ftp://example.gov.cn/", "应以 http:// 或 https:// 开头"),
        ("https://rd.example.gov.cn/index.html", "以文件名“index.html”结尾，请去掉它：https://rd.example.gov.cn/"),
        ("https://rd.example.gov.cn/?page=1", "网址里不能有空格、? 或 #"),
    ])
    func aBadBaseURLIsExplained(address: String, reason: String) throws {
        let result = try renda(["build", "--base-url", address], in: try fixtureSite())
        #expect(result.status == 2)
        #expect(result.stderr == "错误：--base-url “\(address)” 不是有效的网址：\(reason)。\n")
    }

    /// Staff mistype commands: the first line says what is wrong in Chinese, and how to fix it.
    @Test(arguments: [
        (["buld"], "错误：没有“buld”这个命令。是否想用 renda build？"),
        (["bulid", "--output", "x"], "错误：没有“bulid”这个命令。是否想用 renda build？"),
        (["serve", "--prot", "8080"], "错误：没有选项 --prot。是否想用 --port？"),
        (["check", "/srv/site"], "错误：看不懂的参数“/srv/site”。要指定站点目录请写 --root 目录"),
        // The kind left out: the parser takes the title for the kind.
        (["new", "会议通知"], "错误：缺少文章类型。用法：renda new news|report|deputy|page 标题\n"),
        (["new", "--root", ".", "会议通知", "--bundle"], "错误：缺少文章类型。用法：renda new news|report|deputy|page 标题\n"),
        (["new", "news", "县人大常委会", "召开会议"], "错误：看不懂的参数“召开会议”。"),
        (["build", "--outptu", "x"], "错误：没有选项 --outptu。是否想用 --output？"),
        // A shortened option means the one it starts (edit distance alone gives --root).
        (["build", "--out", "x"], "错误：没有选项 --out。是否想用 --output？"),
        (["build", "--draft"], "错误：没有选项 --draft。是否想用 --drafts？"),
        (["build", "--baseURL", "https://www.example.gov.cn/"], "错误：没有选项 --baseURL。是否想用 --base-url？"),
        // The output folder by the names other generators give it.
        (["build", "--destination", "x"], "错误：没有选项 --destination。是否想用 --output？"),
        (["build", "-o", "x"], "错误：没有选项 -o。是否想用 --output？"),
        (["build", "-D"], "错误：没有选项 -D。是否想用 --drafts？"),
        // A flag given a value, as in other tools' --drafts=true.
        (["build", "--drafts=yes"], "错误：选项 --drafts 后面不写值（这里写了“yes”）。要用它就只写 --drafts，不用就不写。"),
        (["new", "news"], "错误：缺少参数 <title>。"),
        (["build", "--output"], "错误：选项 --output <output> 后面要写一个值。"),
        (["serve", "--port", "八零"], "错误：“八零”不是 --port <port> 可用的值。"),
        (["serve", "--port", "80000"], "错误：端口 80000 超出范围：端口是 1–65535 之间的数，例如 --port 1314。\n"),
        (["new", "nwes", "标题"], "错误：未知的类型“nwes”"),
    ])
    func usageErrorsAreInChinese(arguments: [String], first: String) throws {
        let root = try fixtureSite()
        let result = try renda(arguments, in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(first), "\(result.stderr)")
        #expect(result.stderr.contains("renda --help"))
    }

    /// `renda new 标题`: the hint names the word taken for the kind and shows it after one, in
    /// place of the parser's help for the title.
    /// The example keeps the options typed (`--bundle`).
    @Test func aTitleWithoutItsKindIsExplained() throws {
        let result = try renda(["new", "县人大常委会召开会议"], in: try fixtureSite())
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count > 2)
        #expect(lines.first == "错误：缺少文章类型。用法：renda new news|report|deputy|page 标题")
        #expect(lines.dropFirst().first == "提示：“县人大常委会召开会议”不是文章类型。类型写在标题前面：news（或 动态）、report（或 报告）、"
            + "deputy（或 代表）、page（或 页面），例如：renda new news \"县人大常委会召开会议\"")
        #expect(!result.stderr.contains("<title>  标题"))
        let bundled = try renda(["new", "王秀兰", "--bundle", "--slug", "wang-xiulan"], in: try fixtureSite())
        #expect(bundled.stderr.contains("例如：renda new news \"王秀兰\" --bundle --slug wang-xiulan\n"), "\(bundled.stderr)")
    }

    @Test func anUnquotedTitleWithSpacesIsExplained() throws {
        let result = try renda(["new", "news", "县人大常委会", "召开会议"], in: try fixtureSite())
        #expect(result.stderr.contains("文章标题里有空格时，请用引号把标题括起来"))
    }

    @Test func helpExitsZero() throws {
        let result = try renda(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--base-url"))
        // Staff read the help: it is in Chinese.
        #expect(result.stdout.contains("生成网站") && result.stdout.contains("网站地址，代替 content/site.yml 里的 base_url"))
    }

    /// The words the parser writes itself, which staff would meet in English.
    static let parserEnglish = ["OVERVIEW", "USAGE", "Usage:", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Help:",
                                "Show help information", "Show the version", "default:", "See '", "<subcommand>"]

    /// The help screens' headings and the built-in flags in Chinese, with what each screen adds.
    @Test(arguments: [
        (["--help"], ["命令：", "  build                   生成网站", "运行 renda help <命令> 查看各命令的详细说明。"]),
        // An option whose help names its default is not given the parser's second one.
        (["build", "--help"], ["用法：renda build [--root <root>] [--output <output>]", "（默认是当前目录）。\n"]),
        (["help", "new"], ["参数：", "  <kind>                  类型：", "例如：\n  renda new news", "\n  renda new deputy \"王秀兰\" --bundle\n"]),
        (["serve", "-h"], ["（默认：127.0.0.1）", "（默认：1313）"]),
        (["check", "--help"], ["（可选：text、json；默认：text）"]),
    ])
    func helpIsInChinese(arguments: [String], expected: [String]) throws {
        let result = try renda(arguments, environment: ["COLUMNS": "200"])
        #expect(result.status == 0)
        for english in Self.parserEnglish { #expect(!result.stdout.contains(english), "\(english) in:\n\(result.stdout)") }
        for chinese in ["说明：", "用法：renda", "选项：", "  --version               显示版本号。", "  -h, --help              显示帮助。"]
            + expected {
            #expect(result.stdout.contains(chinese), "\(chinese) missing from:\n\(result.stdout)")
        }
    }

    /// Chinese characters take two columns: the help is folded to the terminal by columns, each
    /// row going on under its own text, and the usage line is left whole as the parser leaves it.
    @Test(arguments: ["80", "50"])
    func helpFitsTheTerminal(columns: String) throws {
        let result = try renda(["new", "--help"], environment: ["COLUMNS": columns])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let width = { (line: String) in line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        for line in lines where !line.hasPrefix("用法：") {
            #expect(width(line) <= Int(columns)!, "\(line)")
        }
        let rows = lines.drop { $0 != "选项：" }.dropFirst()
        #expect(rows.allSatisfy { $0.hasPrefix("  -") || $0.hasPrefix(String(repeating: " ", count: 26)) && $0.dropFirst(26).first != " " },
                "\(rows)")
        // Nothing is lost in the folding but the spaces where it broke.
        #expect(lines.joined().filter { $0 != " " }.contains("站点目录，其中有content/和themes/（默认是当前目录）。--version"))
    }

    @Test func theVersionIsPrintedAsBefore() throws {
        let result = try renda(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    /// After the Chinese first line of a usage error, the parser's usage and pointer lines too.
    @Test(arguments: [
        (["build", "--prot", "8000"], "用法：renda build [--root <root>]"),
        (["new"], "说明：<kind>  类型："),
        (["check", "--format", "xml"], "用法：renda check [--root <root>] [--output <output>] [--base-url <base-url>] [--format <format>]"),
    ])
    func usageLinesAreInChinese(arguments: [String], expected: String) throws {
        let result = try renda(arguments)
        #expect(result.status == 2)
        for english in Self.parserEnglish { #expect(!result.stderr.contains(english), "\(english) in:\n\(result.stderr)") }
        let command = "renda \(arguments[0]) --help"
        for chinese in [expected, "  运行 \(command) 查看详细说明。", "运行 renda --help 查看全部命令。"] {
            #expect(result.stderr.contains(chinese), "\(chinese) missing from:\n\(result.stderr)")
        }
    }
}
