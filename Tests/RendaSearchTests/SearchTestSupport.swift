import Foundation
import RendaCore
import RendaSite

/// The checkout the tests run in, holding the sample `content/` and `themes/`.
let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A built site's files, read back by site path.
struct BuiltSite: Sendable {
    let folder: URL
    let report: BuildReport

    /// Builds a site (the sample by default) into a fresh temporary folder, at a fixed "now" after
    /// all the sample's content.
    init(root: URL = checkout, baseURL: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("renda-search-\(UUID().uuidString)/site")
        let options = BuildOptions(root: root, output: folder, baseURL: baseURL, includeDrafts: false,
                                   now: SiteDate(year: 2026, month: 6, day: 1)!)
        switch SiteBuilder(options: options).build() {
        case .success(let report): self.report = report
        case .failure(let failure): throw SearchTestFailure("the sample site did not build: \(failure)")
        }
    }

    func data(_ path: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent(path)) }

    func text(_ path: String) -> String? { data(path).map { String(decoding: $0, as: UTF8.self) } }

    /// The page at a site path without the base path: `/news/x/` → `news/x/index.html`.
    func page(_ sitePath: String) -> String? { text(URLScheme.outputFile(for: sitePath)) }

    /// Paths of every file under `folder/prefix`, relative to the site.
    func files(under prefix: String) -> [String] {
        let root = folder.appendingPathComponent(prefix)
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
        return names.map { prefix + $0 }.filter { data($0) != nil }.sorted()
    }
}

struct SearchTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
