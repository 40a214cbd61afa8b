import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the preview can listen where asked, found before the first build (which takes a
/// while on a large site) by binding a socket as the server will and letting it go; and why not,
/// in words staff can act on rather than `failed(type: "Bind", errno: 98…)`.
enum PortProbe {
    static func unavailable(host: String, port: UInt16) -> String? {
        let ipv6 = host.contains(":")
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let result: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { return nil }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { return nil }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        return result == 0 ? nil : reason(errno: errno)
    }

    /// The server's own failure to listen, in the same words.
    static func reason(for error: any Error) -> String {
        if case let SocketError.failed(_, code, _) = error { return reason(errno: code) }
        return "\(error)"
    }

    private static func reason(errno code: Int32) -> String {
        switch code {
        case EADDRINUSE: "这个端口已被其他程序占用，可能是另一个 renda serve 还开着"
        case EACCES: "没有权限使用这个端口，1024 以下的端口要管理员权限"
        case EADDRNOTAVAIL: "本机没有这个地址"
        default: String(cString: strerror(code))
        }
    }
}
