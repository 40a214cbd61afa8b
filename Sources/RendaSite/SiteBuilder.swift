import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// What a successful build wrote.
public struct BuildReport: Sendable {
    /// Published items per section, in section order.
    public var sections: [(kind: SectionKind, count: Int)]
    public var htmlPages: Int
    public var files: Int
    public var bytes: Int
    /// Warnings and notes the build survived.
    public var diagnostics: Diagnostics
    /// Seconds per stage, in order.
    public var timings: [Stage]
    public var seconds: Double { timings.reduce(0) { $0 + $1.seconds } }
    /// The search index's share of `files` and `bytes`.
    public var searchIndex = SearchIndexSize()
}

/// Why a build wrote nothing.
public enum BuildFailure: Error, Sendable {
    /// The content or theme has errors; the diagnostics include any warnings too.
    case content(Diagnostics)
    /// The command was used wrongly (bad base URL, output folder that may not be replaced).
    case usage(String)
    /// The disk refused the new site (full, no permission); the old one is as it was.
    case output(String)
}

/// Everything decided before the first byte is written: the result of load → validate → model
/// → Markdown, plus every check. `renda check` stops here; `renda build` goes on to write it.
/// The quick rebuild of `renda serve` copies the last one and replaces what an edit changed.
public struct PreparedSite: Sendable {
    public internal(set) var content: SiteContent
    public internal(set) var model: SiteModel
    var theme: Theme
    let urls: URLScheme
    let plan: PagePlan
    let assets: AssetPipeline
    let bundleFiles: [BundleFiles.File]
    /// Pages at the items' old addresses.
    let redirects: Redirects
    var rendered: [RenderedItem]
    /// Warnings and notes (no errors: a site with errors is never prepared).
    public internal(set) var diagnostics: Diagnostics
}

/// Runs the stages in order: load → validate → model → render → write.
public struct SiteBuilder {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Reads and checks the whole site without writing anything.
    public func check() -> Result<Diagnostics, BuildFailure> {
        switch inspect() {
        case .success(let report):
            report.diagnostics.hasErrors ? .failure(.content(report.diagnostics)) : .success(report.diagnostics)
        case .failure(let failure):
            .failure(.usage(failure.message))
        }
    }

    /// `renda check`: every problem, errors included, and the off-site links of the published
    /// items and the menu for `--external`. Fails only on a usage problem.
    public func inspect() -> Result<CheckReport, CheckFailure> {
        var clock = StageClock()
        let extras = CheckExtras()
        switch prepare(clock: &clock, hooks: .checking, checking: extras) {
        case .success(let site):
            var diagnostics = site.diagnostics
            diagnostics.append(contentsOf: VanishedPages.problems(previousSitemap: previousSitemap, site: site, now: options.now,
                                                                  sayingWhyNot: true).problems)
            return .success(CheckReport(diagnostics: diagnostics, externalLinks: extras.links))
        case .failure(.content(let found)): return .success(CheckReport(diagnostics: found, externalLinks: extras.links))
        case .failure(.usage(let message)), .failure(.output(let message)): return .failure(CheckFailure(message: message))
        }
    }

    /// Builds the site. With `freeingMemory: false` the site model and the page caches are never
    /// given back: for a process that exits right after, where freeing hundreds of thousands of
    /// small objects one by one would only delay the exit (about 50 ms on 10,000 pages).
    public func build(freeingMemory: Bool = true) -> Result<BuildReport, BuildFailure> {
        var clock = StageClock()
        let keep: ((Any) -> Void)? = freeingMemory ? nil : { _ = Unmanaged.passRetained(KeptUntilExit($0)) }
        return prepare(clock: &clock).flatMap { site in
            keep?(site)
            // Read before the write replaces it.
            let vanished = VanishedPages.problems(previousSitemap: previousSitemap, site: site, now: options.now)
            let kept = vanished.list.isEmpty ? [] : [(VanishedPages.listName, vanished.list)]
            return write(site, clock: &clock, keep: keep, bookkeeping: kept).map { report in
                var report = report
                report.diagnostics.append(contentsOf: vanished.problems)
                return report
            }
        }
    }

    /// The sitemap of the output as the last build left it.
    private var previousSitemap: URL { options.output.appendingPathComponent(URLScheme.outputFile(for: URLScheme.sitemap)) }

