import RendaCore
import RendaMarkdown

/// What staff are told about Markdown that will not show as they wrote it. Warnings, not errors:
/// the page still builds, but a reader would see asterisks, pipes or a missing line.
enum MarkdownSlipNotes {
    static func diagnostic(_ slip: MarkdownSlip, at location: SourceLocation) -> Diagnostic {
        switch slip.kind {
        case .literalAsterisks:
            .warning(location, "这一行的 ** 没有变成加粗，会原样显示",
                     hint: "两个 ** 要成对，并紧贴要加粗的文字：写 **加粗**，不写 ** 加粗** 或 **加粗 **。"
                        + "加粗的文字以标点结尾时（如 **宪法进校园。**），后面的 ** 之后要空一格再接正文，网页上不会显示这个空格。")
        case .rawHTML:
            .warning(location, "这一行的 HTML 代码不会显示在网页上",
                     hint: "从 Word 或网页复制来的格式不会保留：请只粘贴文字，再用 Markdown 写标题、加粗和列表。要另起一行，在行末加一个 \\ 或空一行另起一段；表格请改写成列表或做成图片。")
        case .headingWithoutSpace:
            .warning(location, "这一行的 # 后面没有空格，不会成为标题，# 会原样显示",
                     hint: "小标题写成“## 标题”，# 和文字之间空一格（英文半角空格）；如果 # 本来就是正文的一部分，写成 \\#。")
        case .table:
            .warning(location, "这里的表格会原样显示成竖线和横线",
                     hint: "网页正文不支持 Markdown 表格：请改写成列表（每行以“- ”开头，如“- 项目名称：金额”），或把表格做成图片插入，并在图片说明里写明要点。")
        case .unparsedLink:
            .warning(location, "这一行的链接或图片没有生效，会原样显示",
                     hint: "写法是 [文字](地址) 或 ![图片说明](图片.jpg)：方括号和圆括号都用英文半角，地址和文件名里不能有空格（可改用短横线，如 hui-yi.jpg）。")
        case .listItemInParagraph:
            .warning(location, "这一行以编号或项目符号开头，像是单独的一条，但会接在上一行后面，成为同一段",
                     hint: "（一）、1、这样的条目前后各空一行，每条就是单独的一段；也可以写成 Markdown 列表，每行以“- ”开头。")
        case .tabInText:
            .warning(location, "这一行有制表符（Tab），网页上只显示成一个空格，几列文字会挤在一起",
                     hint: "从表格或 Word 粘贴的文字会带制表符：请改写成列表（每行以“- ”开头，如“- 项目名称：完成率85%”），或把表格做成图片插入。")
        case .fullWidthImageMark:
            .warning(location, "这一行的图片前面是中文感叹号“！”，图片不会显示，只会显示成一个链接",
                     hint: "插入图片要用英文半角的感叹号：![图片说明](图片.jpg)。")
        case .addressRunsIntoText:
            .warning(location, "这一行的网址后面紧跟着中文，链接只到中文之前，可能不完整",
                     hint: "网址里有中文时，请从浏览器地址栏复制（中文会变成 %E4%BA%BA 这样的编码），或写成 [文字](网址)；网址后面接正文时，中间空一格。")
        case .yearAsListNumber(let opening):
            .warning(location, "这一行开头的“\(opening)”会被当作编号列表的一项，年份会变成列表编号（接在列表后面时还会改成下一个序号）",
                     hint: "年份后面不要紧跟英文句点和空格：写成“\(opening.dropLast())年，……”，或在句点前加反斜杠：\(opening.dropLast())\\\(opening.suffix(1)) ……")
        case .fullWidthHeadingMark:
            .warning(location, "这一行开头的“＃”是中文输入法打出的全角井号，不会成为小标题，会原样显示",
                     hint: "小标题用英文半角井号，后面空一格：## 标题（切换到英文输入法输入 #）。")
        case .mistypedAddressStart(let start):
            .warning(location, "这一行网址的开头“\(start.typed)”写错了，不会成为链接，复制到浏览器里也打不开",
                     hint: start.mistake + "网址开头应写成 \(start.right)……")
        case .underlinedHeading(let level):
            .warning(location, "这一行下面紧接着 \(level == 1 ? "===" : "---")，会变成小标题",
                     hint: "如果要的是分隔线，请在 \(level == 1 ? "===" : "---") 上面空一行；如果要的是小标题，请在这一行前面加上“## ”，再删去下面的 \(level == 1 ? "===" : "---")。")
        case .wording(let finding):
            wording(finding, at: location)
        case .indentedLineInParagraph:
            .warning(location, "这一行以空格缩进开头，像是新的一段，但会接在上一行后面，成为同一段",
                     hint: "段落之间要空一行；行首的全角空格不用写，网页会自动首行缩进两个字。")
        }
    }

    static func wording(_ finding: ChineseWording.Finding, at location: SourceLocation) -> Diagnostic {
        switch finding.kind {
        case .punctuation where finding.found == "\"":
            .warning(location, "这一行的中文用了英文双引号 \"…\"，应为中文引号“…”",
                     hint: "中文里的引号用“”（中文输入法下输入），引号里再有引号用‘’。")
        case .punctuation:
            .warning(location, "这一行的中文之间用了英文标点“\(finding.found)”，应为“\(finding.right)”",
                     hint: "中文句子里的逗号、分号、冒号、问号、叹号和括号都用全角（中文输入法下输入）；英文标点在中文里显得挤在一起，也是常见的校对差错。")
        case .upTo:
            .warning(location, "“\(finding.found)”应为“\(finding.right)”",
                     hint: "表示到某个时间为止用“截至”（截至目前、截至2023年底）；“截止”是到期停止，用在“报名截止”“截止日期”里。")
        case .variant:
            .warning(location, "“\(finding.found)”应为“\(finding.right)”", hint: "“\(finding.right)”是规范写法。")
        case .planName:
            .warning(location, "规划简称\(finding.found)要加引号，写作\(finding.right)",
                     hint: "五年规划的简称要加引号，如“十四五”规划、“十四五”时期。")
        case .dayOfMonth:
            .warning(location, "日期“\(finding.found)”应写作“\(finding.right)”", hint: "新闻稿和公文里的日期用“日”，不用“号”。")
        case .doubledPunctuation:
            .warning(location, "“\(finding.found)”两个标点连在一起", hint: "多半是改句子时留下的，删去多余的一个。")
        case .privateUseCharacter:
            .warning(location, "这一行有 Word 或微信专用字体里的符号（\(finding.found)），读者的手机和电脑上会显示成方框",
                     hint: "多半是 Word 的项目符号或特殊符号、微信表情：删掉它。要列表时，每行以“- ”开头。")
        case .pastedSpace:
            .warning(location, "这一行的中文之间有从网页或 Word 复制来的特殊空格（\(finding.found)），网页上会显示成一个空档",
                     hint: "删去这个空格，中文之间不空格；它也会把词语断开，站内搜索就找不到这个词。")
        case .invisibleCharacter:
            .warning(location, "这一行有看不见的字符（\(finding.found)），多半是从 Word 或网页复制来的",
                     hint: "它会把词语断开，站内搜索就找不到这个词：在编辑器里删掉这一行的文字重新输入，或用“查找”找到它删去。")
        }
    }
}
