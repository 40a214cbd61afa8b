import Foundation
import RendaContent
import RendaCore

/// What one preview rebuild did.
public struct RebuildReport: Sendable {
    /// Item files read and parsed again (the rest came from memory).
    public var itemsRead: Int
    /// Items whose Markdown was rendered again.
    public var itemsRendered: Int
    /// Whether the edit was patched into the last site (`QuickRebuild`) rather than prepared whole.
    public var quick: Bool
    /// Site paths of the pages that differ from what is on disk and are queued for rendering,
    /// item pages first.
    public var queuedPaths: [String]
    public var pagesQueued: Int { queuedPaths.count }
    /// Other files written (feeds, sitemap, images, stylesheets) and files removed.
    public var filesWritten: Int
    public var filesRemoved: Int
    /// Warnings and notes the site has (no errors: a site with errors is not installed).
    public var diagnostics: Diagnostics
    public var timings: [Stage]
    public var seconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}

/// The site as `renda serve` keeps it: read, rendered and written once, then brought up to date
/// after each change by redoing only what the change touched.
///
/// A rebuild runs the same `SiteBuilder.prepare` as `renda build` and `renda check`, with hooks
/// that answer from memory for unchanged files (`SourceCache`), the theme (`ThemeCache`) and
/// Markdown whose links still resolve the same way (`RenderCache`). The model, page plan, link
/// checks and diagnostics are therefore computed exactly as a full build computes them. Each page
/// then gets a signature of what it shows (`PageSignatures`); pages whose signature differs from
/// the one on disk are queued, and rendered by `renderQueued` (a background thread) or, for the
/// page a browser asks for, at once by `freshPage`. Feeds, the sitemap and copied files are
/// regenerated on every rebuild and written when they differ. Once the queue is empty the folder
/// equals a full build of the same sources, byte for byte.
///
/// `rebuild` must be called from one thread at a time; the other methods from any thread.
public final class IncrementalSite: @unchecked Sendable {
    public let options: BuildOptions
    private let output: ServeOutput
    private let clock: @Sendable () -> SiteDate
    let sources = SourceCache()
    let renders = RenderCache()
    let theme = ThemeCache()
    /// The last site installed, which a quick rebuild patches; nil after a failed rebuild (it may
    /// have read files the installed site does not reflect).
    var lastGood: PreparedSite?
    /// The earliest date after "now" of any item: when it passes, an item is published (or loses
    /// its 未发布 mark) and only a full rebuild sees that.
    var nextDue: SiteDate?
    /// The item files the last full load listed (nil when it stopped early), to forget the rest.
    private var listedSources: Set<String>?
    /// The settings and topics of the last read, compared as values: a change makes every
    /// cached item and page suspect.
    private var configFingerprint: SiteConfig?
    private var topicsFingerprint: [Topic]?
    /// Non-page files on disk: output path → what it was made from.
    private var files: [String: FileOrigin] = [:]

    /// Shared with the background writer and request handlers; guarded by `state`.
    private let state = NSCondition()
    private var current: Generation?
    private var queue: [String] = []
    private var queueStart = 0
    private var queued: Set<String> = []
    private var inFlight: Set<String> = []
    /// Site path → signature of the page as written on disk.
    private var disk: [String: Int] = [:]
    private var writeErrors: [String] = []

    /// Search index files on disk: path → hash of their bytes, and the key of the site they index.
    private var indexFiles: [String: Int] = [:]
    private var indexKeyOnDisk: Int?

    private struct Generation {
        var site: PreparedSite
        /// Changes when anything the search index holds changes.
        var indexKey: Int
        var renderer: PageRenderer
        var signatures: [String: Int]
        var pagesByFile: [String: PagePlan.Page]
    }

    private enum FileOrigin: Equatable {
        case copy(String, FileStamp?)
        case text(String)
    }

    /// Prepares the output folder (emptied and marked as renda's); the first `rebuild` fills it.
    /// `now` decides what counts as published; it is asked again on every rebuild.
    public init(options: BuildOptions, now: @escaping @Sendable () -> SiteDate = { SiteDate.now }) throws {
        self.options = options
        clock = now
        output = try ServeOutput(folder: options.output, root: options.root)
    }

