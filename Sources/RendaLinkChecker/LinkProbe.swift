import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks whether one address can be opened. A protocol so tests can count and fake requests.
public protocol LinkProbe: Sendable {
    func status(of url: URL) async -> LinkStatus
}

/// Over HTTP with Foundation's URLSession (libcurl on Linux): a `HEAD` request first, then a
/// `GET` when the `HEAD` is not a success, since many servers answer `HEAD` with 403, 404 or 405
/// for pages that open. Redirects are followed. Only the status and headers are read: the
/// request is cancelled as they arrive (`ResponseHeaders`).
public struct HTTPLinkProbe: LinkProbe {
    let session: URLSession
    let headers = ResponseHeaders()

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
        session = URLSession(configuration: configuration, delegate: headers, delegateQueue: nil)
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
        // For a server that sends the body before the request can be cancelled.
        if method == "GET" { request.setValue("bytes=0-4095", forHTTPHeaderField: "Range") }
        do {
            guard let http = try await headers.response(to: request, in: session) else { return .invalid }
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

/// Answers a request with its response as soon as the status and headers are in, and cancels it:
/// a server that ignores `Range` (or a `GET` of a video or a large PDF a report links to) would
/// otherwise send the whole file, only to be thrown away.
final class ResponseHeaders: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private typealias Waiting = CheckedContinuation<HTTPURLResponse?, Error>
    private let lock = NSLock()
    /// By task identifier, unique within the one session this delegate serves.
    private var waiting: [Int: Waiting] = [:]

    func response(to request: URLRequest, in session: URLSession) async throws -> HTTPURLResponse? {
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Waiting) in
                lock.withLock { waiting[task.taskIdentifier] = continuation }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        finish(dataTask, with: .success(response as? HTTPURLResponse))
        completionHandler(.cancel)
        // swift-corelibs-foundation ignores the disposition: the task has to be told itself.
        dataTask.cancel()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        // After a response this is the cancellation, and nobody is waiting any more.
        finish(task, with: error.map { .failure($0) } ?? .success(task.response as? HTTPURLResponse))
    }

    private func finish(_ task: URLSessionTask, with result: Result<HTTPURLResponse?, Error>) {
        let continuation = lock.withLock { waiting.removeValue(forKey: task.taskIdentifier) }
        continuation?.resume(with: result)
    }
}