    /// Content errors do not stop the later checks (links, images, topics): `renda build`, `renda
    /// check` and `renda serve` list every problem at once, the same ones, and the result is a
    /// failure if any is an error. A good site pays nothing for it. `hooks` lets `renda serve` answer the costly steps (reading, theme, Markdown) from earlier work.
    /// With `checking` (`renda check` only) the drafts left out of the site are rendered too, and
    /// their problems reported as warnings (a build does not pay for pages it will not write),
    /// the off-site links are handed out for `--external`, and the reminders that depend on the
    /// day (a news column not updated, an empty column) are given.
    func prepare(clock: inout StageClock, hooks: PrepareHooks = .standard,
                 checking: CheckExtras? = nil) -> Result<PreparedSite, BuildFailure> {
        var diagnostics = Diagnostics()
        let warmUp = DispatchWorkItem(block: CollationKey.warmUp)
        DispatchQueue.global().async(execute: warmUp)

        // Load and validate.
        let (loaded, contentProblems) = hooks.loadContent(options.root)
        diagnostics.append(contentsOf: contentProblems)
        guard var content = loaded else { return .failure(.content(diagnostics)) }
        if let override = options.baseURL {
            guard let normalized = SiteConfig.normalizedBaseURL(override) else {
                return .failure(.usage("--base-url “\(override)” 不是有效的网址：\(SiteConfig.baseURLMistake(override))。"))
            }
            content.config.baseURL = normalized
        }
        let (loadedTheme, themeProblems) = hooks.loadTheme(options.root, content.config)
        diagnostics.append(contentsOf: themeProblems)
        if let theme = loadedTheme { diagnostics.append(contentsOf: ThemePages.adapt(&content.config, to: theme)) }
        clock.lap("load")

        // Model.
        warmUp.wait()
        let model = SiteModel(content: content, includeDrafts: options.includeDrafts, now: options.now)
        let urls = URLScheme(config: model.config)
        let plan = PagePlan(model: model)
        let assets: AssetPipeline
        do {
            assets = try AssetPipeline(folders: (loadedTheme?.staticFolders ?? []) + [contentStatic], urls: urls)
        } catch {
            return .failure(.usage("无法读取静态文件：\(error)"))
        }
        let bundleFiles = BundleFiles.list(model.items)
        var inventory = SiteInventory()
        for page in plan.pages { inventory.add(page.path) }
        for asset in assets.assets { inventory.add("/" + asset.output) }
        for file in bundleFiles { inventory.add("/" + file.output) }
        for path in URLScheme.generatedFiles { inventory.add(path) }
        diagnostics.append(contentsOf: collisions(plan: plan, assets: assets))
        let redirects = Redirects(model: model, inventory: inventory)
        diagnostics.append(contentsOf: redirects.problems)
        // An article may link to an old address: it still leads to the page.
        for redirect in redirects.redirects { inventory.add(redirect.path) }
        // The addresses of unpublished items, made only for a menu or footer link that is broken.
        let brokenLink = (model.config.menu + model.config.footerLinks).contains { $0.url.hasPrefix("/") && !inventory.contains($0.url) }
        let waitingPaths = brokenLink ? Set(content.items.lazy.map(\.path)).subtracting(model.items.lazy.map(\.path)) : []
        diagnostics.append(contentsOf: SiteChecks.menuLinks(model.config.menu, inventory: inventory,
                                                            pages: plan.pages.map(\.path), waiting: waitingPaths))
        diagnostics.append(contentsOf: SiteChecks.menuLinks(model.config.footerLinks, inventory: inventory,
                                                            pages: plan.pages.map(\.path), waiting: waitingPaths, what: "页脚链接"))
        clock.lap("model")

        // Render Markdown; every link and image is checked here, before anything is written.
        let publishedSources = Dictionary(model.items.map { ($0.sourcePath, $0.path) }, uniquingKeysWith: { a, _ in a })
        let resolverContext = LinkResolver.Context(
            urls: urls, inventory: inventory, baseURL: model.config.baseURL, rootPrefix: rootPath + "/",
            publishedSources: publishedSources,
            unpublishedSources: Set(content.items.lazy.map(\.sourcePath).filter { publishedSources[$0] == nil })
                .union(content.unreadableDrafts),
            brokenSources: Set(content.unreadable).subtracting(content.unreadableDrafts),
            contentStatic: contentStatic.standardizedFileURL.path
        )
        let (rendered, linkProblems) = hooks.renderItems(model, resolverContext)
        diagnostics.append(contentsOf: linkProblems)
        checking?.gather(rendered: rendered, menu: model.config.menu + model.config.footerLinks)
        diagnostics.append(contentsOf: UnreadableBodyChecks.problems(content: content, config: model.config,
                                                                     context: resolverContext, checkingWording: checking != nil))
        if checking != nil, !options.includeDrafts {
            diagnostics.append(contentsOf: DraftChecks.problems(content: content, model: model, context: resolverContext))
        }
        if checking != nil { diagnostics.append(contentsOf: SectionUpkeep(model: model, now: options.now).reminders()) }
        let copies = rendered.flatMap(\.copies).map { BundleFiles.File(source: URL(fileURLWithPath: $0.0), output: $0.1) }
        diagnostics.append(contentsOf: SiteChecks(content: content, model: model, now: options.now, root: options.root,
                                                  archetypeFolders: loadedTheme?.archetypeFolders ?? [])
            .run(images: (bundleFiles + copies).map(\.source) + assets.assets.map(\.source),
                 unpublished: resolverContext.unpublishedSources))
        guard let theme = loadedTheme, !diagnostics.hasErrors else { return .failure(.content(diagnostics)) }
        clock.lap("markdown")
        return .success(PreparedSite(content: content, model: model, theme: theme, urls: urls, plan: plan, assets: assets,
                                     bundleFiles: bundleFiles + copies, redirects: redirects, rendered: rendered,
                                     diagnostics: diagnostics))
    }

