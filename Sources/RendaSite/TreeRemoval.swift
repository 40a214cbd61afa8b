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
        guard let stream = opendir(folder) else {
            throw Failure(description: "\(folder)：\(String(cString: strerror(errno)))")
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) { folders.append(path) } else { files.append(path) }
        }
    }

    private static func check(_ results: [(String, Int32)?]) throws {
        if let (path, code) = results.lazy.compactMap({ $0 }).first {
            throw Failure(description: "无法删除 \(path)：\(String(cString: strerror(code)))")
        }
    }
}
