import Foundation
import RendaCore
import RendaLinkChecker
import Testing

private typealias SourceLocation = RendaCore.SourceLocation

/// `renda check --external` against a real web server on loopback.
@Suite("External links", .serialized)
struct ExternalLinkCheckerTests {
    private func withServer(_ body: (TestServer) async throws -> Void) async throws {
        let server = try TestServer()
        defer { server.stop() }
        try await body(server)
    }

    private func link(_ url: String, _ line: Int = 1) -> ExternalLink {
        ExternalLink(url: url, uses: [SourceLocation(file: "content/news/a.md", line: line)])
    }

    @Test func eachKindOfAnswerIsToldApart() async throws {
        try await withServer { server in
            let paths = ["/ok", "/gone", "/moved", "/moved-gone", "/error", "/firewall", "/no-head", "/jiasule", "/down"]
            // The closed port first: the server on the same machine's other port is still asked.
            let links = [link("http://127.0.0.1:1/closed")] + paths.map { link(server.url($0)) }
            let results = await ExternalLinkChecker(probe: HTTPLinkProbe(timeout: 5)).check(links)
            let statuses = Dictionary(uniqueKeysWithValues: results.map { ($0.0.url, $0.1) })
            #expect(statuses[server.url("/ok")] == .ok)
            #expect(statuses[server.url("/gone")] == .broken(status: 404))
            #expect(statuses[server.url("/moved")] == .ok, "a redirect to a page that is there")
            #expect(statuses[server.url("/moved-gone")] == .broken(status: 404), "a redirect to a page that is gone")
            #expect(statuses[server.url("/error")] == .broken(status: 503))
            #expect(statuses[server.url("/firewall")] == .refused(status: 412))
            #expect(statuses[server.url("/no-head")] == .ok, "HEAD refused, GET answered")
            #expect(statuses[server.url("/jiasule")] == .refused(status: 521), "加速乐 wants a browser")
            #expect(statuses[server.url("/down")] == .broken(status: 521))
            #expect(statuses["http://127.0.0.1:1/closed"] == .unreachable(.refused))
            // HEAD first; GET only where HEAD was not a success.
            let requests = server.log.requests
            #expect(requests.contains("HEAD /ok") && !requests.contains("GET /ok"))
            #expect(requests.contains("GET /no-head"))
        }
    }

    /// A server that ignores `Range` would send the whole of a large file; the check hangs up
    /// once it has the status.
    @Test func onlyTheHeadersOfALargeFileAreRead() async throws {
        try await withServer { server in
            let results = await ExternalLinkChecker(probe: HTTPLinkProbe(timeout: 10)).check([link(server.url("/large"))])
            #expect(results.first?.1 == .ok)
            #expect(server.log.requests == ["HEAD /large", "GET /large"])
            var sent = server.log.bodyBytesSent
            for _ in 0..<200 where sent == nil {
                try await Task.sleep(for: .milliseconds(20))
                sent = server.log.bodyBytesSent
            }
            #expect(sent.map { $0 < TestServer.largeSize / 4 } == true, "sent \(sent.map(String.init) ?? "no end") of \(TestServer.largeSize)")
        }
    }

    @Test func aPageThatDoesNotAnswerInTimeTimesOut() async throws {
        try await withServer { server in
            let results = await ExternalLinkChecker(probe: HTTPLinkProbe(timeout: 1)).check([link(server.url("/slow"))])
            #expect(results.first?.1 == .unreachable(.timedOut))
        }
    }

    @Test func aHostIsAskedAtMostTwiceAtOnce() async throws {
        try await withServer { server in
            let links = (0..<12).map { link(server.url("/many/\($0)")) }
            let results = await ExternalLinkChecker(probe: HTTPLinkProbe(timeout: 5), concurrency: 12, perHost: 2).check(links)
            #expect(results.allSatisfy { $0.1 == .ok })
            #expect(server.log.mostAtOnce == 2)
            #expect(server.log.requests.count == 12, "each address once")
        }
    }

    @Test func anAddressLinkedFromManyPlacesIsAskedOnceAndReportedAtEach() async throws {
        try await withServer { server in
            let gone = server.url("/gone")
            let found: [(url: String, at: SourceLocation)] = [
                (gone + "#section", SourceLocation(file: "content/news/b.md", line: 9, column: 4)),
                (gone, SourceLocation(file: "content/news/a.md", line: 7, column: 10)),
                (gone, SourceLocation(file: "content/site.yml", line: 12)),
                (server.url("/ok"), SourceLocation(file: "content/news/a.md", line: 8, column: 2)),
            ]
            let links = ExternalLink.grouped(found)
            #expect(links.map(\.url) == [gone, server.url("/ok")], "one entry per address, without its #fragment")
            let diagnostics = LinkDiagnostics.diagnostics(await ExternalLinkChecker().check(links))
            #expect(server.log.requests.filter { $0.hasSuffix(" /gone") }.count == 2, "HEAD and GET, once")
            #expect(diagnostics.map(\.location.description) == ["content/news/a.md:7:10", "content/news/b.md:9:4", "content/site.yml:12"])
            #expect(diagnostics.allSatisfy { $0.severity == .warning })
            #expect(diagnostics.first?.message == "外部链接打不开（HTTP 404，页面不存在）：\(gone)")
            #expect(diagnostics.first?.hint?.contains("不可用链接") == true)
        }
    }

