/// Files the computer writes beside staff's own, which are nobody's content: hidden files
/// (`.DS_Store`, LibreOffice's `.~lock.x#`), the owner file Word and WPS keep while a document is
/// open (`~$新闻.md`, which ends in `.md` and is not text), Word's temporary files
/// (`~WRL0001.tmp`), and Windows' thumbnail cache and folder settings (`Thumbs.db`,
/// `desktop.ini`). Staff cannot see them in the file manager, so they are neither read, copied
/// nor reported.
public enum SystemFiles {
    /// Hidden files and what programs leave behind: left out of `content/`.
    public static func contains(_ name: String) -> Bool {
        name.hasPrefix(".") || isLeftBehind(name)
    }

    /// What the operating system and office programs leave in any folder they show, hidden or
    /// not; not the hidden files a site may need (`.well-known/`).
    public static func isLeftBehind(_ name: String) -> Bool {
        if name == ".DS_Store" || name.hasPrefix("~$") { return true }
        if name.hasPrefix("~"), name.lowercased().hasSuffix(".tmp") { return true }
        switch name.lowercased() {
        case "thumbs.db", "ehthumbs.db", "desktop.ini": return true
        default: return false
        }
    }
}
