import Foundation
import RendaContent
import RendaCore
import RendaServer
@testable import RendaSite
import Testing

/// The real server on a free loopback port, with the real file watcher, over real HTTP.
@Suite("renda serve over HTTP", .serialized)
struct PreviewServerTests {
    final class Running: @unchecked Sendable {
        let sample: SampleSite
        let server: PreviewServer
        let host: String
        let port: UInt16

        init(baseURL: String? = nil, drafts: Bool = false) async throws {
            sample = try SampleSite()
            if let baseURL {
                try sample.replace("content/site.yml", "https://rd.qinghe.example.gov.cn/", with: baseURL)
            }
            server = try PreviewServer(options: ServeOptions(root: sample.root, port: 0, includeDrafts: drafts, now: { testNow }))
            (host, port) = try await server.start()
        }

        func get(_ target: String, method: String = "GET") throws -> RawResponse {
            try request(port: port, target, method: method)
        }

        func status() throws -> (build: Int, errors: [String]) {
            let object = try JSONSerialization.jsonObject(with: try get("/__renda/status?since=-1").body) as? [String: Any]
            return (object?["build"] as? Int ?? -1, object?["errors"] as? [String] ?? [])
        }

        func stop() async {
            await server.stop()
            sample.cleanUp()
        }
    }

    @Test func servesThePagesWithUTF8ContentTypesAndTheReloadScript() async throws {
        try await serve { running in
            // Loopback unless told otherwise, and its own folder: `site/` is `renda build`'s.
            #expect(running.host == "127.0.0.1")
            #expect(running.server.options.output.lastPathComponent == ".renda-serve")
            #expect(!FileManager.default.fileExists(atPath: running.sample.url("site").path))
            let home = try running.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.text.contains("青禾县人大常委会"))
            #expect(home.text.contains("data-renda-build="))
            #expect(home.header("Cache-Control") == "no-store")

            // The files on disk, like `renda build` output, never carry the script.
            running.server.waitUntilWritten()
            let onDisk = try String(contentsOf: running.server.options.output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__renda"))
            #expect(home.text.replacingOccurrences(of: #"<script data-renda-build="\d+" src="/__renda/live.js"></script>\n"#,
                                                   with: "", options: .regularExpression) == onDisk)

            let css = try #require(home.text.firstMatch(of: /href="(\/assets\/style\.[0-9a-f]+\.css)"/)?.1)
            #expect(try running.get(String(css)).header("Content-Type") == "text/css; charset=utf-8")
            let js = try #require(home.text.firstMatch(of: /src="(\/assets\/site\.[0-9a-f]+\.js)"/)?.1)
            #expect(try running.get(String(js)).header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(try running.get("/feed.xml").header("Content-Type") == "application/xml; charset=utf-8")
            #expect(try running.get("/sitemap.xml").header("Content-Type") == "application/xml; charset=utf-8")
            #expect(try running.get("/robots.txt").header("Content-Type") == "text/plain; charset=utf-8")
            #expect(try running.get("/__renda/status").header("Content-Type") == "application/json; charset=utf-8")
            #expect(try running.get("/__renda/live.js").header("Content-Type") == "text/javascript; charset=utf-8")

