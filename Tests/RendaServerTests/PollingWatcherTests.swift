import Foundation
@testable import RendaServer
import Testing

/// The watcher `renda serve` falls back to where inotify is missing (macOS, some network
/// mounts). It compares stamps of every file; these are the saves editors make.
@Suite("Polling file watcher")
struct PollingWatcherTests {
    /// Collects reported paths; `wait` polls until one arrives or two seconds pass.
    private final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var paths = Set<String>()

        func add(_ batch: Set<String>?) { lock.withLock { paths.formUnion(batch ?? ["*"]) } }

        func wait(for path: String) -> Bool {
            for _ in 0..<200 {
                if lock.withLock({ paths.contains(path) }) { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return false
        }
    }

    private func watching(_ body: (URL, Reports) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renda-poll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "旧的正文".write(to: folder.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
        let reports = Reports()
        let watcher = PollingWatcher(folders: [folder], interval: 0.02) { reports.add($0) }
        try watcher.start()
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try body(folder.standardizedFileURL, reports)
    }

    @Test func aSaveOfTheSameLengthIsSeen() throws {
        try watching { folder, reports in
            let file = folder.appendingPathComponent("a.md")
            try "新的正文".write(to: file, atomically: false, encoding: .utf8)
            #expect(reports.wait(for: file.path))
        }
    }

    @Test func aSaveByRenamingANewFileIntoPlaceIsSeen() throws {
        try watching { folder, reports in
            let file = folder.appendingPathComponent("a.md")
            let scratch = folder.appendingPathComponent(".a.md.swp")
            try "新的正文".write(to: scratch, atomically: false, encoding: .utf8)
            #expect(rename(scratch.path, file.path) == 0)
            #expect(reports.wait(for: file.path))
        }
    }

    @Test func newAndDeletedFilesAreSeen() throws {
        try watching { folder, reports in
            let added = folder.appendingPathComponent("b.md")
            try "新文章".write(to: added, atomically: false, encoding: .utf8)
            #expect(reports.wait(for: added.path))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("a.md"))
            #expect(reports.wait(for: folder.appendingPathComponent("a.md").path))
        }
    }
}