    /// Renders every page into a staging folder and swaps it in.
    /// `bookkeeping`: files for the next build, not pages (`VanishedPages.listName`).
    func write(_ site: PreparedSite, clock: inout StageClock, keep: ((Any) -> Void)? = nil,
               bookkeeping: [(String, [UInt8])] = []) -> Result<BuildReport, BuildFailure> {
        let model = site.model, plan = site.plan, assets = site.assets
        let renderer = PageRenderer(site: site, now: options.now)
        keep?(renderer)
        do {
            let writer = try OutputWriter(output: options.output, root: options.root)
            let pageFiles = plan.pages.map { URLScheme.outputFile(for: $0.path) }
            try writer.createFolders(for: pageFiles + assets.assets.map(\.output) + site.bundleFiles.map(\.output)
                                     + URLScheme.feedSections.map { URLScheme.outputFile(for: URLScheme.feed($0)) }
                                     + site.redirects.redirects.map { URLScheme.outputFile(for: $0.path) })
            let written = Array(plan.pages.indices).parallelMap { index -> Result<Int, Error> in
                let bytes = renderer.render(plan.pages[index])
                return Result { try writer.write(pageFiles[index], bytes); return bytes.count }
            }
            var bytes = 0
            for result in written { bytes += try result.get() }
            clock.lap("render+write")

            for asset in assets.assets { try writer.copy(asset.source, to: asset.output) }
            for file in site.bundleFiles { try writer.copy(file.source, to: file.output) }
            let generated = generatedFiles(for: site)
            for (path, text) in generated {
                let data = Array(text.utf8)
                try writer.write(URLScheme.outputFile(for: path), data)
                bytes += data.count
            }
            for (path, data) in bookkeeping { try writer.write(path, data) }
            clock.lap("assets+feeds")
            // After the pages, on all cores: built beside them on its own thread, the index cost
            // the build more than this, both stages competing for the cores and their caches.
            let searchIndex = site.model.config.search ? try SiteSearch.write(SiteSearch.files(for: site), to: writer)
                : SearchIndexSize()
            bytes += searchIndex.bytes
            clock.lap("search index")
            let leftOver = try writer.commit()
            clock.lap("commit")
            return .success(BuildReport(
                sections: SectionKind.allCases.map { kind in
                    (kind, kind.isDated ? model.sections[kind]?.count ?? 0 : model.pages.count)
                },
                htmlPages: plan.pages.count,
                files: plan.pages.count + assets.assets.count + site.bundleFiles.count + generated.count + 1
                    + bookkeeping.count + searchIndex.files,
                bytes: bytes,
                diagnostics: leftOver.map { Diagnostics(site.diagnostics.all + [$0]) } ?? site.diagnostics,
                timings: clock.laps,
                searchIndex: searchIndex
            ))
        } catch let error as OutputError {
            return .failure(error.writing ? .output(error.description) : .usage(error.description))
        } catch {
            return .failure(.output("写入输出目录失败：\(error)"))
        }
    }

    private var contentStatic: URL { options.root.appendingPathComponent("content/static") }

