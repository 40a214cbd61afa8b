#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings a content file may arrive in.
public enum SourceEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    /// GB18030 is a superset of GBK and GB2312, what Windows in Chinese saves as "ANSI".
    case gb18030 = "GB18030"
}

/// A content file decoded to text: BOM removed, CRLF and CR turned into LF.
public struct SourceText: Sendable {
    public let text: String
    public let encoding: SourceEncoding

    public enum Problem: Error, Equatable, Sendable {
        /// Not UTF-8, UTF-16 or GB18030; holds nothing readable as text.
        case undecodable
        /// A NUL byte: this is a binary file (an image saved with .md, for example).
        case binary
        /// UTF-8 but for a few bytes, the first on this line (1-based): text pasted from a
        /// document in another encoding. Read as GB18030, the whole file would turn to nonsense.
        case strayBytes(line: Int)
    }

    /// Decodes the bytes of a file. UTF-8 (with or without BOM) is expected; UTF-16 with a BOM and
    /// GB18030/GBK are read correctly and reported through `encoding` so the caller can warn.
    public static func decode(_ bytes: [UInt8]) -> Result<SourceText, Problem> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .success(SourceText(text: normalize(decodeUTF16(bytes)), encoding: .utf16))
        }
        if contains(0, in: bytes) { return .failure(.binary) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) {
            return .success(SourceText(text: normalize(text), encoding: .utf8))
        }
        let scan = UTF8Scan(body)
        if scan.isMostlyUTF8 {
            return .failure(.strayBytes(line: scan.lineOfFirstInvalid))
        }
        if let text = convert(body, from: "GB18030") {
            return .success(SourceText(text: normalize(text), encoding: .gb18030))
        }
        // More UTF-8 than not: name the first bad line rather than the whole file.
        if scan.multibyte > scan.invalid { return .failure(.strayBytes(line: scan.lineOfFirstInvalid)) }
        return .failure(.undecodable)
    }

    private static func normalize(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ contains(13, in: $0) }) else { return text }
        // "\r\n" is a single Character in Swift, so one pass handles CRLF and lone CR alike.
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if ch == "\r\n" || ch == "\r" { out.append("\n") } else { out.append(ch) }
        }
        return out
    }

    private static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.firstIndex(of: byte, from: 0) != nil
    }

    private static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains(byte, in: $0) }
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> String {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Converts with the C library's iconv, which knows GB18030 on every glibc system.
    /// Returns nil when the bytes are not valid in that encoding.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let cd = iconv_open("UTF-8", encoding), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        var written = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr = outBuf.baseAddress
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 {
                    written = outBuf.count - outLeft
                }
            }
        }
        guard written >= 0 else { return nil }
        return String(validating: output[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// How much of a file that is not valid UTF-8 is UTF-8 all the same. A file saved as GBK has
/// almost no byte runs that are valid UTF-8 characters; a UTF-8 file with a pasted stray byte has
/// hundreds of them and one or two bad runs. The standard library's UTF-8 parser tells the two
/// apart; only a file that failed validation is scanned.
struct UTF8Scan {
    /// Valid characters of two to four bytes.
    private(set) var multibyte = 0
    /// Ill-formed sequences (each as the parser delimits it, mostly one byte).
    private(set) var invalid = 0
    /// 1-based line of the first ill-formed sequence.
    private(set) var lineOfFirstInvalid = 1

    init(_ bytes: [UInt8]) {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let scalar):
                if scalar.count > 1 { multibyte += 1 } else if scalar.first == 0x0A { line += 1 }
            case .error:
                if invalid == 0 { lineOfFirstInvalid = line }
                invalid += 1
            case .emptyInput:
                return
            }
        }
    }

    /// Three valid characters for each bad sequence, and at least five. Whole articles saved as
    /// GBK reach a third of a valid character per bad one, single GBK lines two: a GBK file does
    /// not get there, a UTF-8 file with a pasted line or a few stray quotes does.
    var isMostlyUTF8: Bool { multibyte >= 5 && multibyte >= invalid * 3 }
}
