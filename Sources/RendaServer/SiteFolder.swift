import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files from the preview folder, and only from it: the real path of whatever a request
/// names (after following every symbolic link) must lie inside the folder's real path, so a link
/// that was copied in from `content/static` and points at `/etc` serves nothing.
struct SiteFolder: Sendable {
    enum Lookup: Equatable {
        case file(Data)
        /// A folder: the request should end in `/`.
        case folder
        case missing
    }

    let path: String

    init(_ folder: URL) {
        path = folder.standardizedFileURL.path
    }

    func lookup(_ relative: String) -> Lookup {
        guard let real = realPath(path + "/" + relative), let root = realPath(path), real.hasPrefix(root + "/") else {
            return .missing
        }
        var info = stat()
        guard stat(real, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return FileManager.default.contents(atPath: real).map(Lookup.file) ?? .missing
        default: return .missing
        }
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
