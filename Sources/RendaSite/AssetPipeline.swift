import Crypto
import Foundation
import RendaCore

/// Static files from the theme chain and `content/static/`, with content-hashed names for CSS
/// and JS so a browser never keeps a stale copy after an update.
struct AssetPipeline: Sendable {
    struct Asset: Sendable {
        var source: URL
        /// Path in the output, relative: `assets/style.1a2b3c4d.css`.
        var output: String
    }

    private(set) var assets: [Asset] = []
    /// Template keys for fingerprinted files: `style_css` → `/rd/assets/style.1a2b3c4d.css`.
    private(set) var templateKeys: [String: String] = [:]

    /// `folders` in override order: parent theme, child theme, then the site's own static files.
    init(folders: [URL], urls: URLScheme) throws {
        var byPath: [String: URL] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            let prefix = folder.standardizedFileURL.path + "/"
            for case let url as URL in enumerator {
                let path = url.standardizedFileURL.path
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                      path.hasPrefix(prefix), !SystemFiles.contains(url.lastPathComponent)
                else { continue }
                byPath[String(path.dropFirst(prefix.count))] = url
            }
        }
        for path in byPath.keys.sorted() {
            let source = byPath[path]!
            var output = path
            let ext = (path as NSString).pathExtension.lowercased()
            if ext == "css" || ext == "js" {
                let data = try Data(contentsOf: source)
                let digest = SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
                output = (path as NSString).deletingPathExtension + ".\(digest).\(ext)"
                let name = (path as NSString).lastPathComponent
                templateKeys[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")]
                    = urls.href("/" + output)
            }
            assets.append(Asset(source: source, output: output))
        }
    }
}
