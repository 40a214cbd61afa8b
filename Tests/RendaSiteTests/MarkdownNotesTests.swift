import Foundation
import FoundationXML
import RendaCore
import RendaSite
import Testing

@Suite("Markdown that will not show as written")
struct MarkdownNotesTests {
    @Test func boldThatDidNotCloseIsAWarningOnItsLine() throws {
        let root = try makeSite(["content/news/2024-03-01-a.md":
            "---\ntitle: 宪法宣传周\ndate: 2024-03-01\ntopics: [监督工作]\n---\n第一段。\n\n**宪法进校园。**县人大组织宣讲。\n"])
        let report = try build(root: root).1.get()
        let warning = try #require(report.diagnostics.warnings.first { $0.message.contains("**") })
        #expect(warning.location == SourceLocation(file: "content/news/2024-03-01-a.md", line: 8))
        #expect(warning.message == "这一行的 ** 没有变成加粗，会原样显示")
    }
}

@Suite("Markdown that will not show: what staff are told")
struct MarkdownSlipNoteTests {
    @Test func eachSlipIsAWarningOnItsFileLineWithAHint() throws {
        let body = "第一段。\n\n#二、主要工作\n\n| 项目 | 金额 |\n| --- | --- |\n\n文字<br>文字\n\n![现场](hui yi.jpg)\n"
            + "\n\u{3000}\u{3000}一段。\n\u{3000}\u{3000}另一段。\n"
        let root = try makeSite(["content/news/2024-03-01-a.md":
            "---\ntitle: 预算审查\ndate: 2024-03-01\ntopics: [监督工作]\n---\n" + body])
        let report = try build(root: root).1.get()
        let found = report.diagnostics.warnings.filter { $0.location.file == "content/news/2024-03-01-a.md" }
        #expect(found.map(\.location.line) == [8, 10, 13, 15, 18])
        #expect(found.map(\.message) == [
            "这一行的 # 后面没有空格，不会成为标题，# 会原样显示",
            "这里的表格会原样显示成竖线和横线",
            "这一行的 HTML 代码不会显示在网页上",
            "这一行的链接或图片没有生效，会原样显示",
            "这一行以空格缩进开头，像是新的一段，但会接在上一行后面，成为同一段",
        ])
        #expect(found.allSatisfy { $0.hint?.isEmpty == false })
        #expect(report.diagnostics.errors.isEmpty)
    }
}

