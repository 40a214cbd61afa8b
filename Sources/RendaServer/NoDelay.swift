import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// FlyingFox writes a response's header and body in separate writes and has no option for
/// TCP_NODELAY, so on a kept-alive connection Nagle's algorithm holds the body until the browser
/// acknowledges the header, which it delays by 40 ms: every request of the preview took 40 ms
/// longer. Linux copies TCP_NODELAY from a listening socket to the connections it accepts, so it
/// is set once on the server's listening socket, found by its port among the process's sockets.
enum NoDelay {
    static func setOnListeningSocket(port: UInt16) {
        #if os(Linux)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let fd = Int32(name), isListening(fd, port: port) else { continue }
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        #endif
    }

    #if os(Linux)
    private static func isListening(_ fd: Int32, port: UInt16) -> Bool {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard found == 0 else { return false }
        let boundPort: UInt16
        switch Int32(address.ss_family) {
        case AF_INET:
            boundPort = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port } }
        case AF_INET6:
            boundPort = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port } }
        default:
            return false
        }
        var accepting: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        return UInt16(bigEndian: boundPort) == port
            && getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0 && accepting == 1
    }
    #endif
}
