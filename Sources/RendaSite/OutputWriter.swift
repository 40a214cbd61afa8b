import Foundation
import RendaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the output folder could not be written: a folder it may not replace (a usage problem), or
/// the disk refusing a write (`writing`: full, no permission), which scripts tell apart by the
/// exit status.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public var writing = false

    public init(description: String, writing: Bool = false) {
        self.description = description
        self.writing = writing
    }
}

/// Writes a build into a temporary folder beside the output and swaps it in only when the whole
/// build succeeded, so a failed build leaves the previous site untouched and stale files vanish.
/// It deletes nothing but its own temporary folder and the output folder it replaces, and it
/// replaces a folder only if an earlier build wrote it (or it is empty).
final class OutputWriter: @unchecked Sendable {
    /// Written into every output so a later build knows the folder is its own to replace.
    static let markerName = ".renda-output"
    /// The build writes it again last, so its time also dates the build (`HandAddedFiles`).
    /// `renda serve` writes the same text into its own folder, which is never checked.
    static let markerText = "This folder is written by `renda build` and replaced whole on every build.\n"
        + "Its other files are no newer than this one: files added or changed later are not renda's.\n"

    let output: URL
    let staging: URL
    /// The site's `content/static/`: a file there is not lost when the output is replaced.
    private let contentStatic: String
    /// `staging.path` and a slash, kept: a URL decodes its path each time it is asked.
    private let stagingPrefix: String
    private var committed = false
    /// The modes files and folders are given whatever the umask, when the output being replaced
    /// had others than the umask allows (`OutputPermissions`); nil leaves them to the umask.
    private let modes: OutputPermissions.Modes?

    init(output: URL, root: URL) throws {
        self.output = try OutputWriter.realFolder(output.standardizedFileURL)
        if OutputWriter.overlapsSources(self.output, root: root) {
            throw OutputError(description: "输出目录 \(self.output.path) 会覆盖站点源文件，请换一个目录（默认是 site/）。")
        }
        try OutputWriter.checkReplaceable(self.output)
        contentStatic = root.standardizedFileURL.path + "/content/static"
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        OutputWriter.removeLeftovers(beside: self.output)
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).renda-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // The new site is written beside the output and swapped in: the parent must take a folder.
        guard mkdir(staging.path, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            throw OutputError(description: "无法在 \(parent.path) 中建立新网站的临时文件夹（\(reason)）。"
                + "新网站先写在输出目录旁边，生成完才换上，所以运行 renda build 的用户要能在 \(parent.path) 里新建文件夹；"
                + "输出目录本身是挂载点时，请改为输出到挂载点里面的一个文件夹。", writing: true)
        }
        stagingPrefix = staging.path + "/"
        modes = OutputPermissions.carry(from: self.output.path, to: staging.path)
        try write(OutputWriter.markerName, Array(OutputWriter.markerText.utf8))
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// The folder a build replaces. When the output is a symbolic link (`site/` pointing at the
    /// web server's folder), that is the folder it points to: swapping the link itself would put
    /// the new site beside the web root and delete the old one through the link. The link is left
    /// as it is and shows the new site.
    static func realFolder(_ output: URL) throws -> URL {
        let fm = FileManager.default
        guard let target = try? fm.destinationOfSymbolicLink(atPath: output.path) else { return output }
        guard fm.fileExists(atPath: output.path) else {
            throw OutputError(description: "输出路径 \(output.path) 是一个链接，指向的 \(target) 不存在。请先创建那个文件夹，或换一个输出目录。")
        }
        return output.resolvingSymlinksInPath().standardizedFileURL
    }

