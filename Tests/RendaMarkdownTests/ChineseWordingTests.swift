import RendaMarkdown
import Testing

/// The wording `renda check` reports: each case is what staff write, and what they should.
@Suite("Chinese wording")
struct ChineseWordingTests {
    private func found(_ text: String) -> [String] {
        ChineseWording.findings(in: text).map { "\($0.found)→\($0.right)" }
    }

    @Test(arguments: [
        ("会议听取了报告,审议了议案", [",→，"]),
        ("会议时间:2023年6月30日", [":→："]),
        ("切实增强责任感;深入开展", [";→；"]),
        ("您知道吗?", ["?→？"]),
        ("会议(第一次全体会议)召开", ["(→（", ")→）"]),
        ("(一)加强代表工作", [")→）"]),
        ("截止目前，共收到建议", ["截止目前→截至目前"]),
        ("截止2023年底", ["截止→截至"]),
        ("做为人大代表", ["做为→作为"]),
        ("认真布署", ["布署→部署"]),
        ("既使困难再多", ["既使→即使"]),
        ("签定协议", ["签定→签订"]),
        ("编制十四五规划", ["十四五→“十四五”"]),
        ("于6月30号召开", ["6月30号→6月30日"]),
        ("会议听取了报告。，审议了议案", ["。，→，"]),
        ("代表们，，积极建言", ["，，→，"]),
        ("代表\u{200B}建议", ["U+200B，零宽空格→"]),
        ("会议听取审议了报告。\u{0B}会议指出", ["U+000B，Word 的手动换行符→"]),
        ("人大\u{00AD}代表", ["U+00AD，软连字符→"]),
        ("\u{F0B7}\t加强学习", ["U+F0B7→"]),
        ("县人大\u{00A0}常委会", ["U+00A0→"]),
        ("会议听取了报告.会议指出", [".→。"]),
        ("审议了《关于预算的报告》,会议认为", [",→，"]),
        ("要坚持\"以人民为中心\"的发展思想", ["\"→“”"]),
        ("编制\"十四五\"规划", ["\"→“”"]),
        ("代表\u{2003}\u{2003}建议", ["U+2003→"]),
        ("常委会\u{00A0} 主任", ["U+00A0→"]),
    ])
    func whatIsReported(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    /// What is right, or not Chinese text, is left alone.
    @Test(arguments: [
        "报名截止日期是6月30日", "报名截止。", "作为人大代表", "编制“十四五”规划",
        "共1,000人参加", "Hello, world!", "见 http://www.example.gov.cn/a,b", "时间：2023年", "（一）加强代表工作",
        "第3号议案", "会议（第一次）", "12:30开会", "中国人大网 (npc.gov.cn)",
        "要把代表建议办理当做为民办实事的重要抓手。", "这项工作既使群众得到实惠，又使代表履职更有底气。",
        "这难道不是我们的责任吗？！", "请注意：“三个必须”。", "等等……。",
        "主任：王\u{3000}伟", "投入1.5亿元", "编制‘十四五’规划", "见 example.gov.cn 网站", "他说：“好。”", "会议\u{00A0}2023年", "AI\u{00A0}助手", "结束。\u{00A0}",
    ])
    func whatIsLeftAlone(text: String) {
        #expect(found(text).isEmpty, "\(text)")
    }
}
