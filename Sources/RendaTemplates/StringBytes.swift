/// The UTF-8 of a string value, read where the value lies instead of copying the `String`: a
/// copy retains the string's storage, and the theme's strings are shown by every page on every
/// rendering thread at once, so their reference counts are written from all cores.
///
/// A string of more than 15 bytes is never stored inline, so its bytes sit in storage (or in the
/// binary, for a literal) that stays where it is while the value that owns it is alive and
/// unchanged; a shorter one may be inline in the value, and is copied here.
struct StringBytes {
    private var start: UnsafePointer<UInt8>?
    private var count = 0
    private var inline: (UInt64, UInt64) = (0, 0)

    private static let inlineCapacity = 15

    /// Nothing if `value` is not a string or its bytes are not contiguous UTF-8 (never on
    /// Linux). `value` must stay alive and unchanged while the bytes are used.
    init?(_ value: UnsafePointer<TemplateValue>) {
        guard case .string(let text) = value.pointee else { return nil }
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            count = bytes.count
            if bytes.count > Self.inlineCapacity {
                start = bytes.baseAddress
            } else {
                withUnsafeMutableBytes(of: &inline) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            }
            return true
        }
        if found == nil { return nil }
    }

    mutating func withBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if let start { return body(UnsafeBufferPointer(start: start, count: count)) }
        let count = count
        withUnsafeBytes(of: &inline) { body(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)) }
    }
}
