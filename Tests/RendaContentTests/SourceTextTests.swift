import RendaContent
import Testing

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
