import Foundation
import RendaContent
import RendaCore
import RendaTemplates

/// The compiled theme, kept between preview rebuilds while no file under `themes/` changed.
/// Its fingerprint also goes into every page's signature: a template, string or stylesheet change
/// makes every page due for rendering.
final class ThemeCache {
    private var key: (fingerprint: Int, theme: String, language: String)?
    private var loaded: (Theme?, [Diagnostic]) = (nil, [])
    private(set) var fingerprint = 0

    /// Stamps every file under `themes/`: a few dozen files, well under a millisecond.
    func refresh(root: URL) {
        var hasher = Hasher()
        let folder = root.appendingPathComponent("themes").path
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            var names: [String] = []
            for case let name as String in enumerator { names.append(name) }
            for name in names.sorted() {
                hasher.combine(name)
                hasher.combine(FileStamp(path: folder + "/" + name))
            }
        }
        fingerprint = hasher.finalize()
    }

    /// What the last load reported.
    var problems: [Diagnostic] { loaded.1 }

    /// The `loadTheme` hook of `SiteBuilder.prepare`.
    func load(root: URL, config: SiteConfig) -> (Theme?, [Diagnostic]) {
        if let key, key.fingerprint == fingerprint, key.theme == config.theme, key.language == config.language {
            return loaded
        }
        loaded = ThemeLoader.load(root: root, name: config.theme, language: config.language)
        key = (fingerprint, config.theme, config.language)
        return loaded
    }
}
