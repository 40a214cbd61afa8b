import Foundation
import RendaContent
import RendaCore

/// A throwaway site folder for one test: write files, load, inspect.
struct TestSite {
    let root: URL

    init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("content/site.yml", """
        title: "测试县人大常委会"
        base_url: "https://rd.example.gov.cn/"
        """)
        try write("content/topics.yml", """
        - { slug: jiandu, name: 监督工作, description: 监督 }
        - { slug: daibiao, name: 代表工作, description: 代表 }
        - { slug: yusuan, name: 预算审查, description: 预算 }
        """)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load() -> (SiteContent?, Diagnostics) {
        ContentLoader(root: root).load()
    }

    func item(_ sourcePath: String) -> Item? {
        load().0?.items.first { $0.sourcePath == sourcePath }
    }
}
