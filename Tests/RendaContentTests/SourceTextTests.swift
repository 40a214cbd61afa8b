import Foundation
import RendaContent
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Reading files in the encodings staff save them in")
struct SourceTextTests {
    @Test func utf8WithBOMAndCRLFReadsAsPlainText() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 标题\r\n---\r\n正文\r\n".utf8)
        let source = try SourceText.decode(bytes).get()
        #expect(source.text == "---\ntitle: 标题\n---\n正文\n")
        #expect(source.encoding == .utf8)
    }

    @Test func gb18030FromWindowsIsReadCorrectly() throws {
        // "县人大常委会召开会议" saved by Notepad in a Chinese locale (GBK/GB18030).
        let bytes: [UInt8] = [207, 216, 200, 203, 180, 243, 179, 163, 206, 175, 187, 225, 213, 217, 191, 170, 187, 225, 210, 233]
        let source = try SourceText.decode(bytes).get()
        #expect(source.text == "县人大常委会召开会议")
        #expect(source.encoding == .gb18030)
    }

    /// One byte pasted from a GBK document into a UTF-8 file: read as GB18030 the whole file
    /// would become nonsense, so it is refused with the line to mend.
    @Test func aStrayByteInAUTF8FileIsNamedByItsLine() {
        let text = "---\ntitle: 县人大常委会召开会议\n---\n县人大常委会召开第十三次会议，听取和审议了有关报告。\n\n会议听取了"
        let bytes = Array(text.utf8) + [0xB0] + Array("报告。\n".utf8)
        #expect(SourceText.decode(bytes) == .failure(.strayBytes(line: 6)))
        #expect(SourceText.decode([0xEF, 0xBB, 0xBF] + bytes) == .failure(.strayBytes(line: 6)))
        // A short file, and Word's curly quotes (cp1252 93/94) around a few words.
        let short = Array("---\ntitle: 会议通知\n---\n会议召开。".utf8) + [0xA1] + Array("\n".utf8)
        #expect(SourceText.decode(short) == .failure(.strayBytes(line: 4)))
        let quotes = Array("---\ntitle: 通知\n---\n请各位代表按时参加会议，".utf8) + [0x93] + Array("详见附件".utf8) + [0x94] + Array("。\n".utf8)
        #expect(SourceText.decode(quotes) == .failure(.strayBytes(line: 4)))
    }

    /// Every article of the sample site, saved as GBK, is still read as GBK: its bytes never
    /// pass for UTF-8 with a few stray ones.
    @Test func wholeArticlesSavedAsGBKAreReadAsGBK() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let gbk = try #require(Self.gb18030(text), "\(file)")
            let decoded = try SourceText.decode(gbk).get()
            #expect(decoded.encoding == .gb18030, "\(file)")
            #expect(decoded.text == (try SourceText.decode(Array(text.utf8)).get().text), "\(file)")
        }
    }

    private static func gb18030(_ text: String) -> [UInt8]? {
        guard let cd = iconv_open("GB18030", "UTF-8"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var written = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress, inLeft = inBuf.count
                var outPtr = outBuf.baseAddress, outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 { written = outBuf.count - outLeft }
            }
        }
        return written < 0 ? nil : output[..<written].map { UInt8(bitPattern: $0) }
    }

    @Test func binaryAndUndecodableFilesAreRefused() {
        #expect(SourceText.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) == .failure(.binary))
        #expect(SourceText.decode([0x80, 0x80, 0xFF, 0xFF, 0x30]) == .failure(.undecodable))
    }
}

extension Result: @retroactive Equatable where Success == SourceText, Failure == SourceText.Problem {
    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): x == y
        case (.success(let x), .success(let y)): x.text == y.text && x.encoding == y.encoding
        default: false
        }
    }
}

