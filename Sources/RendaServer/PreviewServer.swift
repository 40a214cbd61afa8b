import FlyingFox
import FlyingSocks
import Foundation
import RendaCore
import RendaSite

/// What `renda serve` was asked to do.
public struct ServeOptions: Sendable {
    /// The folder holding `content/` and `themes/`.
    public var root: URL
    /// The address to listen on; loopback unless the user asks otherwise.
    public var host: String
    /// 0 picks a free port (tests).
    public var port: UInt16
    public var includeDrafts: Bool
    /// Where the preview is written: its own folder, never `site/`.
    public var output: URL
    /// The moment that decides what is published; the current time unless a test sets it.
    public var now: @Sendable () -> SiteDate
    /// How long the watcher waits for a save's burst of events to end.
    public var quietPeriod: TimeInterval

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 1313, includeDrafts: Bool = false,
                output: URL? = nil, now: (@Sendable () -> SiteDate)? = nil, quietPeriod: TimeInterval = 0.005) {
        self.root = root.standardizedFileURL
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.output = (output ?? root.appendingPathComponent(".renda-serve")).standardizedFileURL
        self.now = now ?? { SiteDate.now }
        self.quietPeriod = quietPeriod
    }
}

/// What happened, for the terminal (the command words it in Chinese).
public enum PreviewEvent: Sendable {
    /// The site was built; `changed` lists the files that caused it (nil: the first build).
    case built(RebuildReport, changed: [String]?)
    /// The content or theme has errors; the last good site is still served.
    case failed(Diagnostics, changed: [String]?)
    /// The preview folder could not be written, or the command was misused.
    case problem(String)
}

/// Why the preview could not start.
public enum ServeError: Error, CustomStringConvertible {
    case output(String)
    case listen(host: String, port: UInt16, reason: String)
    case watch(String)

    public var description: String {
        switch self {
        case .output(let message): message
        case .listen(let host, let port, let reason):
            "无法在 \(host):\(port) 上启动预览服务器（\(reason)）。请用 --port 换一个端口，例如 --port 1314。"
        case .watch(let message): message
        }
    }
}

/// `renda serve`: builds the site into its own folder, serves it over HTTP, watches `content/`
/// and the themes, rebuilds what a change touched and tells open pages to reload.
public final class PreviewServer: @unchecked Sendable {
    public let options: ServeOptions
    private let site: IncrementalSite
    private let status = PreviewStatus()
    private let onEvent: @Sendable (PreviewEvent) -> Void
    private var server: HTTPServer?
    private var serverTask: Task<Void, any Error>?
    private var watcher: (any FileWatcher)?
    private let writer = StopFlag()

    public init(options: ServeOptions, onEvent: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) throws {
        self.options = options
        self.onEvent = onEvent
        let build = BuildOptions(root: options.root, output: options.output, includeDrafts: options.includeDrafts)
        do {
            site = try IncrementalSite(options: build, now: options.now)
        } catch let error as OutputError {
            throw ServeError.output(error.description)
        }
    }

    /// Builds the site, starts writing its pages, watching and listening. Returns the address
    /// the server listens on (with the real port when 0 was asked for).
    @discardableResult
    public func start() async throws -> (host: String, port: UInt16) {
        let address: any SocketAddress
        do {
            address = options.host.contains(":") ? try sockaddr_in6.inet6(ip6: options.host, port: options.port)
                : try sockaddr_in.inet(ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        } catch {
            throw ServeError.listen(host: options.host, port: options.port, reason: "不是有效的 IP 地址")
        }
        // A port in use is told at once, not after building the whole site.
        if options.port != 0, let reason = PortProbe.unavailable(address) {
            throw ServeError.listen(host: options.host, port: options.port, reason: reason)
        }
        rebuild(changed: nil)
        startWriter()
        let watcher = FileWatchers.make(
            folders: [options.root.appendingPathComponent("content"), options.root.appendingPathComponent("themes")],
            quietPeriod: options.quietPeriod
        ) { [weak self] changed in self?.rebuild(changed: changed) }
        do { try watcher.start() } catch { throw ServeError.watch("\(error)") }
        self.watcher = watcher

        let handler = PreviewHandler(site: site, status: status, folder: SiteFolder(options.output))
        let server = HTTPServer(config: .init(address: address, timeout: 60, logger: .disabled), handler: handler)
        self.server = server
        // run() fails at once when the port is taken, where waiting for it to listen would only time out.
        let failure = Failure()
        serverTask = Task {
            do { try await server.run() } catch { failure.set(PortProbe.reason(for: error)) }
        }
        var waited = 0
        while !(await server.isListening) {
            if let error = failure.error ?? (waited >= 500 ? "未能开始监听" : nil) {
                throw ServeError.listen(host: options.host, port: options.port, reason: error)
            }
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        switch await server.listeningAddress {
        case .ip4(let host, let port), .ip6(let host, let port):
            NoDelay.setOnListeningSocket(port: port)
            return (host, port)
        default:
            return (options.host, options.port)
        }
    }

    /// The address of the site's home page: `http://127.0.0.1:1313/rd/`.
    public func homeURL(host: String, port: UInt16) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)\(site.basePath ?? "/")"
    }

    public func stop() async {
        watcher?.stop()
        writer.stop()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
    }

    /// Waits until every page the last rebuild queued is on disk (tests, benchmarks).
    public func waitUntilWritten() {
        site.renderAllQueued()
    }

    // MARK: -

    /// Called for the first build and then from the watcher's thread, one at a time.
    private func rebuild(changed: Set<String>?) {
        let files = changed.map { $0.sorted() }
        switch site.rebuild(changed: changed) {
        case .success(let report):
            status.built()
            onEvent(.built(report, changed: files))
        case .failure(.content(let diagnostics)):
            let errors = diagnostics.sorted.filter { $0.severity == .error }
            status.failed(errors.map(\.description), headline: "发现 \(errors.count) 个错误，网站没有更新")
            onEvent(.failed(diagnostics, changed: files))
        case .failure(.usage(let message)), .failure(.output(let message)):
            status.failed([message], headline: "无法生成网站")
            onEvent(.problem(message))
        }
        for failure in site.takeWriteErrors() { onEvent(.problem(failure)) }
    }

    /// Writes queued pages in the background, so the folder soon equals a full build while
    /// requests get the pages they ask for rendered at once.
    private func startWriter() {
        let thread = Thread { [site, writer] in
            while !writer.isStopped {
                // One page per core at a time, so a new rebuild never waits long for the writer.
                if site.renderQueued(limit: ProcessInfo.processInfo.activeProcessorCount) == 0, !site.updateSearchIndex() {
                    site.waitForQueuedPages(timeout: 0.5)
                }
            }
        }
        thread.name = "renda-writer"
        thread.start()
    }

    private final class StopFlag: @unchecked Sendable {
        private var stopped = false
        private let lock = NSLock()
        var isStopped: Bool { lock.withLock { stopped } }
        func stop() { lock.withLock { stopped = true } }
    }

    private final class Failure: @unchecked Sendable {
        private var message: String?
        private let lock = NSLock()
        var error: String? { lock.withLock { message } }
        func set(_ reason: String) { lock.withLock { message = reason } }
    }
}
