import Foundation
import RendaCore
import RendaTemplates

/// A themes/ folder for one test, with every required template present unless removed.
struct ThemeFixture {
    let root: URL

    init(_ files: [String: String], minimal: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-theme-\(UUID().uuidString)")
        var all: [String: String] = [:]
        if minimal {
            all["themes/base/templates/base.mustache"] = "<title>{{page.title}}</title>{{$main}}{{/main}}{{> partials/footer}}"
            all["themes/base/templates/partials/footer.mustache"] = "<footer>{{site.title}}</footer>"
            for name in TemplateSet.requiredTemplates + TemplateSet.optionalTemplates where name != "base" {
                all["themes/base/templates/\(name).mustache"] = "{{<base}}{{$main}}\(name){{/main}}{{/base}}"
            }
            all["themes/base/i18n/zh-CN.yml"] = "home: 首页\nnews: 工作动态\n"
        }
        all.merge(files) { _, new in new }
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func load(_ name: String = "base") -> (Theme?, [Diagnostic]) {
        ThemeLoader.load(root: root, name: name, language: "zh-CN")
    }
}
