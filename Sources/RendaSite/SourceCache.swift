import Foundation
import RendaContent
import RendaCore

/// Items as read from their files, kept between preview rebuilds. A file is read and parsed again
/// only when its stamp (modification time, size, inode) differs from the last read; everything
/// else is answered from memory. Parsing an item also resolves its topics, so a change to
/// topics.yml empties the cache.
final class SourceCache: @unchecked Sendable {
    private struct Entry {
        var source: ContentLoader.Source
        var stamp: FileStamp
        var result: (Item?, [Diagnostic])
        /// Changes whenever the file is read again; the Markdown cache keys on it.
        var generation: Int
    }

    private var entries: [String: Entry] = [:]
    private var nextGeneration = 1
    private var readCount = 0
    private let lock = NSLock()

    /// The hook for `ContentLoader.load(cache:)`; called from several threads at once. Lookups go
    /// to a copy taken when the hook is made (no lock per file: ten thousand files would queue on
    /// it); only files read again take the lock.
    var hook: ContentLoader.ItemCache {
        let known = lock.withLock { entries }
        return { [self] source, read in
            let path = source.file
            let stamp = FileStamp(path: path)
            if let cached = known[path], cached.stamp == stamp { return cached.result }
            let result = read()
            lock.withLock {
                readCount += 1
                if let stamp {
                    entries[path] = Entry(source: source, stamp: stamp, result: result, generation: nextGeneration)
                    nextGeneration += 1
                } else {
                    // Gone or unreadable between listing and reading: its error is in `result`.
                    entries[path] = nil
                }
            }
            return result
        }
    }

    /// Call before each load: counts the files read from then on.
    func beginRound() {
        lock.withLock { readCount = 0 }
    }

    /// Call after each load with the files it listed (nil: unknown, keep everything); forgets the
    /// others and returns how many files were read.
    func endRound(listed: Set<String>?) -> Int {
        lock.withLock {
            if let listed { entries = entries.filter { listed.contains($0.key) } }
            return readCount
        }
    }

    /// Every file's read generation at once, for lookups from many threads without the lock.
    func generations() -> [String: Int] {
        lock.withLock { entries.mapValues(\.generation) }
    }

    func removeAll() {
        lock.withLock { entries = [:] }
    }

    /// What the last read of a known file gave, and how it was found (nil for a file not listed
    /// by the last load).
    func entry(for path: String) -> (source: ContentLoader.Source, stamp: FileStamp, result: (Item?, [Diagnostic]))? {
        lock.withLock { entries[path].map { ($0.source, $0.stamp, $0.result) } }
    }

    /// Reads one known file again, as the last load found it, and remembers the result.
    func reread(_ path: String, root: URL, topics: TopicCatalog) -> (Item?, [Diagnostic])? {
        guard let entry = entry(for: path), let stamp = FileStamp(path: path) else { return nil }
        let result = ContentLoader(root: root).readItem(entry.source, topics: topics)
        lock.withLock {
            entries[path] = Entry(source: entry.source, stamp: stamp, result: result, generation: nextGeneration)
            nextGeneration += 1
        }
        return result
    }

    /// The read generation of a file (absolute path), nil if it was not read successfully.
    func generation(of path: String) -> Int? {
        lock.withLock { entries[path]?.generation }
    }
}
