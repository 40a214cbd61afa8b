#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls every build makes thousands of times, straight on POSIX: Foundation's
/// URL and FileManager layers cost more than the reads and writes themselves for small files.
public enum FileSystem {
    public struct Entry: Sendable {
        public var name: String
        /// A real folder; a symbolic link counts as a file and is never followed.
        public var isDirectory: Bool
    }

    /// The entries of a folder (without `.` and `..`), in the order the OS gives them; nil when
    /// the folder cannot be read.
    public static func entries(in folder: String) -> [Entry]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            entries.append(Entry(name: name, isDirectory: type == UInt8(DT_DIR)))
        }
        return entries
    }

    /// A whole file's bytes with one open, fstat and read loop; nil when it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // One byte more than the size, uninitialized: the read that finds the end needs room,
        // and a buffer exactly full was grown (a copy of the whole file) only to learn that.
        var capacity = Int(info.st_size) + 1
        var bytes: [UInt8] = []
        while true {
            let kept = bytes
            var failed = false
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: kept)
                while initialized < capacity {
                    let count = read(fd, buffer.baseAddress! + initialized, capacity - initialized)
                    if count < 0 { if errno == EINTR { continue } else { failed = true; return } }
                    if count == 0 { return }
                    initialized += count
                }
            }
            if failed { return nil }
            // Full: the file grew while it was read; read on into a larger buffer.
            guard bytes.count == capacity else { return bytes }
            capacity *= 2
        }
    }

    /// Creates or truncates a file and writes all of `bytes` with one open, a write loop and a
    /// close. Returns 0, or the `errno` of the call that failed (the file may then be partial).
    /// `mode`, when given, is set whatever the umask (`OutputWriter` keeps a served folder's).
    public static func writeBytes(_ bytes: [UInt8], to path: String, mode: mode_t? = nil) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        if let mode, fchmod(fd, mode) != 0 { return errno }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            offset += written
        }
        return 0
    }
}
