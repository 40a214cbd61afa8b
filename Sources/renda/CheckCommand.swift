import ArgumentParser
import Foundation
import RendaCore
import RendaLinkChecker
import RendaSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查整个网站，只读不写，一次列出所有问题。"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: "上次生成的输出目录，用来找出上次有、这次没有了的文章（默认是站点目录下的 site/，与 renda build 相同）。")
    var output: String?

    @Option(name: .customLong("base-url"), help: "网站地址，代替 content/site.yml 里的 base_url（与生成时用的相同）。")
    var baseURL: String?

    @Option(name: .long, help: "输出格式：text（文件:行:列: 级别: 说明）或 json。")
    var format: Format = .text

    @Flag(name: .long, help: "同时检查文章和菜单里的外部链接能否打开（需要联网，链接多时要几分钟）。")
    var external = false

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let options = BuildOptions(root: site.url, output: outputURL, baseURL: baseURL)
        let report: CheckReport
        switch SiteBuilder(options: options).inspect() {
        case .success(let found):
            report = found
        case .failure(let failure):
            Console.error("错误：\(failure.message)")
            throw ExitCode(2)
        }
        var diagnostics = report.diagnostics
        if external { diagnostics.append(contentsOf: checkExternal(report.externalLinks, shortened: format == .text)) }
        switch format {
        case .text:
            for diagnostic in diagnostics.sorted { print(diagnostic.description) }
            let infos = diagnostics.all.filter { $0.severity == .info }.count
            print("检查完成：\(diagnostics.errors.count) 个错误，\(diagnostics.warnings.count) 条警告，\(infos) 条提示。")
        case .json:
            print(try DiagnosticJSON.encode(diagnostics.sorted))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// Asks for every off-site address, saying on stderr how far it has got (stdout stays the
    /// list, or the JSON, alone). `shortened` lists an address written in many places at its first
    /// few only (the text for people; JSON, for tools, has them all).
    func checkExternal(_ links: [ExternalLink], shortened: Bool) -> [Diagnostic] {
        guard !links.isEmpty else {
            Console.error("没有外部链接需要检查。")
            return []
        }
        let total = links.count
        Console.error("正在检查 \(total) 个外部链接……")
        let interactive = isatty(STDERR_FILENO) == 1
        let results = Console.waiting {
            await ExternalLinkChecker().check(links) { done in
                if interactive { Console.progress("已检查 \(done)/\(total)") }
            }
        }
        if interactive { Console.progress(nil) }
        let failed = results.filter { $0.1 != .ok }.count
        Console.error("外部链接检查完成：\(total) 个中 \(failed) 个没有打开。")
        return LinkDiagnostics.diagnostics(results, shortened: shortened)
    }
}

/// `--format json`: one object per problem, keys sorted, for editors and CI tools.
enum DiagnosticJSON {
    struct Entry: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var hint: String?

        enum CodingKeys: String, CodingKey { case file, line, column, severity, message, hint }

        // Every key in every entry, null where there is none (a problem of a whole file has no
        // line): a tool reading the array need not ask whether a key is there.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }
    }

    static func encode(_ diagnostics: [Diagnostic]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let entries = diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, message: $0.message, hint: $0.hint)
        }
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
