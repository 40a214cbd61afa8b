import Foundation
import RendaContent
import RendaCore

/// What to tell staff when a link or image names a file that is not there. The usual causes
/// are a Windows path (`images\photo.png`), a name whose case differs from the file's (Windows
/// and macOS do not mind, the web server does: `Photo.JPG` for `photo.jpg`), and a typo; each
/// gets the name that would work. Only when none applies is the general advice given.
enum MissingFileHint {
    /// `written`: the path as the Markdown has it, percent-decoded, less `prefix` (`/` for a site
    /// path, which names are suggested with); `folder`: where it is resolved from; `general`: the
    /// advice for a file that is simply not there.
    static func hint(for written: String, from folder: String, prefix: String = "", general: String) -> String {
        if written.contains("\\") {
            let slashed = written.replacingOccurrences(of: "\\", with: "/")
            let exists = FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(slashed).path)
            return "路径里的文件夹要用 / 分隔，不能用 \\" + (exists ? "：改成 \(prefix + slashed)。" : "。" + general)
        }
        let target = URL(fileURLWithPath: folder).appendingPathComponent(written).standardizedFileURL
        let name = target.lastPathComponent
        let written = written as NSString
        let siblings = (FileSystem.entries(in: target.deletingLastPathComponent().path) ?? [])
            .map(\.name).filter { !SystemFiles.contains($0) && !MarkdownFileName.matches($0) }.sorted()
        let inWrittenFolder = { (sibling: String) in
            prefix + (written.deletingLastPathComponent.isEmpty ? sibling : written.deletingLastPathComponent + "/" + sibling)
        }
        if let sameLetters = siblings.first(where: { $0.lowercased() == name.lowercased() }) {
            return "文件名的大小写不一致：文件是 \(sameLetters)。网站服务器区分大小写，请写成 \(inWrittenFolder(sameLetters))。"
        }
        if let close = Suggestion.closest(to: name, in: siblings) {
            return "是否想写 \(inWrittenFolder(close))？" + general
        }
        // A camera's name (IMG_2041.JPG) shares nothing with the one written (portrait.jpg).
        if siblings.count == 1, let only = siblings.first {
            return "文件夹里只有 \(only)：如果就是它，请写成 \(inWrittenFolder(only))。" + general
        }
        return general
    }
}