    /// The base path of the site being served (`/` or `/rd/`), nil before the first good build.
    public var basePath: String? {
        state.withLock { current?.site.urls.basePath }
    }

    /// Pages waiting to be written, plus one while the search index is out of date.
    public var queuedCount: Int {
        state.withLock { queued.count + inFlight.count + (current.map { $0.indexKey != indexKeyOnDisk } == true ? 1 : 0) }
    }

    /// Brings the site up to date. `changed` lists the files that changed since the last call
    /// (absolute paths, from the file watcher) and only decides how much to re-examine; nil means
    /// unknown, so every file is looked at. On failure nothing on disk changes.
    public func rebuild(changed: Set<String>? = nil) -> Result<RebuildReport, BuildFailure> {
        var stageClock = StageClock()
        var options = self.options
        options.now = clock()
        theme.refresh(root: options.root)
        let prepared: Result<PreparedSite, BuildFailure>
        let itemsRead: Int, itemsRendered: Int
        var quick: QuickResult?
        if let changed, let result = quickRebuild(changed, now: options.now) {
            (prepared, itemsRead, itemsRendered) = (result.site, result.itemsRead, result.itemsRendered)
            quick = result
            stageClock.lap("quick")
        } else {
            prepared = fullPrepare(changed, options: options, clock: &stageClock)
            (itemsRead, itemsRendered) = (sources.endRound(listed: listedSources), renders.renderedCount)
        }
        let site: PreparedSite
        switch prepared {
        case .success(let ready):
            site = ready
            // A quick rebuild changes no dates.
            if quick == nil { nextDue = site.content.items.compactMap(\.date).filter { $0 > options.now }.min() }
            lastGood = site
        case .failure(let failure):
            lastGood = nil
            return .failure(failure)
        }

        let pageSignatures = PageSignatures(model: site.model, itemVersions: renders.versions, now: options.now,
                                            global: globalFingerprint(site))
        let signatures = pageSignatures.all(site.plan)
        stageClock.lap("signatures")
        do {
            let (written, wanted): (Int, Set<String>)
            if let quick, !quick.feedsMayChange {
                (written, wanted) = (0, Set(files.keys))
            } else {
                (written, wanted) = try writeOtherFiles(site, now: options.now)
            }
            stageClock.lap("files")
            let (queuedPaths, removedPages) = install(site, signatures: signatures, indexKey: pageSignatures.searchIndexKey,
                                                      samePlan: quick != nil, now: options.now)
            var removed = removedPages
            for file in files.keys where !wanted.contains(file) {
                output.remove(file)
                files[file] = nil
                removed += 1
            }
            stageClock.lap("install")
            return .success(RebuildReport(
                itemsRead: itemsRead, itemsRendered: itemsRendered, quick: quick != nil, queuedPaths: queuedPaths, filesWritten: written, filesRemoved: removed,
                diagnostics: site.diagnostics, timings: stageClock.laps))
        } catch let error as OutputError {
            return .failure(.usage(error.description))
        } catch {
            return .failure(.usage("写入预览目录失败：\(error)"))
        }
    }

    // MARK: - Rebuild steps

    /// `SiteBuilder.prepare` over the whole site, answering from the caches where it can.
    private func fullPrepare(_ changed: Set<String>?, options: BuildOptions,
                             clock: inout StageClock) -> Result<PreparedSite, BuildFailure> {
        let root = options.root.path
        let outsideMarkdown = changed.map { paths in
            paths.contains { !MarkdownFileName.matches($0) && $0.hasPrefix(root + "/content/") }
        } ?? true
        sources.beginRound()
        let hooks = PrepareHooks(
            loadContent: { [self] root in loadContent(root) },
            loadTheme: { [theme] root, config in theme.load(root: root, config: config) },
            renderItems: { [self] model, context in
                renders.render(model: model, context: context, sources: sources, root: root,
                               filesOutsideMarkdownChanged: outsideMarkdown)
            }
        )
        return SiteBuilder(options: options).prepare(clock: &clock, hooks: hooks)
    }

