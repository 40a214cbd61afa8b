import Foundation
import RendaCore

/// swift-argument-parser writes the frame of its help screens and usage lines in English (the
/// headings, its own --help and --version, "(default: …)", the "See …" pointers) and offers no way
/// to change those words. Staff read Chinese, so `renda` takes the parser's text and replaces them
/// line by line; option names and metavariables stay as the parser wrote them.
enum HelpText {
    /// Asked of the parser, so that it breaks no line: it counts characters where a terminal counts
    /// columns (a Chinese character takes two), and a break could split the English replaced here.
    /// `screen` folds the Chinese text to the terminal instead.
    static let unwrapped = Int.max

    /// Where the parser starts the text of a row under a heading (its `labelColumnWidth`).
    static let labelColumn = 26

    /// The parser's words at the start of a line: the help's headings, and in a usage error the
    /// option's help (`Help:`) and the command's usage.
    private static let headings = [
        ("OVERVIEW: ", "说明："), ("USAGE: ", "用法："), ("Usage: ", "用法："), ("Help:  ", "说明："),
        ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "命令："),
    ]

    /// The help of the flags the parser adds to every command.
    private static let builtInFlags = [("Show the version.", "显示版本号。"), ("Show help information.", "显示帮助。")]

    static func chinese(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { translate(String($0)) }
            .joined(separator: "\n")
    }

    /// A help screen (or the version) in Chinese, folded to the terminal's width.
    static func screen(_ text: String, columns: Int = terminalColumns) -> String {
        chinese(text).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { fold(String($0), to: columns) }.joined(separator: "\n")
    }

    private static func translate(_ line: String) -> String {
        var line = line
        for (english, chinese) in headings where line.hasPrefix(english) {
            line = chinese + line.dropFirst(english.count)
        }
        for (english, chinese) in builtInFlags where line.hasSuffix(english) {
            line = line.dropLast(english.count) + chinese
        }
        // What the parser adds after an option's own help: ` (values: a, b; default: x)`, or either part.
        let valuesAndDefault = #/ \((?:values: (?<values>[^;)]+))?(?:; )?(?:default: (?<value>.+))?\)$/#
        if let match = line.firstMatch(of: valuesAndDefault), match.values != nil || match.value != nil {
            let own = line[..<match.range.lowerBound]
            // An option whose own help says what its default is (`（默认是当前目录）`) needs no second one.
            let parts = [match.values.map { "可选：" + $0.replacingOccurrences(of: ", ", with: "、") },
                         own.contains("默认") ? nil : match.value.map { "默认：" + $0 }].compactMap(\.self)
            line = own + (parts.isEmpty ? "" : "（" + parts.joined(separator: "；") + "）")
        }
        // The command's own name is `<subcommand>` to the parser; staff know them as 命令.
        line = line.replacingOccurrences(of: "<subcommand>", with: "<命令>")
        if let match = line.wholeMatch(of: #/  See '(?<command>.+) <命令>' for detailed help\./#) {
            line = "  运行 \(match.command) <命令> 查看各命令的详细说明。"
        } else if let match = line.wholeMatch(of: #/  See '(?<command>.+)' for more information\./#) {
            line = "  运行 \(match.command) 查看详细说明。"
        }
        return line
    }

    /// The width the parser would wrap to: COLUMNS, else the terminal's, else 80.
    static var terminalColumns: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Columns in a terminal: two for Chinese characters and full-width punctuation.
    static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJK.isWide($1) ? 2 : 1) }
    }

    /// A line cut into lines no wider than `columns` where it can be. A row under a heading goes on
    /// under its text, at the label column; the usage line stays whole, as the parser leaves it.
    static func fold(_ line: String, to columns: Int) -> [String] {
        guard !line.hasPrefix("用法：") else { return [line] }
        let indent = line.hasPrefix("  ") ? labelColumn : 0
        var lines: [String] = []
        var rest = line
        while width(rest) > columns, let cut = breakIndex(in: rest, after: indent, within: columns) {
            var row = rest[..<cut]
            while row.last == " " { row = row.dropLast() }
            lines.append(String(row))
            rest = String(repeating: " ", count: indent) + rest[cut...].drop { $0 == " " }
        }
        return lines + [rest]
    }

    /// Where to break the line within `columns`, past the first `start` ones (the label): at a
    /// space or a punctuation mark if that leaves the line a third full or more (one character
    /// alone on the next line reads badly), else at the last place it may break at all.
    private static func breakIndex(in line: String, after start: Int, within columns: Int) -> String.Index? {
        var column = 0
        var last: String.Index?, lastGood: String.Index?
        var previous: Character?
        for index in line.indices {
            guard column <= columns else { break }
            if let previous, column > start, let good = breakQuality(between: previous, and: line[index]) {
                last = index
                if good, column - start >= (columns - start) / 3 { lastGood = index }
            }
            column += width(String(line[index]))
            previous = line[index]
        }
        return lastGood ?? last
    }

    /// Nil where the line may not break: between letters, and before a closing mark (，。）) or
    /// after an opening one (（“), which no line starts or ends with. True at a space or beside a
    /// mark, false between two Chinese characters.
    private static func breakQuality(between before: Character, and after: Character) -> Bool? {
        if before == " " || after == " " { return true }
        guard let left = before.unicodeScalars.first, let right = after.unicodeScalars.first,
              CJK.isWide(left) || CJK.isWide(right) else { return nil }
        let opening: [Unicode.GeneralCategory] = [.openPunctuation, .initialPunctuation]
        let closing: [Unicode.GeneralCategory] = [.closePunctuation, .finalPunctuation, .otherPunctuation]
        if opening.contains(left.properties.generalCategory) || closing.contains(right.properties.generalCategory) { return nil }
        return closing.contains(left.properties.generalCategory) || opening.contains(right.properties.generalCategory)
    }
}