    /// A site that is down is not asked for each of its pages: with time-outs of 15 seconds, a
    /// portal linked from hundreds of pages would take hours.
    @Test func aHostThatCannotBeReachedIsNotAskedForEachPage() async {
        let probe = CountingProbe { url in
            url.host == "down.example.gov.cn" ? .unreachable(.refused)
                : url.host == "slow.example.gov.cn" ? .unreachable(.timedOut) : .ok
        }
        let links = (0..<20).flatMap { number in
            ["down", "slow", "up"].map { link("https://\($0).example.gov.cn/page\(number).html") }
        }
        let results = await ExternalLinkChecker(probe: probe, concurrency: 1, perHost: 2).check(links)
        #expect(results.filter { $0.1 == .unreachable(.refused) }.count == 20, "each page of the host is still reported")
        #expect(results.filter { $0.1 == .unreachable(.timedOut) }.count == 20)
        #expect(probe.asked(host: "down.example.gov.cn") == 1)
        #expect(probe.asked(host: "slow.example.gov.cn") == 2, "one time-out says little, the second marks the host")
        #expect(probe.asked(host: "up.example.gov.cn") == 20)
    }

    @Test func aFirewallRefusalIsANoteToCheckByHand() {
        let diagnostics = LinkDiagnostics.diagnostics([(link("https://www.example.gov.cn/"), .refused(status: 412))])
        #expect(diagnostics.map(\.severity) == [.info])
        #expect(diagnostics.first?.message == "外部链接拒绝了程序检查（HTTP 412）：https://www.example.gov.cn/")
        #expect(diagnostics.first?.hint?.contains("请在浏览器中打开") == true)
    }

    /// Five places are listed in full; beyond that the first three, each saying how many there
    /// are. Unshortened (JSON), every place.
    @Test func anAddressWrittenInManyPlacesIsListedAtItsFirstFew() {
        func written(_ count: Int, _ url: String) -> ExternalLink {
            ExternalLink(url: url, uses: (1...count).map { SourceLocation(file: "content/news/a.md", line: $0) })
        }
        let results: [(ExternalLink, LinkStatus)] = [(written(5, "https://a.example.gov.cn/"), .broken(status: 404)),
                                                     (written(6, "https://b.example.gov.cn/"), .broken(status: 404))]
        let short = LinkDiagnostics.diagnostics(results, shortened: true)
        #expect(short.filter { $0.message.hasSuffix("https://a.example.gov.cn/") }.count == 5)
        let many = short.filter { $0.message.contains("https://b.example.gov.cn/") }
        #expect(many.map(\.location.line) == [1, 2, 3])
        #expect(many.allSatisfy { $0.message.hasSuffix("（全站 6 处，这里列出前 3 处）") && $0.hint?.contains("--format json") == true })
        #expect(LinkDiagnostics.diagnostics(results).count == 11)
    }

    /// The network library's English stays out of the message, in the hint for whoever looks
    /// after the computer.
    @Test func anUnexpectedNetworkErrorIsSaidInChineseWithTheLibrarysWordsInTheHint() {
        let diagnostic = LinkDiagnostics.diagnostics([(link("https://www.example.gov.cn/"), .unreachable(.other("Received HTTP/0.9 when not allowed")))]).first
        #expect(diagnostic?.message == "外部链接打不开（网络出错）：https://www.example.gov.cn/")
        #expect(diagnostic?.hint?.hasSuffix("出错信息：Received HTTP/0.9 when not allowed") == true)
    }

    /// Offline, every link would be reported gone: one line says the computer cannot reach the
    /// web instead.
    @Test func whenNoSiteAnswersItSaysTheComputerIsOffline() {
        let hosts = ["https://www.npc.gov.cn/", "https://www.gov.cn/", "https://www.example.gov.cn/a", "https://www.example.gov.cn/b"]
        let offline = LinkDiagnostics.diagnostics(hosts.map { (link($0), LinkStatus.unreachable(.noSuchHost)) })
        #expect(offline.count == 1)
        #expect(offline.first?.message == "外部链接没有检查：链接到的 3 个网站一个也连不上，这台电脑可能不能上网")
        // One site answering shows the computer is online: the others are reported each.
        var mixed = hosts.map { (link($0), LinkStatus.unreachable(.noSuchHost)) }
        mixed[0].1 = .ok
        #expect(LinkDiagnostics.diagnostics(mixed).count == 3)
    }

    @Test func aNameThatDoesNotResolveIsSaidSo() async {
        // .invalid never resolves (RFC 6761).
        let results = await ExternalLinkChecker(probe: HTTPLinkProbe(timeout: 5)).check([link("https://renda-test.invalid/")])
        #expect(results.first?.1 == .unreachable(.noSuchHost))
        let diagnostic = LinkDiagnostics.diagnostics(results).first
        #expect(diagnostic?.message == "外部链接打不开（找不到这个网站的域名）：https://renda-test.invalid/")
    }
}

/// A probe that answers from a rule and counts what it was asked, by host.
private final class CountingProbe: LinkProbe, @unchecked Sendable {
    private let rule: @Sendable (URL) -> LinkStatus
    private let lock = NSLock()
    private var hosts: [String: Int] = [:]

    init(_ rule: @escaping @Sendable (URL) -> LinkStatus) { self.rule = rule }

    func status(of url: URL) async -> LinkStatus {
        lock.withLock { hosts[url.host ?? "", default: 0] += 1 }
        return rule(url)
    }

    func asked(host: String) -> Int { lock.withLock { hosts[host] ?? 0 } }
}