    /// Settings or topics that changed make every cached item and page suspect.
    private func loadContent(_ root: URL) -> (SiteContent?, Diagnostics) {
        let result = ContentLoader(root: root).load(cache: sources.hook)
        listedSources = result.0.map { content in
            Set((content.items.map(\.sourcePath) + content.unreadable).map { root.path + "/" + $0 })
        }
        if let content = result.0 {
            let topics = content.topics.topics
            if topics != topicsFingerprint {
                // Items resolve topic names while parsing; read them all again under the new list.
                if topicsFingerprint != nil {
                    sources.removeAll()
                    topicsFingerprint = topics
                    return loadContent(root)
                }
                topicsFingerprint = topics
            }
            let config = content.config
            if config != configFingerprint {
                renders.removeAll()
                configFingerprint = config
            }
        }
        return result
    }

    /// What every page shows besides items: settings, topics, theme, hashed asset names.
    private func globalFingerprint(_ site: PreparedSite) -> Int {
        var hasher = Hasher()
        hasher.combine(configFingerprint)
        hasher.combine(topicsFingerprint)
        hasher.combine(theme.fingerprint)
        hasher.combine(options.includeDrafts)
        for key in site.assets.templateKeys.keys.sorted() {
            hasher.combine(key)
            hasher.combine(site.assets.templateKeys[key])
        }
        return hasher.finalize()
    }

    /// Feeds, sitemap, robots.txt, redirect pages, theme and static files, bundle images: written when they differ
    /// from what is on disk. Returns the count written and every non-page file the site has.
    private func writeOtherFiles(_ site: PreparedSite, now: SiteDate) throws -> (Int, Set<String>) {
        var wanted: [String: FileOrigin] = [OutputWriter.markerName: .text(OutputWriter.markerText)]
        for asset in site.assets.assets { wanted[asset.output] = .copy(asset.source.path, FileStamp(path: asset.source.path)) }
        for file in site.bundleFiles { wanted[file.output] = .copy(file.source.path, FileStamp(path: file.source.path)) }
        let builder = SiteBuilder(options: options)
        for (path, text) in builder.generatedFiles(for: site) {
            wanted[URLScheme.outputFile(for: path)] = .text(text)
        }
        var written = 0
        for (file, origin) in wanted.sorted(by: { $0.key < $1.key }) where files[file] != origin {
            switch origin {
            case .copy(let source, _): try output.copy(URL(fileURLWithPath: source), to: file)
            case .text(let text): try output.write(file, Array(text.utf8))
            }
            files[file] = origin
            written += 1
        }
        return (written, Set(wanted.keys))
    }

    /// Makes the new site current: removes pages it no longer has and queues those that differ
    /// from disk. Waits for pages being written from the previous site, so that what `disk`
    /// records is what the files hold.
    private func install(_ site: PreparedSite, signatures: [String: Int], indexKey: Int, samePlan: Bool,
                         now: SiteDate) -> ([String], Int) {
        let renderer = PageRenderer(site: site, now: now)
        var pagesByFile: [String: PagePlan.Page] = samePlan ? state.withLock { current?.pagesByFile } ?? [:] : [:]
        if pagesByFile.isEmpty {
            for page in site.plan.pages { pagesByFile[URLScheme.outputFile(for: page.path)] = page }
        }
        state.lock()
        defer { state.unlock() }
        while !inFlight.isEmpty { state.wait() }
        var removed = 0
        for path in disk.keys where signatures[path] == nil {
            output.remove(URLScheme.outputFile(for: path))
            disk[path] = nil
            removed += 1
        }
        // Item pages first: the page being edited is the one most likely open in a browser.
        let due = site.plan.pages.filter { disk[$0.path] != signatures[$0.path] }
        queue = due.filter(\.isItem).map(\.path) + due.filter { !$0.isItem }.map(\.path)
        queueStart = 0
        queued = Set(queue)
        current = Generation(site: site, indexKey: indexKey, renderer: renderer, signatures: signatures,
                             pagesByFile: pagesByFile)
        state.broadcast()
        return (queue, removed)
    }

