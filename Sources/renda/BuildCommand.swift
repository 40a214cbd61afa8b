import ArgumentParser
import Foundation
import RendaContent
import RendaCore
import RendaSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ and the theme into the output folder."
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: "Where to write the site (default: ROOT/site). Replaced whole on success.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from content/site.yml.")
    var baseURL: String?

    @Flag(name: .long, help: "Include drafts and items dated in the future.")
    var drafts = false

    @Flag(name: .long, help: "Print the time each build stage took.")
    var timings = false

    func run() throws {
        let rootURL = site.url
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let options = BuildOptions(root: rootURL, output: outputURL, baseURL: baseURL, includeDrafts: drafts)
        // The process ends right after the build: its memory goes back to the system at once.
        switch SiteBuilder(options: options).build(freeingMemory: false) {
        case .success(let report):
            Console.print(report.diagnostics)
            Console.summary(report, output: options.output.path, timings: timings)
        case .failure(.content(let diagnostics)):
            Console.print(diagnostics)
            let count = diagnostics.errors.count
            Console.error("构建失败：发现 \(count) 个错误，没有写入任何文件（\(options.output.path) 保持原样）。")
            throw ExitCode(1)
        case .failure(.usage(let message)):
            Console.error("错误：\(message)")
            throw ExitCode(2)
        }
    }
}
