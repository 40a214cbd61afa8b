import Foundation
import RendaCore

/// What `renda build` was asked to do.
public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `themes/`.
    public var root: URL
    /// Where the site is written; replaced whole when the build succeeds.
    public var output: URL
    /// Overrides `base_url` from site.yml (for previews and staging hosts).
    public var baseURL: String?
    /// Include drafts and items dated in the future.
    public var includeDrafts: Bool
    /// The moment that decides what is "in the future"; the current time unless a test sets it.
    public var now: SiteDate

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, now: SiteDate? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("site")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now ?? SiteDate.now
    }
}
