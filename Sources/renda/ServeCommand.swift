import ArgumentParser
import Dispatch
import Foundation
import RendaContent
import RendaCore
import RendaServer
import RendaSite

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "预览网站：生成到 .renda-serve/ 并在本机打开，文件一保存就重新生成、网页自动刷新。"
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: "监听的地址；写 0.0.0.0 可让局域网里的其他电脑也能预览。")
    var host: String = "127.0.0.1"

    /// An `Int`, so that a number too large is told the range rather than refused as no number.
    @Option(name: .long, help: "监听的端口。")
    var port: Int = 1313

    @Flag(name: .long, help: "连同草稿和日期在未来的文章一起预览（标有“草稿”“未发布”）。")
    var drafts = false

    @Flag(name: .long, help: "列出每次重新生成各步骤的用时。")
    var timings = false

    func validate() throws {
        // 0 asks the system for a free port (the tests do); staff are told the ports they can use.
        guard UInt16(exactly: port) != nil else {
            throw ValidationError("端口 \(port) 超出范围：端口是 1–65535 之间的数，例如 --port 1314。")
        }
    }

    func run() throws {
        // Without content/ there is nothing to preview or watch, and the preview folder would be
        // made in the wrong place.
        if let missing = ContentLoader(root: site.url).missingContentFolder() {
            Console.error(missing.description)
            throw ExitCode(1)
        }
        let options = ServeOptions(root: site.url, host: host, port: UInt16(port), includeDrafts: drafts)
        let console = ServeConsole(root: options.root.path, timings: timings)
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options) { console.report($0) }
        } catch {
            Console.error("错误：\(error)")
            throw ExitCode(2)
        }
        Swift.print("正在生成预览……")
        fflush(nil)
        let openToNetwork = !["127.0.0.1", "localhost", "::1"].contains(host)
        Task {
            do {
                let (host, port) = try await server.start()
                console.ready(url: server.homeURL(host: host, port: port), output: options.output.path,
                              openToNetwork: openToNetwork)
            } catch {
                Console.error("错误：\(error)")
                Foundation.exit(2)
            }
        }
        // Ctrl+C ends the preview normally; the preview folder stays until the next start.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        interrupt.setEventHandler {
            Swift.print("\n预览已停止。")
            Foundation.exit(0)
        }
        interrupt.resume()
        // The watcher holds the server weakly: keep it for as long as the process runs.
        withExtendedLifetime(server) { dispatchMain() }
    }
}

/// The preview's terminal output, in Chinese for the staff who run it.
final class ServeConsole: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    private var failing = false
    private var warnings: Set<Diagnostic> = []
    private let timings: Bool

    init(root: String, timings: Bool) {
        self.root = root
        self.timings = timings
    }

    func ready(url: String, output: String, openToNetwork: Bool) {
        lock.withLock {
            defer { fflush(nil) }
            Swift.print("预览地址：\(url)  （按 Ctrl+C 停止）")
            Swift.print("正在监视 content/ 和 themes/ 中的改动；保存后浏览器会自动刷新。预览文件在 \(output)，不要上传它，发布请用 renda build。")
            if openToNetwork {
                Swift.print("注意：预览对局域网开放，同一网络中的其他人也能看到尚未发布的内容。")
            }
        }
    }

    func report(_ event: PreviewEvent) {
        lock.withLock {
            // Lines must show as they happen, also when the output goes to a file or a pipe.
            defer { fflush(nil) }
            switch event {
            case .built(let report, let changed):
                printNewWarnings(report.diagnostics)
                let milliseconds = Int((report.seconds * 1000).rounded())
                if let changed {
                    Swift.print("[\(time())] \(describe(changed)) → 重新生成 \(report.pagesQueued) 个页面，用时 \(milliseconds) 毫秒")
                } else {
                    Swift.print("已生成：\(report.pagesQueued) 个页面，用时 \(String(format: "%.1f", report.seconds)) 秒")
                }
                if timings {
                    Swift.print("  " + report.timings.map { "\($0.stage) \(String(format: "%.1f", $0.seconds * 1000)) ms" }
                        .joined(separator: "，"))
                }
                if failing { Swift.print("错误已全部改正，网站已更新。") }
                failing = false
            case .failed(let diagnostics, let changed):
                if let changed {
                    Swift.print("[\(time())] \(describe(changed))")
                    fflush(nil) // before the errors, which go to unbuffered standard error
                }
                for diagnostic in diagnostics.sorted where diagnostic.severity == .error { Console.error(diagnostic.description) }
                Console.error("发现 \(diagnostics.errors.count) 个错误，网站没有更新：浏览器中会显示这些错误，"
                              + "页面保持上一次成功生成的样子。改正并保存后会自动更新。")
                failing = true
            case .problem(let message):
                Console.error("错误：\(message)")
            }
        }
    }

    /// Warnings are shown once, when they first appear, not on every save.
    private func printNewWarnings(_ diagnostics: Diagnostics) {
        let current = Set(diagnostics.warnings)
        for diagnostic in diagnostics.sorted where diagnostic.severity == .warning && !warnings.contains(diagnostic) {
            Console.error(diagnostic.description)
        }
        warnings = current
    }

    private func describe(_ changed: [String]) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let names = changed.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        if names.isEmpty { return "文件有改动" }
        return names.count <= 3 ? names.joined(separator: "、") + " 已改动" : "\(names[0]) 等 \(names.count) 个文件已改动"
    }

    private func time() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
