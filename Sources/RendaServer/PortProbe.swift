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
    static func unavailable(_ address: any SocketAddress) -> String? {
        do {
            let socket = try Socket(domain: Int32(type(of: address).family), type: .stream)
            defer { try? socket.close() }
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            return nil
        } catch {
            return reason(for: error)
        }
    }

    /// A failure to listen (the probe's or the server's own) in words.
    static func reason(for error: any Error) -> String {
        guard case let SocketError.failed(_, code, _) = error else { return "\(error)" }
        switch code {
        case EADDRINUSE: return "这个端口已被其他程序占用，可能是另一个 renda serve 还开着"
        case EACCES: return "没有权限使用这个端口，1024 以下的端口要管理员权限"
        case EADDRNOTAVAIL: return "本机没有这个地址"
        default: return String(cString: strerror(code))
        }
    }
}
