import RendaCore
import RendaMarkdown
import Testing

/// Pictures with captions (图片说明): the caption on the line under the picture, or its title.
@Suite("Pictures with captions")
struct FigureTests {
    let renderer = MarkdownRenderer()

    private func sized(_ reference: LinkReference) -> LinkResolution {
        reference.destination.hasPrefix("/") ? .rewrite("/rd" + reference.destination)
            : .image("/rd/news/a/" + reference.destination, PixelSize(width: 800, height: 600))
    }

    @Test func theLineUnderAPictureIsItsCaption() {
        let result = renderer.render("![视察组在项目现场](photo1.png)\n图为视察组在县中医医院察看工程进度。", resolve: sized)
        #expect(result.html == """
            <figure><a class="image-link" href="/rd/news/a/photo1.png"><img src="/rd/news/a/photo1.png" alt="视察组在项目现场" \
            width="800" height="600" /></a><figcaption>图为视察组在县中医医院察看工程进度。</figcaption></figure>

            """)
    }

    /// A title becomes the caption and leaves the picture, so a screen reader reads it once.
    @Test func aPicturesTitleIsItsCaption() {
        let result = renderer.render("![会场](a.png \"图为县十九届人大常委会第五次会议现场。\")", resolve: sized)
        #expect(result.html == """
            <figure><a class="image-link" href="/rd/news/a/a.png"><img src="/rd/news/a/a.png" alt="会场" \
            width="800" height="600" /></a><figcaption>图为县十九届人大常委会第五次会议现场。</figcaption></figure>

            """)
        // An image left as written (an address elsewhere) loses its title the same way.
        #expect(renderer.render("![会场](https://www.gov.cn/a.png \"会议现场\")") { _ in .keep }.html
                == "<figure><img src=\"https://www.gov.cn/a.png\" alt=\"会场\" /><figcaption>会议现场</figcaption></figure>\n")
    }

    /// Bold names, links and a line break written with two spaces all work in a caption; a
    /// picture inside a link keeps its link.
    @Test func aCaptionKeepsItsMarkupAndALinkedPictureItsLink() {
        let result = renderer.render("[![调研](b.png)](/news/)  \n图为**周立诚**（右）在[河口镇](/topics/hekou/)调研。", resolve: sized)
        #expect(result.html == """
            <figure><a href="/rd/news/"><img src="/rd/news/a/b.png" alt="调研" width="800" height="600" /></a>\
            <figcaption>图为<strong>周立诚</strong>（右）在<a href="/rd/topics/hekou/">河口镇</a>调研。</figcaption></figure>

            """)
    }

    /// Captions as staff also write them, when they open as captions do (图为…, （图为…）, ▲…):
    /// in a paragraph of their own under the picture, on the picture's line, or as its description.
    @Test func aCaptionOpeningWithTuWeiIsOneWhereverItIsWritten() {
        let figure = { (caption: String) in
            "<figure><img src=\"a.png\" alt=\"现场\" /><figcaption>\(caption)</figcaption></figure>\n"
        }
        let keep: (LinkReference) -> LinkResolution = { _ in .keep }
        #expect(renderer.render("![现场](a.png)\n\n图为检查组实地察看。\n\n正文。", resolve: keep).html
                == figure("图为检查组实地察看。") + "<p>正文。</p>\n")
        #expect(renderer.render("![现场](a.png)\n\n（图为调研组入户了解用水情况）", resolve: keep).html
                == figure("（图为调研组入户了解用水情况）"))
        #expect(renderer.render("![现场](a.png)\n\n▲ 代表们在会上发言", resolve: keep).html == figure("▲ 代表们在会上发言"))
        #expect(renderer.render("![现场](a.png)图为同一行写的说明。", resolve: keep).html == figure("图为同一行写的说明。"))
        #expect(renderer.render("![图为调研组在水厂查看设备](a.png)", resolve: keep).html
                == "<figure><img src=\"a.png\" alt=\"图为调研组在水厂查看设备\" /><figcaption>图为调研组在水厂查看设备</figcaption></figure>\n")
        // A paragraph under a picture that does not open as a caption is the article's text.
        #expect(renderer.render("![现场](a.png)\n\n检查组认为，工作扎实。", resolve: keep).html
                == "<p><img src=\"a.png\" alt=\"现场\" /></p>\n<p>检查组认为，工作扎实。</p>\n")
        // And the caption stays out of the summary.
        #expect(renderer.render("![现场](a.png)\n\n图为检查组实地察看。\n\n检查组认为，工作扎实。", resolve: keep).plainText
                == "检查组认为，工作扎实。")
    }

    /// A picture written without a description is described by its caption: a link to the
    /// picture needs words a screen reader can say, and there is nothing to warn about.
    @Test func aCaptionDescribesAPictureWrittenWithoutOne() {
        var described: [String] = []
        let result = renderer.render("![](a.png)\n图为**代表**在会上发言。") { reference in
            described.append(reference.altText)
            return .keep
        }
        #expect(described == ["图为代表在会上发言。"])
        // A description of only a line break is left alone (its break is in the renderer's lists).
        #expect(renderer.render("![\n](a.png)\n图为会场。") { _ in .keep }.html.contains("<figcaption>图为会场。</figcaption>"))
        #expect(result.html == "<figure><img src=\"a.png\" alt=\"图为代表在会上发言。\" /><figcaption>图为<strong>代表</strong>在会上发言。</figcaption></figure>\n")
    }

    /// What is not a picture with a caption stays as it was.
    @Test func otherPicturesStayParagraphs() {
        let keep: (LinkReference) -> LinkResolution = { _ in .keep }
        #expect(renderer.render("![会场](a.png)", resolve: keep).html == "<p><img src=\"a.png\" alt=\"会场\" /></p>\n")
        // Two pictures on consecutive lines: the second is no caption.
        #expect(!renderer.render("![一](a.png)\n![二](b.png)", resolve: keep).html.contains("figure"))
        #expect(!renderer.render("![一](a.png)\n图为![二](b.png)", resolve: keep).html.contains("figure"))
        // A picture in a sentence, or with text on its own line.
        #expect(!renderer.render("见下图![一](a.png)\n说明", resolve: keep).html.contains("figure"))
        #expect(!renderer.render("![一](a.png)会场全景。", resolve: keep).html.contains("figure"))
        #expect(!renderer.render("[会场](a.png)\n说明", resolve: keep).html.contains("figure"))
    }

    /// A caption is not the article's lead: the summary skips it, search still finds its words.
    @Test func aCaptionIsSearchedButNotSummarized() {
        let full = MarkdownRenderer(keepsFullText: true)
        let result = full.render("![会场](a.png)\n图为会议现场。\n\n县人大常委会召开会议。\n\n![图](b.png \"周立诚讲话\")\n\n会议听取报告。",
                                 resolve: sized)
        #expect(result.plainText == "县人大常委会召开会议。会议听取报告。")
        #expect(result.fullText.map { String(decoding: $0, as: UTF8.self) } == "图为会议现场。\n县人大常委会召开会议。\n周立诚讲话\n会议听取报告。")
    }
}
