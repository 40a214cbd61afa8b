import ArgumentParser
import Foundation
import RendaCore
import RendaScaffold

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new item from the theme's archetype: news, report, deputy or page.",
        discussion: "Example: renda new news \"县人大常委会召开第十次会议\"; renda new deputy \"王秀兰\" --bundle"
    )

    @Argument(help: "news, report, deputy or page (动态, 报告, 代表, 页面).")
    var kind: String

    @Argument(help: "The title; for a deputy, the deputy's name.")
    var title: String

    @Flag(name: .long, help: "Create a folder with index.md, for an item with images.")
    var bundle = false

    @Option(name: .long, help: "The URL name (default: pinyin of the title).")
    var slug: String?

    @OptionGroup var site: SiteRootOption

    func validate() throws {
        guard NewItemKind(word: kind) != nil else {
            throw ValidationError("未知的类型“\(kind)”：请用 news（工作动态）、report（工作报告）、deputy（代表风采）或 page（页面）。")
        }
    }

    func run() throws {
        let today = SiteDate.now
        let item = NewItem(root: site.url, kind: NewItemKind(word: kind)!,
                           title: title, bundle: bundle, slug: slug, today: today)
        do {
            let path = try item.create()
            print("已创建 \(path)")
            print("下一步：编辑这个文件，然后运行 renda check 检查，renda build 生成网站。")
            if bundle { print("图片请放在 \((path as NSString).deletingLastPathComponent)/ 中。") }
        } catch let error as NewItemError {
            Console.error("错误：\(error.description)")
            throw ExitCode(1)
        }
    }
}
