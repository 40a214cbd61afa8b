import ArgumentParser
import Foundation
import RendaContent
import RendaCore
import RendaSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "生成网站：把 content/ 里的文章按主题生成到输出目录（默认 site/）。"
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: "输出目录（默认是站点目录下的 site/，带 --drafts 时是 site-drafts/）；生成成功后整个替换。")
    var output: String?

    @Option(name: .customLong("base-url"), help: "网站地址，代替 content/site.yml 里的 base_url。")
    var baseURL: String?

    @Flag(name: .long, help: "连同草稿和日期在未来的文章一起生成，只供预览，不要上传（默认写到 site-drafts/）。")
    var drafts = false

    @Flag(name: .long, help: "列出每个生成步骤的用时和处理器时间（各线程之和）。")
    var timings = false

    func run() throws {
        let rootURL = site.url
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let options = BuildOptions(root: rootURL, output: outputURL, baseURL: baseURL, includeDrafts: drafts)
        InterruptNote.install()
        // The process ends right after the build: its memory goes back to the system at once.
        switch SiteBuilder(options: options).build(freeingMemory: false) {
        case .success(let report):
            Console.print(report.diagnostics)
            Console.summary(report, output: options.output.path, timings: timings)
            if drafts {
                Console.error("注意：这是连同草稿和未到发布日期的文章生成的预览，不要上传到网站服务器；发布请运行 renda build（不加 --drafts）。")
            }
        case .failure(.content(let diagnostics)):
            Console.print(diagnostics)
            let count = diagnostics.errors.count
            // An output folder that is not there has nothing to keep (run in the wrong folder, say).
            let kept = FileManager.default.fileExists(atPath: options.output.path) ? "（\(options.output.path) 保持原样）" : ""
            Console.error("构建失败：发现 \(count) 个错误，没有写入任何文件\(kept)。")
            throw ExitCode(1)
        case .failure(.usage(let message)):
            Console.error("错误：\(message)")
            throw ExitCode(2)
        case .failure(.output(let message)):
            let kept = FileManager.default.fileExists(atPath: options.output.path) ? "（\(options.output.path) 保持原样）" : ""
            Console.error("错误：\(message)\n生成失败，没有换上新网站\(kept)。")
            throw ExitCode(3)
        }
    }
}
