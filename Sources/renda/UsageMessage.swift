import Foundation
import RendaCore
import RendaScaffold

/// swift-argument-parser's usage errors in Chinese: staff read these when a command is mistyped
/// (`renda buld`, `renda new` without a title). The usage lines after the first keep the command
/// as the parser wrote it, as it must be typed; only their words are Chinese (`HelpText`).
enum UsageMessage {
    /// The commands as `Renda` declares them.
    static let subcommands = Renda.configuration.subcommands.compactMap { $0.configuration.commandName }

    /// A first word that is no command (`renda bulid --output x`): the parser would complain of
    /// the option instead, which is not the mistake.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !(subcommands + ["help"]).contains(first) else { return nil }
        let guess = Suggestion.closest(to: first, in: subcommands).map { "是否想用 renda \($0)？" }
            ?? "命令是 build（生成）、check（检查）、new（新建）或 serve（预览）。"
        return "错误：没有“\(first)”这个命令。" + guess + "\n运行 renda --help 查看全部命令。"
    }

    /// `arguments` are the command line's, without the program's name.
    static func chinese(_ message: String, arguments: [String] = []) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.hasPrefix("Error: ") else { return HelpText.chinese(message) }
        let text = String(first.dropFirst("Error: ".count))
        let options = message.split(whereSeparator: { " []<>\n".contains($0) }).filter { $0.hasPrefix("--") }.map(String.init)
        if text == "Missing expected argument '<title>'", let word = NewCommand.kindWord(in: arguments),
           NewItemKind(word: word) == nil {
            // `renda new 标题`: the parser takes the title for the kind and asks for a title.
            lines[0] = "错误：缺少文章类型。用法：renda new news|report|deputy|page 标题"
            // In place of the title's help, which the parser adds.
            if lines.count > 1, lines[1].hasPrefix("Help:") {
                // No full stop after the example: copied with it, the command would fail anew.
                lines[1] = "提示：“\(word)”不是文章类型。类型写在标题前面：\(NewItemKind.listed)，"
                    + "例如：\(example(arguments, kindBefore: word))"
            }
        } else {
            guard let translated = translate(text, options: options) else { return HelpText.chinese(message) }
            lines[0] = "错误：" + translated
        }
        // The parser's last line points to the command's own help; the list of commands is at
        // `renda --help`, unless that is the line already.
        let commands = message.contains("See 'renda --help'") ? "" : "\n运行 renda --help 查看全部命令。"
        return HelpText.chinese(lines.joined(separator: "\n")) + commands
    }

    /// The command as typed with `news` before the title, the options kept (`--bundle`).
    private static func example(_ arguments: [String], kindBefore title: String) -> String {
        var placed = false
        let words = arguments.map { word -> String in
            let quoted = word.contains(where: { $0 == " " || $0 == "\u{3000}" }) || word == title ? "\"\(word)\"" : word
            guard word == title, !placed else { return quoted }
            placed = true
            return "news " + quoted
        }
        return (["renda"] + words).joined(separator: " ")
    }

    /// The option meant by a mistyped one. A shortened name (`--out`, `--base`) or one spelled
    /// out longer means the option it starts or is started by, which edit distance alone misses
    /// (`--out` is closer to `--root` than to `--output`). Hugo's and Zola's names for the output
    /// folder (`-d`, `--destination`, `-o`, `--output-dir`) and Hugo's `-D` for drafts mean
    /// renda's own.
    static func guess(_ option: String, among options: [String]) -> String? {
        let others: [String: String] = ["-d": "--output", "-o": "--output", "-D": "--drafts"]
        if let meant = others[option], options.contains(meant) { return meant }
        let name = option.drop(while: { $0 == "-" }).lowercased()[...]
        let outputNames: Set<Substring> = ["destination", "dest", "out-dir", "output-dir", "outdir", "public"]
        if outputNames.contains(name), options.contains("--output") { return "--output" }
        // One letter is too little to guess from.
        guard name.count >= 2 else { return nil }
        let related = Set(options.filter { $0.dropFirst(2).hasPrefix(name) || name.hasPrefix($0.dropFirst(2)) })
        if related.count == 1 { return related.first }
        return Suggestion.closest(to: "--" + name, in: options)
    }

    /// The messages the parser gives for what people mistype; others stay in English.
    private static func translate(_ text: String, options: [String]) -> String? {
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
        let quoted = parts.filter { $0.offset % 2 == 1 }.map { String($0.element) }
        // renda's own messages (ValidationError) are Chinese already: only the prefix changes.
        let unquoted = parts.filter { $0.offset % 2 == 0 }.map(\.element).joined()
        if unquoted.unicodeScalars.contains(where: { $0.value > 0x2E7F }) { return text }
        if text.hasPrefix("Unexpected argument") || text.contains("unexpected arguments"), let argument = quoted.first {
            var line = "看不懂的参数" + quoted.map { "“\($0)”" }.joined() + "。"
            if quoted.count == 1, let command = Suggestion.closest(to: argument, in: subcommands) {
                line += "是否想用 renda \(command)？"
            } else if quoted.contains(where: { $0.contains("/") || $0 == "." || $0 == "site" }) {
                line += "要指定站点目录请写 --root 目录，输出目录请写 --output 目录。"
            } else {
                line += "命令是 build（生成）、check（检查）、new（新建）或 serve（预览）；文章标题里有空格时，请用引号把标题括起来。"
            }
            return line
        }
        if text.hasPrefix("Unknown option"), let option = quoted.first {
            // Our own guess among the command's options: the parser's can be far off
            // (--prot → --root).
            let hint = guess(option, among: options.filter { $0 != option }).map { "是否想用 \($0)？" } ?? ""
            return "没有选项 \(option)。" + hint
        }
        if text.hasPrefix("Missing expected argument"), let argument = quoted.first {
            if argument == "<title>" || argument == "<kind>" {
                return "缺少参数 \(argument)。写法：renda new 类型 \"标题\"，类型是 news、report、deputy 或 page。"
            }
            return "缺少参数 \(argument)。"
        }
        if text.hasPrefix("Missing value for"), let option = quoted.first {
            return "选项 \(option) 后面要写一个值。"
        }
        if text.hasPrefix("The value"), quoted.count >= 2 {
            return "“\(quoted[0])”不是 \(quoted[1]) 可用的值。"
        }
        if text.hasPrefix("The value"), let value = quoted.first {
            return "“\(value)”不是可用的值。"
        }
        if text.contains("does not take any value"), quoted.count >= 2 {
            return "选项 \(quoted[0]) 后面不写值（这里写了“\(quoted[1])”）。要用它就只写 \(quoted[0])，不用就不写。"
        }
        if text.hasPrefix("Missing one of"), !quoted.isEmpty {
            return "缺少参数，应写 " + quoted.joined(separator: " 或 ") + "。"
        }
        if text.hasPrefix("Invalid option") {
            let option = text.dropFirst("Invalid option:".count).trimmingCharacters(in: .whitespaces)
            return "选项“\(option)”的写法不对：选项以 -- 开头，后面是英文名称，例如 --root。"
        }
        return nil
    }
}