@Suite("Paths on the writer's own computer")
struct LocalComputerPathTests {
    /// An image or file named by where it is on the writer's computer shows in their editor and
    /// for no reader: an error on its line, for Markdown and for a front-matter picture alike.
    @Test func aPathOnTheWritersComputerIsAnErrorOnItsLine() throws {
        let body = #"""
            ![道路](C:\Users\admin\Desktop\道路.jpg)

            ![道路](D:/照片/道路.jpg)

            ![道路](file:///C:/Users/admin/道路.jpg)

            [通知](E:\文件\通知.docx)，联系我们：[邮件](mailto:rd@example.gov.cn)、[电话](tel:0123-4567890)。

            """#
        let root = try makeSite([
            "content/news/2024-03-01-a/index.md":
                "---\ntitle: 道路建设\ndate: 2024-03-01\ntopics: [监督工作]\ncover: 'C:\\Users\\admin\\封面.jpg'\n---\n" + body,
        ])
        let (output, result) = build(root: root)
        let found = try #require(refusal(result), "the build should refuse the paths")
        #expect(Set(found.errors.map { "\($0.location.line ?? 0): \($0.message)" }) == [
            "5: cover（封面）是本机电脑上的路径，网站的读者打不开：C:\\Users\\admin\\封面.jpg",
            "7: 图片地址是本机电脑上的路径，网站的读者打不开：C:\\Users\\admin\\Desktop\\道路.jpg",
            "9: 图片地址是本机电脑上的路径，网站的读者打不开：D:/照片/道路.jpg",
            "11: 图片地址是本机电脑上的路径，网站的读者打不开：file:///C:/Users/admin/道路.jpg",
            "13: 文件地址是本机电脑上的路径，网站的读者打不开：E:\\文件\\通知.docx",
        ])
        #expect(found.errors.allSatisfy { $0.hint?.contains("把") == true })
        // The cover's example is a field line, not Markdown.
        #expect(found.errors.first { $0.location.line == 5 }?.hint?.contains("例如 封面: photo1.png。") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A picture whose file name holds `#` is there, and no browser asks for it: named as such,
    /// not as missing. An address copied with the sentence's comma is a warning that gives it
    /// without; full-width `ｗｗｗ` is named as typed in full-width mode.
    @Test func addressesAndNamesNoBrowserReadsAsWrittenAreNamed() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a/index.md": "---\ntitle: 道路建设\ndate: 2024-03-01\n---\n"
                + "![现场](照片#1.jpg)\n\n详见[通知](https://www.gov.cn/zhengce/，)。\n\n见[政府网](ｗｗｗ.gov.cn)。\n",
            "content/news/2024-03-01-a/照片#1.jpg": "jpg",
        ])
        let found = try #require(refusal(build(root: root).1), "the build should refuse the picture's name")
        let inFile = found.all.filter { $0.location.file == "content/news/2024-03-01-a/index.md" }
        #expect(inFile.map { "\($0.location.line ?? 0) \($0.severity) \($0.message) | \($0.hint ?? "")" } == [
            "5 error 文件名里有 #，网址里 # 后面的部分不算文件名，读者打不开：照片#1.jpg | 把文件改名，去掉 #（如 照片1.jpg），这里也照改。",
            "7 warning 链接地址里有中文标点“，”：https://www.gov.cn/zhengce/， | 多半是复制网址时带上了句子里的标点。删去标点及后面多出的文字，写成 https://www.gov.cn/zhengce/",
            "9 error 链接地址里有全角字母或标点（中文输入法的全角模式打出的）：ｗｗｗ.gov.cn | 网址要在英文输入法下输入，改为：https://www.gov.cn",
        ])
    }
}

@Suite("A file whose fields could not be read")
struct UnreadableBodyTests {
    /// The fields' error and the body's problems come in one round: staff would otherwise mend
    /// the fields, build again, and only then be told the picture is missing.
    @Test func itsBodyIsCheckedInTheSameRoundAsItsFields() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a.md":
                "---\n标题：道路建设\n日期: 2024-03-01\n---\n第一段。\n\n![现场](xianchang.jpg)\n\n[报告](../reports/none.md)\n",
            "content/news/2024-03-02-b.md":
                "---\n标题：草稿一篇\n草稿: true\n日期: 2024-03-02\n---\n![现场](xianchang.jpg)\n",
        ])
        let (_, result) = build(root: root)
        let found = try #require(refusal(result), "the build should fail on the fields' error")
        let a = found.sorted.filter { $0.location.file == "content/news/2024-03-01-a.md" }
        #expect(a.map(\.location.line) == [2, 7, 9])
        #expect(a.map(\.severity) == [.error, .error, .error])
        #expect(a[1].message.contains("xianchang.jpg"))
        #expect(a[2].message.contains("none.md"))
        // A draft's problems, its fields' included, are warnings: it is not published.
        let b = found.sorted.filter { $0.location.file == "content/news/2024-03-02-b.md" }
        #expect(b.map(\.severity) == [.warning, .warning])
        #expect(b.allSatisfy { $0.message.hasSuffix("（草稿，发布前请改正）") })
    }

    /// Delimiter lines mistyped (a dash too many, the input method's dashes, blank lines above)
    /// hide the body no more than a field's slip does.
    @Test(arguments: ["----\n标题: 道路建设\n日期: 2024-03-01\n----\n", "———\n标题: 道路建设\n日期: 2024-03-01\n———\n",
                      "\n\n---\n标题: 道路建设\n日期: 2024-03-01\n---\n"])
    func mistypedDelimitersDoNotHideTheBody(head: String) throws {
        let root = try makeSite(["content/news/2024-03-01-a.md": head + "第一段。\n\n![现场](xianchang.jpg)\n"])
        let found = try #require(refusal(build(root: root).1), "the build should fail")
        let picture = head.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        #expect(found.errors.contains { $0.location.line == picture && $0.message.contains("xianchang.jpg") }, "\(found)")
    }

    /// One half-written draft does not stop the site: it builds, without the draft, and a
    /// published article linking to the draft is told it is not published yet.
    @Test func aDraftWhoseFieldsCannotBeReadDoesNotStopTheBuild() throws {
        let draft = "---\n标题：草稿一篇\n草稿: true\n日期: 2024-03-02\n---\n正文。\n"
        let root = try makeSite(["content/news/2024-03-02-b.md": draft,
                                 "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\n---\n正文。\n"])
        let (output, result) = build(root: root)
        let report = try result.get()
        #expect(report.diagnostics.warnings.contains { $0.message == "“标题”后面是中文冒号“：”，应为英文冒号（草稿，发布前请改正）" })
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("news/a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("news/b/index.html").path))

        let linked = try makeSite(["content/news/2024-03-02-b.md": draft,
                                   "content/news/2024-03-01-a.md": "---\ntitle: 会议\ndate: 2024-03-01\n---\n见[草稿](2024-03-02-b.md)。\n"])
        let found = try #require(refusal(build(root: linked).1), "a link to an unpublished draft must stop the build")
        #expect(found.errors.map(\.message) == ["链接指向的文章尚未发布（草稿或未到发布日期）：2024-03-02-b.md"])
    }
}

@Suite("Missing front-matter pictures")
struct MissingFieldPictureTests {
    /// The hint for a `封面` or `照片` that is not in the bundle shows the field's line, not
    /// Markdown image syntax, which would be wrong there.
    @Test func theHintShowsTheFieldsLine() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a/index.md": "---\ntitle: 道路建设\ndate: 2024-03-01\n封面: fengmian.jpg\n---\n正文。\n",
        ])
        let (_, result) = build(root: root)
        let found = try #require(refusal(result), "the build should fail on the missing picture")
        let error = try #require(found.errors.first { $0.location.file == "content/news/2024-03-01-a/index.md" })
        #expect(error.message == "cover（封面）指向的图片不存在：fengmian.jpg")
        #expect(error.hint == "把图片放在本文章的文件夹里，与 index.md 并列，再写文件名，例如 封面: photo1.png。")
    }
}

/// Control characters Word pastes (U+000B, its manual line break): XML has no place for them.
@Suite("Word's control characters")
struct ControlCharacterTests {
    /// In the body, the feed leaves them out and stays readable; in a field, the error names
    /// the line and what the character is, not libyaml's words.
    @Test func theFeedStaysReadableAndAFieldIsNamedOnItsLine() throws {
        let root = try makeSite([
            "content/news/2024-03-01-a.md": "---\ntitle: 预算审查\ndate: 2024-03-01\n---\n会议听取审议了报告。\u{0B}会议指出，要加强监督。\u{0C}\n",
        ])
        let (output, result) = build(root: root)
        _ = try result.get()
        let tree = OutputTree(output)
        for feed in ["feed.xml", "news/feed.xml"] {
            let data = try #require(tree.files[feed])
            let document = try XMLDocument(data: data)
            #expect(try document.nodes(forXPath: "//*[local-name()='entry']").count == 1)
            #expect(!String(decoding: data, as: UTF8.self).contains("\u{0B}"))
        }

        let broken = try makeSite([
            "content/news/2024-03-01-a.md": "---\ntitle: 预算审查\ndate: 2024-03-01\nsummary: 会议听取\u{0B}审议了报告\n---\n正文。\n",
        ])
        let found = try #require(refusal(build(root: broken).1), "a field with a control character is an error")
        let error = try #require(found.errors.first)
        #expect(error.location == SourceLocation(file: "content/news/2024-03-01-a.md", line: 4))
        #expect(error.message == "这一行有看不见的控制字符（U+000B，Word 的手动换行符），字段无法读取")
    }
}
