/// What asking for an address gave.
public enum LinkStatus: Sendable, Equatable {
    /// The page is there (2xx, after any redirects).
    case ok
    /// The server answered that the page is not there or failed: 404, 410, 5xx.
    case broken(status: Int)
    /// The server would not answer a program (401, 403, 412, 429 and other refusals). Many
    /// government sites sit behind a firewall that turns away anything but a browser, so such a
    /// page is most likely fine, but only a person can tell.
    case refused(status: Int)
    /// No answer: the name does not resolve, the connection is refused or times out, the
    /// certificate is not trusted.
    case unreachable(Unreachable)
    /// Not an address a browser could open.
    case invalid

    public enum Unreachable: Sendable, Equatable {
        case noSuchHost, refused, timedOut, certificate, other(String)
    }

    /// Whether a status code means the page is missing or the server failed, as opposed to a
    /// refusal to answer programs.
    static func forStatus(_ code: Int) -> LinkStatus {
        switch code {
        case 200..<400: .ok
        case 404, 410, 500..<600: .broken(status: code)
        default: .refused(status: code)
        }
    }
}
