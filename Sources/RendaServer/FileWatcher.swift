import Foundation
import RendaSite
import RendaCore
#if canImport(Glibc)
import Glibc
#endif

/// Reports files that changed under some folders, in batches: an editor's save is often several
/// events (write, rename, attributes), and a batch ends after `quietPeriod` without a new one,
/// so one save gives one rebuild. A nil batch means events were lost and everything should be
/// looked at again.
protocol FileWatcher: Sendable {
    func start() throws
    func stop()
}

/// Builds the best watcher the system has: inotify on Linux, polling elsewhere or when inotify
/// cannot be used (its per-user limits reached).
enum FileWatchers {
    static func make(folders: [URL], quietPeriod: TimeInterval,
                     onChange: @escaping @Sendable (Set<String>?) -> Void) -> any FileWatcher {
        #if os(Linux)
        if let watcher = try? InotifyWatcher(folders: folders, quietPeriod: quietPeriod, onChange: onChange) {
            return watcher
        }
        #endif
        return PollingWatcher(folders: folders, interval: 0.3, onChange: onChange)
    }

    /// Files editors write beside the real one while saving (`.x.md.swp`, `x.md~`, Vim's `4913`,
    /// Word's `~$x.md`).
    static func isEditorScratch(_ name: String) -> Bool {
        SystemFiles.contains(name) || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }
}

#if os(Linux)
/// inotify watches every folder below the roots (inotify is not recursive), adding folders as
/// they appear.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    private let fd: Int32
    private let folders: [URL]
    private let quietPeriod: TimeInterval
    private let onChange: @Sendable (Set<String>?) -> Void
    private var watches: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_ATTRIB)

    init(folders: [URL], quietPeriod: TimeInterval, onChange: @escaping @Sendable (Set<String>?) -> Void) throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError.unavailable(String(cString: strerror(errno))) }
        self.folders = folders
        self.quietPeriod = quietPeriod
        self.onChange = onChange
    }

    func start() throws {
        for folder in folders { try watchTree(folder.standardizedFileURL.path) }
        let thread = Thread { [self] in run() }
        thread.name = "renda-watch"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func watchTree(_ path: String) throws {
        let wd = inotify_add_watch(fd, path, InotifyWatcher.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else {
            if errno == ENOTDIR || errno == ENOENT { return }
            throw WatchError.unavailable(String(cString: strerror(errno)))
        }
        watches[wd] = path
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in children where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                try watchTree(path + "/" + name)
            }
        }
    }

    private func run() {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            guard wait(milliseconds: 200) else { continue }
            var batch: Set<String>? = []
            let started = Date()
            // Collect until the burst is over (bounded, so a busy copy still rebuilds now and then).
            repeat {
                if !drain(&buffer, into: &batch) { batch = nil }
            } while wait(milliseconds: Int(quietPeriod * 1000)) && Date().timeIntervalSince(started) < 0.5 && !isStopped
            if isStopped { return }
            if let paths = batch, paths.isEmpty { continue }
            onChange(batch)
        }
    }

    private func wait(milliseconds: Int) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(milliseconds)) > 0
    }

    /// Reads what is available; false if the kernel dropped events.
    private func drain(_ buffer: inout [UInt8], into batch: inout Set<String>?) -> Bool {
        var complete = true
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return complete }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<nameStart + Int(event.len)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { complete = false; continue }
                if event.mask & UInt32(IN_IGNORED) != 0 { watches[event.wd] = nil; continue }
                guard let folder = watches[event.wd] else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if !name.isEmpty, FileWatchers.isEditorScratch(name) { continue }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    try? watchTree(path)
                }
                batch?.insert(path)
            }
        }
    }
}
#endif

enum WatchError: Error, CustomStringConvertible {
    case unavailable(String)

    var description: String {
        switch self {
        case .unavailable(let reason): "无法监视文件改动：\(reason)"
        }
    }
}

/// Compares modification times and sizes of every file a few times a second. Slower to notice
/// a save than inotify, but works everywhere.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private let folders: [URL]
    private let interval: TimeInterval
    private let onChange: @Sendable (Set<String>?) -> Void
    private let lock = NSLock()
    private var stopped = false

    init(folders: [URL], interval: TimeInterval, onChange: @escaping @Sendable (Set<String>?) -> Void) {
        self.folders = folders
        self.interval = interval
        self.onChange = onChange
    }

    func start() throws {
        let initial = snapshot()
        let thread = Thread { [self] in
            var last = initial
            while !lock.withLock({ stopped }) {
                Thread.sleep(forTimeInterval: interval)
                let now = snapshot()
                let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
                last = now
                if !changed.isEmpty { onChange(changed) }
            }
        }
        thread.name = "renda-watch"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    /// Every file and folder under the folders with the stamp the rebuilds compare
    /// (`FileStamp`: time to the nanosecond, size and inode, so a save by rename is seen too).
    private func snapshot() -> [String: FileStamp?] {
        var result: [String: FileStamp?] = [:]
        for folder in folders {
            let base = folder.standardizedFileURL.path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            for case let name as String in enumerator {
                let path = base + "/" + name
                result[path] = FileStamp(path: path)
            }
        }
        return result
    }
}
