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
    private var seen: Set<String> = []
    private var nextGeneration = 1
    private var readCount = 0
    private let lock = NSLock()

    /// The hook for `ContentLoader.load(cache:)`; may be called from several threads at once.
    var hook: ContentLoader.ItemCache {
        { [self] source, read in
            let path = source.file.path
            let stamp = FileStamp(path: path)
            let cached: Entry? = lock.withLock {
                seen.insert(path)
                return entries[path].flatMap { $0.stamp == stamp ? $0 : nil }
            }
            if let cached { return cached.result }
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

    /// Call before each load: counts reads and forgets files that are no longer listed.
    func beginRound() {
        lock.withLock {
            readCount = 0
            seen = []
        }
    }

    /// Call after each load that listed every source.
    func endRound() -> Int {
        lock.withLock {
            entries = entries.filter { seen.contains($0.key) }
            return readCount
        }
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
