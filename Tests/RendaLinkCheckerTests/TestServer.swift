import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A web server on loopback standing in for the sites a county site links to: pages that are
/// there, gone, moved, failing, behind a firewall, slow, or that refuse HEAD.
///
/// Plain sockets and a thread per connection rather than an async server: the other suites'
/// tests hold the shared task pool's few threads while they build sites, and a server waiting
/// for one would time the checker's requests out.
final class TestServer: @unchecked Sendable {
    private let listener: Int32
    let port: UInt16
    let log = RequestLog()

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [listener, log] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Thread { TestServer.serve(connection, log: log) }.start()
            }
        }
        thread.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private static func serve(_ connection: Int32, log: RequestLog) {
        defer { close(connection) }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            head += buffer[..<count]
        }
        let requestLine = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        log.began("\(method) \(path)")
        defer { log.ended() }
        if path == "/large", method == "GET" { return sendLarge(connection, log: log) }
        let (status, headers) = answer(method: method, path: path)
        let body = "<p>页面</p>"
        var response = "HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        for header in headers { response += header + "\r\n" }
        response += "\r\n"
        if method != "HEAD" { response += body }
        _ = Array(response.utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    static let largeSize = 64 << 20

    /// A large file from a server that ignores `Range`, sent a megabyte at a time until the
    /// client hangs up; the log keeps how much went out.
    private static func sendLarge(_ connection: Int32, log: RequestLog) {
        let head = Array("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: \(largeSize)\r\nConnection: close\r\n\r\n".utf8)
        let chunk = [UInt8](repeating: 0x30, count: 1 << 20)
        guard head.withUnsafeBytes({ send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == head.count else { return }
        var sent = 0
        while sent < largeSize {
            let count = chunk.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
            Thread.sleep(forTimeInterval: 0.01)
        }
        log.sent(sent)
    }

    private static func answer(method: String, path: String) -> (String, [String]) {
        // Long enough for requests to overlap, so the limit on them at once can be seen.
        if path.hasPrefix("/many/") { Thread.sleep(forTimeInterval: 0.15) }
        switch path {
        case "/gone": return ("404 Not Found", [])
        case "/moved": return ("301 Moved Permanently", ["Location: /ok"])
        case "/moved-gone": return ("302 Found", ["Location: /gone"])
        case "/error": return ("503 Service Unavailable", [])
        case "/firewall": return ("412 Precondition Failed", [])
        // 加速乐's check for a browser, and a 521 that is a server down.
        case "/jiasule": return ("521 Web Server Is Down", ["Set-Cookie: __jsluid_s=2c7a; max-age=31536000; path=/; HttpOnly"])
        case "/down": return ("521 Web Server Is Down", [])
        case "/no-head" where method == "HEAD", "/large" where method == "HEAD": return ("405 Method Not Allowed", [])
        case "/slow":
            Thread.sleep(forTimeInterval: 4)
            return ("200 OK", [])
        default: return ("200 OK", [])
        }
    }
}

/// Which requests came, and how many were open at once at most.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    private var open = 0
    private var most = 0

    var requests: [String] { lock.withLock { list } }
    var mostAtOnce: Int { lock.withLock { most } }
    /// Bytes of a large body that went out before the client hung up, once it did.
    private(set) var bodyBytesSent: Int? {
        get { lock.withLock { sentBytes } }
        set { lock.withLock { sentBytes = newValue } }
    }
    private var sentBytes: Int?

    func sent(_ bytes: Int) { bodyBytesSent = bytes }

    func began(_ request: String) {
        lock.withLock {
            list.append(request)
            open += 1
            most = max(most, open)
        }
    }

    func ended() { lock.withLock { open -= 1 } }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
