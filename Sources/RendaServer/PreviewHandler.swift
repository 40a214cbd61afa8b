import FlyingFox
import Foundation
import RendaSite

/// Answers every request of the preview: the live-reload script and status, and the site's files.
struct PreviewHandler: HTTPHandler {
    let site: IncrementalSite
    let status: PreviewStatus
    let folder: SiteFolder
    /// How long a status request waits for news before answering anyway (below the server's
    /// request timeout, so the browser never sees a timeout error).
    var pollWindow: Duration = .seconds(20)

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return text(.methodNotAllowed, "预览服务器只接受 GET 和 HEAD 请求。", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == LiveReload.scriptPath {
            return respond(.ok, Data(LiveReload.script.utf8), type: ContentTypes.javascript, head: isHead)
        }
        if rawPath == LiveReload.statusPath {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? -1
            var snapshot = await status.next(after: since, timeout: pollWindow)
            snapshot.queued = site.queuedCount
            return respond(.ok, try JSONEncoder().encode(snapshot), type: ContentTypes.json, head: isHead)
        }
        guard let basePath = site.basePath else { return notReady(head: isHead) }
        switch SitePath.resolve(rawPath, basePath: basePath) {
        case .badRequest:
            return text(.badRequest, "请求的路径无效：网址中不能含有 .. 等跳出网站目录的部分。")
        case .redirect(let location):
            return redirect(location, query: request.target.query())
        case .notFound:
            return notFound(head: isHead)
        case .file(let relative):
            // A page the last change made stale is rendered now rather than served old.
            if let fresh = site.freshPage(file: relative) {
                return page(Data(fresh), status: .ok, head: isHead)
            }
            switch folder.lookup(relative) {
            case .file(let data):
                let type = ContentTypes.forFile(relative)
                return type == ContentTypes.html ? page(data, status: .ok, head: isHead)
                    : respond(.ok, data, type: type, head: isHead)
            case .folder:
                return redirect(rawPath + "/", query: request.target.query())
            case .missing:
                return notFound(head: isHead)
            }
        }
    }

    // MARK: - Responses

    /// HTML gets the live-reload script; files on disk never carry it.
    private func page(_ html: Data, status code: HTTPStatusCode, head: Bool) -> HTTPResponse {
        respond(code, LiveReload.inject(into: html, build: status.current.build), type: ContentTypes.html, head: head)
    }

    /// The site's own 404 page, as a real server configured for the site would send it.
    private func notFound(head: Bool) -> HTTPResponse {
        let file = "404.html"
        if let fresh = site.freshPage(file: file) { return page(Data(fresh), status: .notFound, head: head) }
        if case .file(let data) = folder.lookup(file) { return page(data, status: .notFound, head: head) }
        return text(.notFound, "页面不存在。")
    }

    /// Before the first good build there is no site: a page that shows the errors and reloads.
    private func notReady(head: Bool) -> HTTPResponse {
        let html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>预览尚未生成</title></head>
        <body><p>网站还没有成功生成过。改正错误后，本页会自动刷新。</p></body></html>
        """
        return page(Data(html.utf8), status: .serviceUnavailable, head: head)
    }

    private func redirect(_ location: String, query: String) -> HTTPResponse {
        let target = query.isEmpty ? location : location + "?" + query
        let headers: HTTPHeaders = [.location: target, .cacheControl: "no-store"]
        return HTTPResponse(statusCode: .found, headers: headers)
    }

    private func text(_ code: HTTPStatusCode, _ message: String, extra: HTTPHeaders = [:]) -> HTTPResponse {
        var response = respond(code, Data((message + "\n").utf8), type: ContentTypes.plainText, head: false)
        for (header, value) in extra { response.headers[header] = value }
        return response
    }

    /// A preview is never cached: the next save must show at once.
    private func respond(_ code: HTTPStatusCode, _ body: Data, type: String, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type,
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: code, headers: headers)
        }
        return HTTPResponse(statusCode: code, headers: headers, body: body)
    }
}
