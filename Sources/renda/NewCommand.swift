import ArgumentParser
import Foundation
import RendaCore
import RendaScaffold

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建文章：news（工作动态）、report（工作报告）、deputy（代表风采）或 page（页面）。",
        discussion: "例如：\n  renda new news \"县人大常委会召开第十次会议\"\n  renda new deputy \"王秀兰\" --bundle"
    )

    @Argument(help: "类型：news、report、deputy 或 page（也可写 动态、报告、代表、页面）。")
    var kind: String

    @Argument(help: "标题；代表风采写代表的姓名。标题里有空格时用引号括起来。")
    var title: String

    @Flag(name: .long, help: "建成文件夹（正文在其中的 index.md），用于带图片的文章。")
    var bundle = false

    @Option(name: .long, help: "网址名（默认是标题的拼音）。")
    var slug: String?

    @OptionGroup var site: SiteRootOption

    /// The word the parser takes for the kind: the first after `new` that is neither an option nor
    /// an option's value. With the kind left out (`renda new 标题`) it is the title.
    static func kindWord(in arguments: [String]) -> String? {
        guard arguments.first == configuration.commandName else { return nil }
        var words = arguments.dropFirst()
        while let word = words.popFirst() {
            if word == "--slug" || word == "--root" {
                _ = words.popFirst()
            } else if !word.hasPrefix("-") {
                return word
            }
        }
        return nil
    }

    func validate() throws {
        guard NewItemKind(word: kind) != nil else {
            throw ValidationError("未知的类型“\(kind)”：请用 \(NewItemKind.listed)")
        }
    }

    func run() throws {
        let today = SiteDate.now
        let item = NewItem(root: site.url, kind: NewItemKind(word: kind)!,
                           title: title, bundle: bundle, slug: slug, today: today)
        do {
            let created = try item.create()
            let path = created.path
            print("已创建 \(path)")
            if let earlier = created.carriedFrom {
                // A namesake of another 选区 is told apart only by whoever writes the profile.
                print("往年已有“\(title)”的代表风采（\(earlier)），性别、选区、职务等已从中带过来，请逐项核对；"
                      + "如果这是同名的另一位代表，请删去这个文件，改用 --slug 另取网址名（如 --slug \(item.slug)-chengguan）。")
            }
            print("下一步：编辑这个文件，然后运行 renda check 检查，renda build 生成网站。")
            if bundle { print("图片请放在 \((path as NSString).deletingLastPathComponent)/ 中。") }
        } catch let error as NewItemError {
            Console.error("错误：\(error.description)")
            throw ExitCode(1)
        }
    }
}
