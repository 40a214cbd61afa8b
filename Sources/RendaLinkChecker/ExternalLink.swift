import RendaCore

/// One off-site address and every place the site links to it, so a page that has gone is asked
/// for once however many articles name it.
public struct ExternalLink: Sendable, Equatable {
    /// The address as it is asked for: without its `#fragment` (never sent to the server), and
    /// with `https:` in front of a scheme-relative `//host/…`.
    public var url: String
    /// Where it is written, sorted.
    public var uses: [SourceLocation]

    public init(url: String, uses: [SourceLocation]) {
        self.url = url
        self.uses = uses
    }

    /// Groups the links as found, one entry per address, in address order (the output is the
    /// same on every run, whatever order the pages were rendered in).
    public static func grouped(_ found: [(url: String, at: SourceLocation)]) -> [ExternalLink] {
        var uses: [String: [SourceLocation]] = [:]
        for (url, location) in found {
            uses[requestAddress(url), default: []].append(location)
        }
        return uses.keys.sorted().map { ExternalLink(url: $0, uses: Array(Set(uses[$0]!)).sorted()) }
    }

    static func requestAddress(_ url: String) -> String {
        var address = url.hasPrefix("//") ? "https:" + url : url
        if let hash = address.firstIndex(of: "#") { address = String(address[..<hash]) }
        return address
    }
}