    /// The site root in the absolute form LinkResolver's link targets take (`standardizedFileURL`).
    /// Source paths come from the loader without `.` or `..`, so a target under it, less the
    /// root, is an item's source path.
    private var rootPath: String {
        let path = options.root.standardizedFileURL.path
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// A static file may not take the place of a generated page.
    private func collisions(plan: PagePlan, assets: AssetPipeline) -> [Diagnostic] {
        // Site paths, not output files: the pages' paths exist already, and the few assets' output
        // files are turned back into the site paths that would write them.
        let generated = Set(plan.pages.lazy.map(\.path)).union(URLScheme.generatedFiles)
        let taken = assets.assets.filter { asset in
            let output = asset.output
            if generated.contains("/" + output) { return true }
            guard output == "index.html" || output.hasSuffix("/index.html") else { return false }
            return generated.contains("/" + output.dropLast("index.html".count))
        }
        return taken.map { asset in
            .error(SourceLocation(file: asset.source.path.replacingOccurrences(of: options.root.path + "/", with: "")),
                   "静态文件与站点生成的页面同名：/\(asset.output)", hint: "请给这个文件改名或换一个文件夹。")
        }
    }

    /// Feeds, sitemap, robots.txt and the redirect pages, as (site path, text).
    func generatedFiles(for site: PreparedSite) -> [(String, String)] {
        let model = site.model, rendered = site.rendered, urls = site.urls, plan = site.plan
        let config = model.config
        func entries(_ indexes: [Int]) -> [Feeds.Entry] {
            indexes.prefix(Feeds.entryCount).map { Feeds.Entry(item: model.items[$0], rendered: rendered[$0]) }
        }
        let sitemapEntries: [(path: String, lastModified: SiteDate?)] = plan.pages.compactMap { page in
            switch page.kind {
            case .notFound: return nil
            case .item(let index): return (page.path, model.items[index].date)
            default: return (page.path, nil)
            }
        }
        let wholeSite = (URLScheme.feed, Feeds.atom(title: config.title, subtitle: config.description, selfPath: URLScheme.feed,
                                                    alternatePath: URLScheme.home, entries: entries(model.dated),
                                                    urls: urls, topics: model.topics,
                                                    deputyLabels: DeputyRows.labels(strings: site.theme.strings)))
        let sections = URLScheme.feedSections.map { kind in
            (URLScheme.feed(kind), Feeds.atom(title: "\(config.title) - \(kind.title)", subtitle: "",
                                              selfPath: URLScheme.feed(kind), alternatePath: URLScheme.section(kind),
                                              entries: entries(model.sections[kind] ?? []), urls: urls, topics: model.topics))
        }
        return [wholeSite] + sections + [
            (URLScheme.sitemap, Feeds.sitemap(sitemapEntries, urls: urls)),
            (URLScheme.robots, Feeds.robots(urls: urls)),
        ] + site.redirects.files(model: model, urls: urls)
    }
}

/// The files that travel with page bundles: everything in the folder but Markdown.
enum BundleFiles {
    struct File: Sendable {
        var source: URL
        /// Output path relative to the site: `news/<slug>/photo1.png`.
        var output: String
    }

    static func list(_ items: [Item]) -> [File] {
        var files: [File] = []
        for item in items where item.isBundle {
            let folder = URL(fileURLWithPath: item.sourceFolder)
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            let outputFolder = String(URLScheme.outputFile(for: item.path).dropLast("index.html".count))
            var names: [String] = []
            for case let name as String in enumerator {
                let last = (name as NSString).lastPathComponent
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                if isDirectory.boolValue || SystemFiles.contains(last) || MarkdownFileName.matches(last) { continue }
                names.append(name)
            }
            for name in names.sorted() {
                files.append(File(source: folder.appendingPathComponent(name), output: outputFolder + name))
            }
        }
        return files
    }
}

/// Wall time per stage, for the build summary and `--timings`.
/// Processor time too, summed over threads: a stage whose processor time is under its wall time
/// times the cores leaves a core idle, which is where more work could run beside it.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastProcessor = StageClock.processorSeconds()
    private(set) var laps: [Stage] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let processor = Self.processorSeconds()
        laps.append(Stage(stage: stage, seconds: Double(now - last) / 1e9, processorSeconds: processor - lastProcessor))
        last = now
        lastProcessor = processor
    }

    /// User and system time of every thread of the process so far.
    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// One stage of a build: its wall time and the processor time its threads took.
public struct Stage: Sendable {
    public var stage: String
    public var seconds: Double
    public var processorSeconds: Double
}

/// A value `build(freeingMemory: false)` leaves to the operating system.
private final class KeptUntilExit {
    let value: Any
    init(_ value: Any) { self.value = value }
}