    // MARK: - Writing queued pages

    /// Renders and writes up to `limit` queued pages; returns how many it took (0: queue empty).
    @discardableResult
    public func renderQueued(limit: Int = 16) -> Int {
        state.lock()
        guard let generation = current else { state.unlock(); return 0 }
        var batch: [PagePlan.Page] = []
        while batch.count < limit, queueStart < queue.count {
            let path = queue[queueStart]
            queueStart += 1
            guard queued.remove(path) != nil else { continue }
            inFlight.insert(path)
            batch.append(generation.pagesByFile[URLScheme.outputFile(for: path)]!)
        }
        state.unlock()
        guard !batch.isEmpty else { return 0 }
        let results = batch.parallelMap { page -> String? in
            do {
                try output.write(URLScheme.outputFile(for: page.path), generation.renderer.render(page))
                return nil
            } catch {
                return "\(error)"
            }
        }
        state.lock()
        for (page, failure) in zip(batch, results) {
            inFlight.remove(page.path)
            if let failure { writeErrors.append(failure) } else { disk[page.path] = generation.signatures[page.path] }
        }
        state.broadcast()
        state.unlock()
        return batch.count
    }

    /// Writes every queued page and the search index; for tests and one-shot use.
    public func renderAllQueued() {
        while renderQueued(limit: 64) > 0 {}
        state.withLock {
            while !inFlight.isEmpty { state.wait() }
        }
        updateSearchIndex()
    }

    /// Writes the search index again if what it holds changed since it was written. It is built
    /// from every item, so it is left for last, after the pages a browser may be waiting for.
    /// Returns whether it wrote.
    @discardableResult
    public func updateSearchIndex() -> Bool {
        guard let generation = state.withLock({ current }), generation.indexKey != state.withLock({ indexKeyOnDisk }) else {
            return false
        }
        let files = SiteSearch.files(for: generation.site)
        state.lock()
        defer { state.unlock() }
        // A newer site was installed meanwhile: its index is written on the next call.
        guard current?.indexKey == generation.indexKey else { return false }
        var written: [String: Int] = [:]
        for file in files {
            let hash = file.bytes.hashValue
            if indexFiles[file.path] != hash {
                do { try output.write(file.path, file.bytes) } catch { writeErrors.append("\(error)"); continue }
            }
            written[file.path] = hash
        }
        for path in indexFiles.keys where written[path] == nil { output.remove(path) }
        indexFiles = written
        indexKeyOnDisk = generation.indexKey
        return true
    }

    /// Waits until a page is queued or `timeout` passes; for the background writer.
    public func waitForQueuedPages(timeout: TimeInterval) {
        state.lock()
        if queued.isEmpty { _ = state.wait(until: Date(timeIntervalSinceNow: timeout)) }
        state.unlock()
    }

    /// The current bytes of a page (output path such as `news/x/index.html`) that is queued and
    /// not yet written, rendered now so the browser never gets the page from before the change.
    /// Nil when the file on disk is current (or the path is not a page).
    public func freshPage(file: String) -> [UInt8]? {
        state.lock()
        guard let generation = current, let page = generation.pagesByFile[file] else { state.unlock(); return nil }
        if inFlight.contains(page.path) {
            // The background writer has it in a batch: render it here too rather than wait for the
            // whole batch (the bytes are the same; the writer writes them).
            state.unlock()
            return generation.renderer.render(page)
        }
        guard queued.remove(page.path) != nil else { state.unlock(); return nil }
        inFlight.insert(page.path)
        state.unlock()
        let bytes = generation.renderer.render(page)
        let written = (try? output.write(file, bytes)) != nil
        state.lock()
        inFlight.remove(page.path)
        if written { disk[page.path] = generation.signatures[page.path] }
        state.broadcast()
        state.unlock()
        return bytes
    }

    /// Write failures since the last call (a full disk, a folder removed by hand).
    public func takeWriteErrors() -> [String] {
        state.withLock {
            defer { writeErrors = [] }
            return writeErrors
        }
    }
}

private extension PagePlan.Page {
    var isItem: Bool {
        if case .item = kind { return true }
        return false
    }
}
