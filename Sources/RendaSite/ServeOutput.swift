import Foundation
import RendaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `renda serve` keeps up to date in place. Unlike `renda build`, which stages a whole
/// new site and swaps it in, a preview changes a handful of files per save, so each file is
/// written beside its target and renamed over it: a browser fetching it meanwhile gets either the
/// old or the new file, never half of one.
final class ServeOutput: @unchecked Sendable {
    private let path: String
    private let counter = Counter()

    /// Empties the folder (only if an earlier build or preview wrote it, or it is empty) and marks
    /// it as renda's, as `renda build` does, so the two outputs can be compared file for file.
    init(folder: URL, root: URL) throws {
        let folder = folder.standardizedFileURL
        path = folder.path
        if OutputWriter.overlapsSources(folder, root: root) {
            throw OutputError(description: "预览目录 \(path) 会覆盖站点源文件，请换一个目录。")
        }
        try OutputWriter.checkReplaceable(folder)
        // A large preview is tens of thousands of files: removed on all cores, as `renda build`
        // removes its old output. A symbolic link is removed itself, never followed.
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { try TreeRemoval.remove(path) } else { unlink(path) }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write(OutputWriter.markerName, Array(OutputWriter.markerText.utf8))
    }

    /// Writes a file of the site (path relative to the folder), creating its folders.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let target = path + "/" + relative
        try makeParents(of: target)
        let temporary = temporaryName(for: target)
        let error = FileSystem.writeBytes(bytes, to: temporary)
        guard error == 0 else {
            unlink(temporary)
            throw OutputError(description: "无法写入 \(temporary)：\(String(cString: strerror(error)))")
        }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw failure("无法替换", target)
        }
    }

    /// Copies a source file (an image, a stylesheet) into the folder.
    func copy(_ source: URL, to relative: String) throws {
        guard let bytes = FileSystem.readBytes(source.path) else {
            throw OutputError(description: "无法读取 \(source.path)")
        }
        try write(relative, bytes)
    }

    /// Removes a file that the site no longer has, and the folders it leaves empty.
    func remove(_ relative: String) {
        var target = path + "/" + relative
        unlink(target)
        while true {
            target = (target as NSString).deletingLastPathComponent
            guard target.count > path.count, rmdir(target) == 0 else { break }
        }
    }

    private func makeParents(of file: String) throws {
        let parent = (file as NSString).deletingLastPathComponent
        if access(parent, F_OK) == 0 { return }
        try makeParents(of: parent)
        if mkdir(parent, 0o755) != 0, errno != EEXIST { throw failure("无法创建目录", parent) }
    }

    /// Unique per write: the page a browser asked for may be rendered by the request and by the
    /// background writer at once.
    private func temporaryName(for target: String) -> String {
        let directory = (target as NSString).deletingLastPathComponent
        return directory + "/.renda-tmp-\(getpid())-\(counter.next())"
    }

    private func failure(_ what: String, _ file: String) -> OutputError {
        OutputError(description: "\(what) \(file)：\(String(cString: strerror(errno)))")
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}
