@testable import RendaServer
import Testing

/// Request paths are decided before the file system is touched.
struct SitePathTests {
    @Test func plainPathsMapToFiles() {
        #expect(SitePath.resolve("/", basePath: "/") == .file("index.html"))
        #expect(SitePath.resolve("/news/", basePath: "/") == .file("news/index.html"))
        #expect(SitePath.resolve("/news/feed.xml", basePath: "/") == .file("news/feed.xml"))
        #expect(SitePath.resolve("/topics/%E7%9B%91%E7%9D%A3/", basePath: "/") == .file("topics/监督/index.html"))
    }

    @Test func subPathSites() {
        #expect(SitePath.resolve("/", basePath: "/rd/") == .redirect("/rd/"))
        #expect(SitePath.resolve("/rd", basePath: "/rd/") == .redirect("/rd/"))
        #expect(SitePath.resolve("/rd/news/", basePath: "/rd/") == .file("news/index.html"))
        #expect(SitePath.resolve("/news/", basePath: "/rd/") == .notFound)
    }

    @Test func traversalAndOddBytesAreBadRequests() {
        for path in ["/../etc/passwd", "/news/../../x", "/%2e%2e/x", "/%2E%2E/x", "/a/%2e/b", "/..%2fx", "/a%2f..%2fb",
                     "/..%5cx", "/a%00b", "/%zz", "news"] {
            #expect(SitePath.resolve(path, basePath: "/") == .badRequest, "\(path)")
        }
    }

    @Test func hiddenFilesAreNotServed() {
        #expect(SitePath.resolve("/.renda-output", basePath: "/") == .notFound)
        #expect(SitePath.resolve("/news/.renda-tmp-1-2", basePath: "/") == .notFound)
    }

    @Test func contentTypesNameUTF8ForText() {
        #expect(ContentTypes.forFile("a/index.html") == "text/html; charset=utf-8")
        // An old CMS's page kept as a redirect (`aliases`).
        #expect(ContentTypes.forFile("art/2024/5/6/art_1_2.shtml") == "text/html; charset=utf-8")
        #expect(ContentTypes.forFile("assets/style.1a2b.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forFile("assets/site.1a2b.JS") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forFile("feed.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forFile("search/index.json") == "application/json; charset=utf-8")
        #expect(ContentTypes.forFile("images/a.png") == "image/png")
        #expect(ContentTypes.forFile("LICENSE") == "application/octet-stream")
    }
}
