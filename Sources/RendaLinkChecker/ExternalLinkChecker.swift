import Foundation
import RendaCore

/// Asks for every off-site address a site links to (Zola's link_checker, for 政府网站检查's
/// 不可用链接): a few at a time overall and at most two at a time per host, so a county
/// portal linked from every page is not flooded, and each address once.
public struct ExternalLinkChecker: Sendable {
    let probe: any LinkProbe
    /// Requests in flight at once, over all hosts.
    let concurrency: Int
    /// Requests in flight at once to one host.
    let perHost: Int

    public init(probe: any LinkProbe = HTTPLinkProbe(), concurrency: Int = 12, perHost: Int = 2) {
        self.probe = probe
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
    }

    /// Each link with what asking for it gave, in the links' order. `progress` is called after
    /// each answer with the number done so far.
    public func check(_ links: [ExternalLink], progress: (@Sendable (Int) -> Void)? = nil) async -> [(ExternalLink, LinkStatus)] {
        var statuses = [LinkStatus?](repeating: nil, count: links.count)
        var byHost: [String: [(index: Int, url: URL, server: String)]] = [:]
        var hosts: [String] = []
        for (index, link) in links.enumerated() {
            guard let url = URL(string: link.url), let server = Self.server(of: url) else {
                statuses[index] = .invalid
                continue
            }
            if byHost[server] == nil { hosts.append(server) }
            byHost[server, default: []].append((index, url, server))
        }
        // A host's addresses dealt over its lanes; each lane asks one address after another.
        var lanes: [[(index: Int, url: URL, server: String)]] = []
        for host in hosts {
            let addresses = byHost[host]!
            let count = min(perHost, addresses.count)
            for lane in 0..<count { lanes.append(stride(from: lane, to: addresses.count, by: count).map { addresses[$0] }) }
        }
        let done = Counter()
        let hostsDown = HostsDown()
        let probe = self.probe
        await withTaskGroup(of: [(Int, LinkStatus)].self) { group in
            var next = 0
            func startLane() {
                let lane = lanes[next]
                next += 1
                group.addTask {
                    var answers: [(Int, LinkStatus)] = []
                    for (index, url, server) in lane {
                        let status: LinkStatus
                        if let down = hostsDown.status(of: server) {
                            status = down
                        } else {
                            status = await probe.status(of: url)
                            hostsDown.record(status, for: server)
                        }
                        answers.append((index, status))
                        progress?(done.increment())
                    }
                    return answers
                }
            }
            while next < min(concurrency, lanes.count) { startLane() }
            for await answers in group {
                for (index, status) in answers { statuses[index] = status }
                if next < lanes.count { startLane() }
            }
        }
        return zip(links, statuses).map { ($0, $1 ?? .invalid) }
    }

    /// The server an address is asked of, `host:port`: two ports of one machine are two sites,
    /// one of which may be down while the other answers.
    static func server(of url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        return "\(host):\(url.port ?? (scheme == "https" ? 443 : 80))"
    }
}

/// Servers (`host:port`) that cannot be reached, so their other addresses are not asked for: a
/// site linked from hundreds of pages that is down would otherwise cost a time-out per page, hours
/// in all. A name that does not resolve, a refused connection or a bad certificate marks the
/// server at once; time-outs mark it at the second, since one slow page says little.
private final class HostsDown: @unchecked Sendable {
    private let lock = NSLock()
    private var down: [String: LinkStatus] = [:]
    private var timeouts: [String: Int] = [:]

    func status(of host: String) -> LinkStatus? { lock.withLock { down[host] } }

    func record(_ status: LinkStatus, for host: String) {
        guard case .unreachable(let reason) = status else { return }
        lock.withLock {
            switch reason {
            case .noSuchHost, .refused, .certificate:
                down[host] = status
            case .timedOut:
                timeouts[host, default: 0] += 1
                if timeouts[host]! >= 2 { down[host] = status }
            case .other:
                break
            }
        }
    }
}

/// Counts answers across lanes for the progress line.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
