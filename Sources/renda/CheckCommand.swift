import ArgumentParser
import Foundation
import RendaCore
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

    @Option(name: .long, help: "输出格式：text（文件:行:列: 级别: 说明）或 json。")
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(root: site.url)
        let diagnostics: Diagnostics
        switch SiteBuilder(options: options).check() {
        case .success(let found), .failure(.content(let found)):
            diagnostics = found
        case .failure(.usage(let message)):
            Console.error("错误：\(message)")
            throw ExitCode(2)
        }
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

/// `--format json`: one object per problem, keys sorted, for editors and CI tools.
enum DiagnosticJSON {
    struct Entry: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var hint: String?
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