            let news = try running.get("/news")
            #expect(news.status == 302 && news.header("Location") == "/news/")
            let head = try running.get("/news/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && Int(head.header("Content-Length") ?? "") ?? 0 > 0)
            #expect(try running.get("/", method: "POST").status == 405)
        }
    }

    @Test func missingPagesGetTheSitesOwn404Page() async throws {
        try await serve { running in
            let missing = try running.get("/news/no-such-item/")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            running.server.waitUntilWritten()
            let page = try String(contentsOf: running.server.options.output.appendingPathComponent("404.html"), encoding: .utf8)
            #expect(missing.text.hasPrefix(String(page.prefix(200))))
            #expect(missing.text.contains("data-renda-build="))
            // The folder's own marker and other dot files are not part of the site.
            #expect(try running.get("/.renda-output").status == 404)
        }
    }

    @Test func pathTraversalIsRefused() async throws {
        try await serve { running in
            let secret = running.sample.url("secret.txt")
            try "机密".write(to: secret, atomically: true, encoding: .utf8)
            for target in ["/../secret.txt", "/news/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                           "/news/..%2f..%2fsecret.txt", "/..%5c..%5csecret.txt", "/%2e%2e%2fsecret.txt", "/news/%00/index.html"] {
                let response = try running.get(target)
                // Refused before the file system is touched (README: answered 400), not merely not found.
                #expect(response.status == 400, "\(target) → \(response.status)")
                #expect(!response.text.contains("机密"), "\(target)")
            }
            // A symbolic link inside the folder that leads out of it serves nothing.
            running.server.waitUntilWritten()
            let output = running.server.options.output
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("leak.txt"), withDestinationURL: secret)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("outside"),
                                                       withDestinationURL: running.sample.root)
            for target in ["/leak.txt", "/outside/secret.txt", "/outside/content/site.yml"] {
                let response = try running.get(target)
                #expect(response.status == 404, "\(target) → \(response.status)")
                #expect(!response.text.contains("机密"))
            }
        }
    }

    @Test func aSavedChangeIsServed() async throws {
        try await serve { running in
            let file = try running.sample.firstNews()
            let page = try itemPage(of: file, in: running)
            #expect(try !running.get(page).text.contains("甲乙丙丁"))
            try running.sample.write(file, try running.sample.read(file) + "\n这是预览测试新增的一段：甲乙丙丁。\n")
            #expect(try eventually { try running.get(page).text.contains("甲乙丙丁") })

            // A new title shows on the pages that list the item too.
            try running.sample.replace(file, "title: \"县十九届人大二次会议胜利闭幕\"", with: "title: \"县十九届人大二次会议闭幕（改）\"")
            #expect(try eventually { try running.get("/archive/2022/").text.contains("县十九届人大二次会议闭幕（改）") })
        }
    }

    @Test func underASubPathTheRootRedirectsToTheSite() async throws {
        try await serve(baseURL: "https://www.example.gov.cn/rd/") { running in
            let root = try running.get("/")
            #expect(root.status == 302 && root.header("Location") == "/rd/")
            #expect(try running.get("/rd").status == 302)
            let home = try running.get("/rd/")
            #expect(home.status == 200 && home.text.contains("href=\"/rd/news/\""))
            #expect(try running.get("/news/").status == 404)
        }
    }

    @Test func anErrorIsReportedWhileTheLastGoodPageIsServed() async throws {
        try await serve { running in
            let file = try running.sample.firstNews()
            let page = try itemPage(of: file, in: running)
            let good = try running.get(page).text
            let firstBuild = try running.status().build

            try running.sample.write(file, try running.sample.read(file) + "\n[坏链接](../reports/no-such-report.md)\n")
            #expect(try eventually { try !running.status().errors.isEmpty })
            let reported = try running.status().errors
            guard case .failure(.content(let checked)) = SiteBuilder(options: BuildOptions(root: running.sample.root, now: testNow)).check() else {
                throw TestFailure("renda check must report the broken link")
            }
            #expect(reported == checked.sorted.filter { $0.severity == .error }.map(\.description))
            #expect(reported.contains { $0.contains("no-such-report.md") && $0.contains("提示：") })
            // The last good page is still served, with the script that shows the overlay.
            let stale = try running.get(page)
            #expect(stale.status == 200)
            #expect(stale.text == good)

            try running.sample.replace(file, "\n[坏链接](../reports/no-such-report.md)\n", with: "\n改好了：戊己庚辛。\n")
            #expect(try eventually { try running.status().errors.isEmpty && running.status().build > firstBuild })
            #expect(try eventually { try running.get(page).text.contains("戊己庚辛") })
        }
    }

    @Test func aTemplateChangeIsServed() async throws {
        try await serve { running in
            let page = try itemPage(of: try running.sample.firstNews(), in: running)
            try running.sample.replace("themes/default/templates/single.mustache", "</article>", with: "</article>\n<p>模板已改：子丑寅卯</p>")
            #expect(try eventually { try running.get(page).text.contains("子丑寅卯") })
            // Saved in one step: written in place, a loaded machine may show the watcher the file
            // emptied before it is written, and the preview rightly keeps that (empty) build as
            // the last good one.
            try running.sample.replace("themes/default/templates/single.mustache", "{{", with: "{{#", atomically: true)
            #expect(try eventually { try running.status().errors.contains { $0.contains("single.mustache") } })
            #expect(try running.get(page).text.contains("子丑寅卯"))
        }
    }

    @Test func draftsAreShownMarkedWithDrafts() async throws {
        try await serve(drafts: true) { running in
            try running.sample.write("content/news/2026-05-30-cao-gao.md", """
            ---
            title: 尚未发布的新闻稿件
            date: 2026-05-30
            draft: true
            ---
            正文。
            """)
            #expect(try eventually { try running.get("/news/cao-gao/").text.contains("尚未发布的新闻稿件") })
            #expect(try running.get("/news/cao-gao/").text.contains("<span class=\"badge\">草稿</span>"))
        }
    }

    /// Runs `body` against a fresh server on a private sample copy, and stops it afterwards.
    private func serve(baseURL: String? = nil, drafts: Bool = false, _ body: (Running) async throws -> Void) async throws {
        let running = try await Running(baseURL: baseURL, drafts: drafts)
        do {
            try await body(running)
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    /// The site path of the item a content file becomes.
    private func itemPage(of file: String, in running: Running) throws -> String {
        let (content, _) = ContentLoader(root: running.sample.root).load()
        let item = try #require(content?.items.first { $0.sourcePath == file })
        return item.path
    }
}
