import Foundation
import RendaCore

/// What `renda build` was asked to do.
public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `themes/`.
    public var root: URL
    /// Where the site is written; replaced whole when the build succeeds. By default `site/`,
    /// and `site-drafts/` with drafts: a preview with drafts in the folder staff upload would
    /// publish them with the next upload.
    public var output: URL
    /// Overrides `base_url` from site.yml (for previews and staging hosts).
    public var baseURL: String?
    /// Include drafts and items dated in the future.
    public var includeDrafts: Bool
    /// The moment that decides what is "in the future"; the current time unless a test sets it.
    public var now: SiteDate

    /// The default output of a build with drafts.
    public static let draftsFolder = "site-drafts"

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, now: SiteDate? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent(includeDrafts ? Self.draftsFolder : "site")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now ?? SiteDate.now
    }
}
