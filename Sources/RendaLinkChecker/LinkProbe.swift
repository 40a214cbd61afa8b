import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks whether one address can be opened. A protocol so tests can count and fake requests.
public protocol LinkProbe: Sendable {
    func status(of url: URL) async -> LinkStatus
}

/// Over HTTP with Foundation's URLSession (libcurl on Linux): a `HEAD` request first, then a
/// `GET` of the first bytes when the `HEAD` is not a success, since many servers answer `HEAD`
/// with 403, 404 or 405 for pages that open. Redirects are followed.
public struct HTTPLinkProbe: LinkProbe {
    let session: URLSession

    /// `timeout` is per request, in seconds.
    public init(timeout: TimeInterval = 15) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = [
            // Some servers refuse requests without a browser-like agent.
            "User-Agent": "Mozilla/5.0 (compatible; renda-link-check/1.0)",
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "zh-CN,zh;q=0.9",
        ]
        session = URLSession(configuration: configuration)
    }

    public func status(of url: URL) async -> LinkStatus {
        let head = await request(url, method: "HEAD")
        switch head {
        case .ok, .invalid: return head
        // No server there, or none that answers in time: a GET would fare no better.
        case .unreachable(.noSuchHost), .unreachable(.refused), .unreachable(.timedOut), .unreachable(.certificate): return head
        // A HEAD refused or answered wrongly, which some servers do for pages that open.
        case .broken, .refused, .unreachable(.other): return await request(url, method: "GET")
        }
    }

    private func request(_ url: URL, method: String) async -> LinkStatus {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if method == "GET" { request.setValue("bytes=0-4095", forHTTPHeaderField: "Range") }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .invalid }
            // 416: the page is there but shorter than the range asked for.
            if http.statusCode == 416 { return .ok }
            if Self.isBrowserCheck(http) { return .refused(status: http.statusCode) }
            return LinkStatus.forStatus(http.statusCode)
        } catch let error as URLError {
            return .unreachable(Self.reason(error))
        } catch {
            return .unreachable(.other(String(describing: error)))
        }
    }

    /// 加速乐 (Jiasule), in front of many government sites, answers a program with 521 and a
    /// script that sets a cookie (`__jsluid_h`, `__jsluid_s`) for a browser to come back with:
    /// the page is most likely there, not the server down that a plain 521 means.
    static func isBrowserCheck(_ response: HTTPURLResponse) -> Bool {
        guard response.statusCode == 521 else { return false }
        let cookies = response.allHeaderFields.filter { ($0.key as? String)?.lowercased() == "set-cookie" }.map { "\($0.value)" }
        return cookies.contains { $0.contains("__jsluid") || $0.contains("__jsl_clearance") }
    }

    static func reason(_ error: URLError) -> LinkStatus.Unreachable {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: .noSuchHost
        case .cannotConnectToHost, .notConnectedToInternet: .refused
        case .timedOut: .timedOut
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            .certificate
        default: .other(error.localizedDescription)
        }
    }
}
