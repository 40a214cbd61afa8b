import Foundation
import RendaCore
import RendaSite
#if canImport(Glibc)
import Glibc
#endif

/// The repository checkout the tests run in (for the sample `content/` and `themes/`).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixed "now" after all sample content, so tests do not depend on the calendar.
let testNow = SiteDate(year: 2026, month: 6, day: 1)!

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A private copy of the sample site (content/ and themes/) that a test may change.
struct SampleSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// Writes like an editor does: the whole file, in place.
    func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }

    func replace(_ relative: String, _ old: String, with new: String, atomically: Bool = false) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw TestFailure("\(relative) does not contain \(old)") }
        if atomically {
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url(relative), options: .atomic)
        } else {
            try write(relative, text.replacingOccurrences(of: old, with: new))
        }
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: url(relative))
    }

    /// The first news item file, by name.
    func firstNews() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: url("content/news").path).sorted()
        return "content/news/" + names.first { $0.hasSuffix(".md") }!
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Every file of a folder, by relative path (dot files included: both outputs carry the marker).
func filesUnder(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path + "/"
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
    for case let name as String in enumerator {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + name, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[name] = FileManager.default.contents(atPath: base + name)
        }
    }
    return files
}

/// The differences between two folders, for a readable failure message (empty when equal).
func differences(_ a: URL, _ b: URL) -> [String] {
    let left = filesUnder(a), right = filesUnder(b)
    var problems: [String] = []
    for name in Set(left.keys).union(right.keys).sorted() {
        switch (left[name], right[name]) {
        case (nil, _): problems.append("only in full build: \(name)")
        case (_, nil): problems.append("only in incremental: \(name)")
        case let (x?, y?) where x != y: problems.append("differs: \(name)")
        default: break
        }
    }
    return problems
}

/// Polls `condition` until it holds or `seconds` pass; the bound only keeps a broken build from
/// hanging the suite, it is not a timing assertion.
func eventually(_ seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(5_000)
    }
    return try condition()
}

/// A response as the bytes on the wire said it.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends one request with the target exactly as given (URLSession would normalise `..` away,
/// which is the very thing the traversal tests need to send).
func request(port: UInt16, _ target: String, method: String = "GET") throws -> RawResponse {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestFailure("socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw TestFailure("connect failed: \(String(cString: strerror(errno)))") }
    let message = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
    guard send(fd, message, message.count, 0) == message.count else { throw TestFailure("send failed") }
    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        received.append(contentsOf: buffer[0..<count])
        if let response = parse(received, method: method), response.complete { return response.value }
    }
    guard let response = parse(received, method: method) else { throw TestFailure("no response to \(target)") }
    return response.value
}

private func parse(_ data: Data, method: String) -> (value: RawResponse, complete: Bool)? {
    guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
    let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head[0].split(separator: " ")[1]) ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let body = Data(data[end.upperBound...])
    let expected = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "") ?? Int.max
    return (RawResponse(status: status, headers: headers, body: body), body.count >= expected)
}
