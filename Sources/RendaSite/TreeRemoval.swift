#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RendaCore

/// Deletes a previous build's folder after the new one is in place. A site is thousands of
/// small folders, so files are unlinked on all cores and folders removed deepest level first,
/// each level on all cores. Symbolic links are removed, never followed.
enum TreeRemoval {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func remove(_ root: String) throws {
        // A link in the root's place goes, not what it points to.
        var info = stat()
        if lstat(root, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard unlink(root) == 0 else { throw Failure(description: "无法删除 \(root)：\(String(cString: strerror(errno)))") }
            return
        }
        var files: [String] = []
        var levels: [[String]] = [[root]]
        while let current = levels.last, !current.isEmpty {
            var next: [String] = []
            for folder in current { try list(folder, files: &files, folders: &next) }
            levels.append(next)
        }
        try check(files.parallelMap { unlink($0) == 0 || errno == ENOENT ? nil : ($0, errno) })
        for level in levels.reversed() where !level.isEmpty {
            try check(level.parallelMap { rmdir($0) == 0 || errno == ENOENT ? nil : ($0, errno) })
        }
    }

    private static func list(_ folder: String, files: inout [String], folders: inout [String]) throws {
        guard let entries = FileSystem.entries(in: folder) else {
            throw Failure(description: "\(folder)：\(String(cString: strerror(errno)))")
        }
        for entry in entries {
            let path = folder + "/" + entry.name
            if entry.isDirectory { folders.append(path) } else { files.append(path) }
        }
    }

    private static func check(_ results: [(String, Int32)?]) throws {
        if let (path, code) = results.lazy.compactMap({ $0 }).first {
            throw Failure(description: "无法删除 \(path)：\(String(cString: strerror(code)))")
        }
    }
}