    /// Removes what an interrupted build (Ctrl+C, a crash) left beside the output: its staging
    /// folder or the old output it had set aside. Only renda's own names, only for a process that
    /// is gone, and only folders holding the marker (or a link, which is removed, not followed).
    static func removeLeftovers(beside output: URL) {
        let parent = output.deletingLastPathComponent().path
        let prefixes = [".\(output.lastPathComponent).renda-tmp-", ".\(output.lastPathComponent).renda-old-"]
        for entry in FileSystem.entries(in: parent) ?? [] {
            guard let prefix = prefixes.first(where: { entry.name.hasPrefix($0) }),
                  let pid = Int32(entry.name.dropFirst(prefix.count).prefix(while: \.isNumber)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = parent + "/" + entry.name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            guard isLink || access(path + "/" + markerName, F_OK) == 0 else { continue }
            try? TreeRemoval.remove(path)
        }
    }

    /// Whether a folder is the site root, holds it, or sits inside `content/` or `themes/`: an
    /// output there would replace the sources. `renda serve`'s folder obeys the same rule.
    static func overlapsSources(_ output: URL, root: URL) -> Bool {
        let rootPath = root.standardizedFileURL.path
        let outputPath = output.standardizedFileURL.path
        let sources = [rootPath + "/content", rootPath + "/themes"]
        return (rootPath + "/").hasPrefix(outputPath == "/" ? "/" : outputPath + "/")
            || sources.contains(where: { outputPath == $0 || outputPath.hasPrefix($0 + "/") })
    }

    /// An existing output may be replaced only if renda wrote it, or it is empty.
    static func checkReplaceable(_ output: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw OutputError(description: "输出路径 \(output.path) 是一个文件，不是文件夹。")
        }
        let marker = output.appendingPathComponent(markerName).path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !FileManager.default.fileExists(atPath: marker) {
            throw OutputError(description: "输出目录 \(output.path) 已有其他文件，且不是 renda 生成的；为免误删，不会覆盖它。请指定一个空目录或新目录。")
        }
    }

    /// A built output with files added by hand since is not replaced: they would be lost.
    private func checkNothingAddedByHand() throws {
        let added = HandAddedFiles.find(in: output.path, replacedBy: staging.path, contentStatic: contentStatic)
        if !added.isEmpty { throw OutputError(description: HandAddedFiles.message(added, output: output.path)) }
    }

    /// Creates the folders of `files` (relative paths) up front, once each, so the writers never
    /// race on `mkdir`. A site has a folder per page, so folders of one depth are made on all
    /// cores, after their parents.
    func createFolders(for files: [String]) throws {
        var folders = Set<Substring>()
        var byDepth: [[Substring]] = []
        for file in files {
            var folder = file[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
                let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
                while byDepth.count <= depth { byDepth.append([]) }
                byDepth[depth].append(folder)
            }
        }
        let root = stagingPrefix
        for level in byDepth {
            let failures = level.parallelMap { folder -> String? in
                let path = root + folder
                if mkdir(path, 0o755) == 0 {
                    guard let mode = self.modes?.folder, chmod(path, mode) != 0 else { return nil }
                } else if errno == EEXIST {
                    return nil
                }
                return "无法创建目录 \(path)：\(String(cString: strerror(errno)))"
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw OutputError(description: failure, writing: true) }
        }
    }

    /// Writes one file with a single open/write/close. `relativePath` must have its folder created.
    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let path = stagingPrefix + relativePath
        let error = FileSystem.writeBytes(bytes, to: path, mode: modes?.file)
        guard error == 0 else { throw OutputError(description: "无法写入 \(path)：\(String(cString: strerror(error)))", writing: true) }
    }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Array(text.utf8))
    }

    func copy(_ source: URL, to relativePath: String) throws {
        let destination = staging.appendingPathComponent(relativePath)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
        if let mode = modes?.file { chmod(destination.path, mode) }
    }

    /// Replaces the output with the staged build: swapped in one step (`FolderSwap`), else
    /// old → aside, new → in place; the old removed. Returns the warning for an old output that
    /// could not be removed (built by another user, say): a whole copy of the site left beside it.
    @discardableResult
    func commit() throws -> Diagnostic? {
        let fm = FileManager.default
        try OutputWriter.checkReplaceable(output)
        try checkNothingAddedByHand()
        // Written again, last: every other file of the build is now no newer than the marker,
        // which lets the next build see files added by hand (`HandAddedFiles`).
        try write(OutputWriter.markerName, Array(OutputWriter.markerText.utf8))
        let hadOutput = fm.fileExists(atPath: output.path)
        // In one step where the system can: the staging folder then holds the old output, which
        // goes as the staging folder would (and a later build's leftovers check knows its name).
        if hadOutput, FolderSwap.exchange(staging.path, output.path) {
            committed = true
            return removeOld(staging.path)
        }
        let aside = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).renda-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        if hadOutput { try fm.moveItem(at: output, to: aside) }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fm.moveItem(at: aside, to: output) }
            throw error
        }
        committed = true
        return hadOutput ? removeOld(aside.path) : nil
    }

    private func removeOld(_ path: String) -> Diagnostic? {
        do {
            try TreeRemoval.remove(path)
            return nil
        } catch {
            return .warning(SourceLocation(file: path), "新网站已生成，但上次生成的旧文件夹删不掉，留在了旁边：\(error)",
                            hint: "多半是旧文件夹由别的用户生成（如 root），当前用户无权删除：请用那个用户删掉它，以后都用同一个用户生成。")
        }
    }
}
