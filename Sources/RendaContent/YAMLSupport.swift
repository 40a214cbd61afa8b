import RendaCore
import Yams

/// Parsing YAML with positions, and turning Yams' errors into messages staff can act on.
enum YAMLSupport {
    /// Why libyaml refused a text: the lines that show a known slip, or else its own complaint.
    struct Refusal: Error {
        let diagnostics: [Diagnostic]
    }

    /// A boolean as staff write one: YAML's true/false (yes/no, on/off) or the Chinese 是/否.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "是": true
        case "false", "no", "off", "否": false
        default: nil
        }
    }

    /// Composes a YAML document into nodes that keep their line marks.
    /// `lineOffset` is added to Yams' lines (front matter starts after the opening `---`).
    static func compose(_ text: String, file: String, lineOffset: Int = 0) -> Result<Node?, Refusal> {
        do {
            // UTF-8 given explicitly: Yams' `.default` reads the environment on every call.
            // `.basic` resolves no implicit tags: every scalar is read as text by `Node.text`
            // anyway, and the default resolver runs regular expressions on every key it hashes.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            // libyaml notices most slips a line late and in its own terms; a line that shows a
            // known slip is named instead.
            let slips = YAMLLineCheck.slips(in: text, file: file, lineOffset: lineOffset)
            return .failure(Refusal(diagnostics: slips.isEmpty ? [diagnostic(for: error, file: file, lineOffset: lineOffset)] : slips))
        } catch {
            return .failure(Refusal(diagnostics: [.error(SourceLocation(file: file), "字段无法读取：\(error)",
                                                         hint: "检查字段的缩进与冒号。")]))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let (message, hint) = explain(problem)
            return .error(SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                          message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                          "字段重复：\(duplicates.joined(separator: "、"))",
                          hint: "每个字段只能写一次，请删去多余的一行。")
        case let .reader(problem, _, _, yaml):
            // The text is UTF-8 by now (`SourceText`): what libyaml's reader refuses is a control
            // character pasted from Word, named on its line.
            if let (line, scalar) = firstControlCharacter(in: yaml) {
                return .error(SourceLocation(file: file, line: line + lineOffset),
                              "这一行有看不见的控制字符（\(String(format: "U+%04X", scalar.value))\(InvisibleCharacter.name(scalar) ?? "")），字段无法读取",
                              hint: "多半是从 Word 复制来的：删掉这一行的值，重新输入或只粘贴文字。")
            }
            return .error(SourceLocation(file: file), "字段无法读取：\(problem)", hint: "请将文件另存为 UTF-8 编码。")
        default:
            return .error(SourceLocation(file: file), "字段无法读取：\(error)", hint: "检查字段的缩进与冒号。")
        }
    }

    /// The 1-based line of the first control character libyaml refuses, and the character.
    private static func firstControlCharacter(in text: String) -> (Int, Unicode.Scalar)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if InvisibleCharacter.isControl(scalar) { return (line, scalar) }
        }
        return nil
    }

    /// Chinese wording for libyaml's most common complaints, keeping the original for the curious.
    private static func explain(_ problem: String) -> (String, String) {
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return ("字段格式错误：这一行多了一个冒号（\(problem)）",
                    "值里的冒号请用中文冒号“：”；要保留英文冒号“:”时，把整个值用英文双引号括起来，例如 \"会议: 通知\"。")
        case let p where p.contains("did not find expected key") || p.contains("could not find expected ':'"):
            return ("字段格式错误：缺少冒号或缩进不对（\(problem)）",
                    "每行写成“字段: 值”，冒号后加一个空格；同一层的字段要对齐。")
        case let p where p.contains("found character that cannot start any token"):
            return ("字段格式错误：值以不允许的字符开头（\(problem)）",
                    "以 @、`、% 等符号开头的值请用英文双引号括起来；缩进只能用空格，不能用 Tab。")
        case let p where p.contains("found unexpected end of stream") || p.contains("found unknown escape"):
            return ("字段格式错误：引号没有成对（\(problem)）", "检查这一行的引号是否成对出现。")
        case let p where p.contains("found a tab character"):
            return ("字段格式错误：用了 Tab（制表符）缩进（\(problem)）", "只能用空格缩进，请把行首的 Tab 换成空格。")
        case let p where p.contains("expected ',' or ']'") || p.contains("expected ',' or '}'"):
            return ("字段格式错误：括号没有成对，或列表各项之间不是英文逗号（\(problem)）",
                    "列表写成 topics: [监督工作, 人事任免]：各项之间用英文逗号，最后补上 ]。")
        case let p where p.contains("expected alphabetic or numeric character") || p.contains("tag URI") || p.contains("tag handle")
            || p.contains("expected whitespace or line break") || p.contains("expected comment or line break"):
            return ("字段格式错误：值以 *、&、!、| 或 > 开头，会被当作特殊符号（\(problem)）",
                    "把整个值用英文双引号括起来，例如 \"**重要**会议\"。")
        default:
            return ("字段格式错误（\(problem)）", "检查这一行的缩进、冒号和引号。")
        }
    }
}

extension Node {
    /// 1-based line of the node in the YAML text it came from.
    var line: Int? { mark?.line }

    /// The text of a scalar, trimmed; nil for mappings, sequences and YAML null.
    var text: String? {
        guard let scalar else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string.trimmingSpaces()
    }

    /// A boolean written as YAML's true/false or the Chinese 是/否.
    var flag: Bool? { text.flatMap(YAMLSupport.flag) }

    var integer: Int? { text.flatMap { Int($0) } }
}
