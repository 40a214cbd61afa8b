#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The position of the first `byte` at or after `start`, found with `memchr`, which reads
    /// many bytes a step: the scans over every page's text (line ends, `**`, carriage returns)
    /// showed in profiles as byte-by-byte loops.
    public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension Collection<UInt8> {
    /// The scalar the UTF-8 bytes start with, decoded in place: for checks that look at one
    /// character of cmark's text without making a `String` of it. Inlinable: the soft breaks of
    /// every page ask it, and unspecialised across modules it cost the Markdown stage a quarter.
    @inlinable public var firstUnicodeScalar: Unicode.Scalar? {
        var iterator = makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
