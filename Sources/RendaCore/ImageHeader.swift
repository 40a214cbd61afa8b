#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An image's size in pixels, as a browser shows it (a JPEG's EXIF rotation applied).
public struct PixelSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Reads an image's size from its header, so pages can give `<img>` its `width` and `height`:
/// the browser then keeps the image's space while it loads, and the text below does not jump
/// (on a slow phone connection it otherwise moves under the reader's finger).
///
/// PNG, GIF and WebP state their size in the first 30 bytes. A JPEG states it in its frame
/// header, after EXIF and tables of any length, so its segments are walked by seeking, never
/// read whole. Other formats (SVG, BMP…) give nil, and their `<img>` is written as before.
public enum ImageHeader {
    /// The size of the image file at `path`, or nil when it is not a PNG, GIF, WebP or JPEG
    /// this can read.
    public static func size(ofFileAt path: String) -> PixelSize? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return size { offset, count in
            var bytes = [UInt8](repeating: 0, count: count)
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return read == count ? bytes : nil
        }
    }

    /// What a file that is not the picture its name says really is, when its first bytes show a
    /// format browsers do not show: a phone's photo renamed from `.HEIC` to `.jpg`, a scan kept
    /// as TIFF, a PDF or a Photoshop file. Nil for anything else.
    public static func unshownFormat(ofFileAt path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 12)
        let read = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 12, 0) }
        guard read >= 4 else { return nil }
        head.removeLast(12 - read)
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(String(decoding: head[8..<12], as: UTF8.self)) {
            return "HEIC"
        }
        if head.starts(with: Array("II*\0".utf8)) || head.starts(with: Array("MM\0*".utf8)) { return "TIFF" }
        if head.starts(with: Array("%PDF".utf8)) { return "PDF" }
        if head.starts(with: Array("8BPS".utf8)) { return "PSD" }
        return nil
    }

    /// The size of an image held in memory.
    public static func size(of bytes: [UInt8]) -> PixelSize? {
        size { offset, count in
            offset >= 0 && offset + count <= bytes.count ? Array(bytes[offset..<offset + count]) : nil
        }
    }

    /// `read(offset, count)` gives exactly `count` bytes at `offset`, or nil.
    static func size(read: (Int, Int) -> [UInt8]?) -> PixelSize? {
        guard let head = read(0, 30) ?? read(0, 12) else { return nil }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), head.count >= 24 {
            return valid(PixelSize(width: bigEndian(head, 16, 4), height: bigEndian(head, 20, 4)))
        }
        if head.starts(with: Array("GIF8".utf8)), head.count >= 10 {
            return valid(PixelSize(width: littleEndian(head, 6, 2), height: littleEndian(head, 8, 2)))
        }
        if head.starts(with: Array("RIFF".utf8)), head.count >= 30, Array(head[8..<12]) == Array("WEBP".utf8) {
            return webP(head)
        }
        if head.starts(with: [0xFF, 0xD8]) {
            return jpeg(read: read)
        }
        return nil
    }

    private static func webP(_ head: [UInt8]) -> PixelSize? {
        switch String(decoding: head[12..<16], as: UTF8.self) {
        case "VP8 ":
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            guard head[23] == 0x9D, head[24] == 0x01, head[25] == 0x2A else { return nil }
            return valid(PixelSize(width: littleEndian(head, 26, 2) & 0x3FFF, height: littleEndian(head, 28, 2) & 0x3FFF))
        case "VP8L":
            // Signature 0x2F, then width − 1 and height − 1 in 14 bits each.
            guard head[20] == 0x2F else { return nil }
            let bits = littleEndian(head, 21, 4)
            return valid(PixelSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1))
        case "VP8X":
            return valid(PixelSize(width: littleEndian(head, 24, 3) + 1, height: littleEndian(head, 27, 3) + 1))
        default:
            return nil
        }
    }

    /// Walks the segments to the first frame header (SOF0–SOF15 but DHT, JPG and DAC), noting an
    /// EXIF orientation on the way: a phone photo taken upright is often stored sideways with
    /// orientation 6 or 8, and browsers show it turned.
    private static func jpeg(read: (Int, Int) -> [UInt8]?) -> PixelSize? {
        var offset = 2
        var turned = false
        // A real file reaches its frame header in a few dozen segments; the bound stops a loop
        // on a damaged one.
        for _ in 0..<512 {
            guard let marker = read(offset, 4), marker[0] == 0xFF else { return nil }
            let code = marker[1]
            if code == 0xFF { offset += 1; continue }            // fill byte
            if code == 0xD8 || (0xD0...0xD7).contains(code) || code == 0x01 { offset += 2; continue }
            if code == 0xD9 || code == 0xDA { return nil }        // end of image, or scan data without a frame
            let length = bigEndian(marker, 2, 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(code), code != 0xC4, code != 0xC8, code != 0xCC {
                guard let frame = read(offset + 4, 5) else { return nil }
                let size = PixelSize(width: bigEndian(frame, 3, 2), height: bigEndian(frame, 1, 2))
                return valid(turned ? PixelSize(width: size.height, height: size.width) : size)
            }
            if code == 0xE1, length >= 16, let exif = read(offset + 4, min(length - 2, 64 * 1024)) {
                turned = exifTurnsSideways(exif)
            }
            offset += 2 + length
        }
        return nil
    }

    /// Whether an APP1 segment is EXIF with orientation 5–8 (a quarter turn, mirrored or not).
    static func exifTurnsSideways(_ segment: [UInt8]) -> Bool {
        guard segment.count >= 14, segment.starts(with: Array("Exif".utf8) + [0, 0]) else { return false }
        let tiff = Array(segment[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return false
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= tiff.count else { return nil }
            return little ? littleEndian(tiff, at, count) : bigEndian(tiff, at, count)
        }
        guard let directory = number(4, 4), let entries = number(directory, 2) else { return false }
        for entry in 0..<min(entries, 256) {
            let at = directory + 2 + entry * 12
            guard let tag = number(at, 2) else { return false }
            if tag == 0x0112, let orientation = number(at + 8, 2) {
                return (5...8).contains(orientation)
            }
        }
        return false
    }

    private static func valid(_ size: PixelSize) -> PixelSize? {
        size.width > 0 && size.height > 0 ? size : nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
