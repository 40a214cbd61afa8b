import Foundation
import RendaCore
import Testing

/// Image headers in the formats staff upload, built byte by byte: only the header is read.
enum ImageBytes {
    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + bigEndian(width, 4) + bigEndian(height, 4) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
    }

    static func gif(width: Int, height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + littleEndian(width, 2) + littleEndian(height, 2) + [0x80, 0, 0] + Array(repeating: 0, count: 20)
    }

    /// A JPEG with an EXIF segment (orientation as given) and a large comment before its frame
    /// header, as phone photos and edited files have.
    static func jpeg(width: Int, height: Int, orientation: Int = 1, padding: Int = 70_000) -> [UInt8] {
        let entry = bigEndian(0x0112, 2) + bigEndian(3, 2) + bigEndian(1, 4) + bigEndian(orientation, 2) + [0, 0]
        let tiff: [UInt8] = Array("MM".utf8) + [0, 42] + bigEndian(8, 4) + bigEndian(1, 2) + entry + [0, 0, 0, 0]
        let exif = Array("Exif".utf8) + [0, 0] + tiff
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE1] + bigEndian(exif.count + 2, 2) + exif
        var left = padding
        while left > 0 {
            let chunk = min(left, 60_000)
            bytes += [0xFF, 0xFE] + bigEndian(chunk + 2, 2) + Array(repeating: 0x20, count: chunk)
            left -= chunk
        }
        bytes += [0xFF, 0xDB] + bigEndian(67, 2) + Array(repeating: 1, count: 65)
        bytes += [0xFF, 0xC2] + bigEndian(17, 2) + [8] + bigEndian(height, 2) + bigEndian(width, 2) + Array(repeating: 0, count: 10)
        bytes += [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0xFF, 0xD9]
        return bytes
    }

    static func webP(_ chunk: String, payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + littleEndian(payload.count + 12, 4) + Array("WEBP".utf8) + Array(chunk.utf8)
            + littleEndian(payload.count, 4) + payload + Array(repeating: 0, count: 8)
    }

    static func bigEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func littleEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}

@Suite("Image sizes read from headers")
struct ImageHeaderTests {
    @Test func pngAndGif() {
        #expect(ImageHeader.size(of: ImageBytes.png(width: 720, height: 450)) == PixelSize(width: 720, height: 450))
        #expect(ImageHeader.size(of: ImageBytes.gif(width: 320, height: 240)) == PixelSize(width: 320, height: 240))
    }

    @Test func jpegBehindLargeSegmentsAndTurnedByExif() throws {
        #expect(ImageHeader.size(of: ImageBytes.jpeg(width: 4032, height: 3024)) == PixelSize(width: 4032, height: 3024))
        // Orientation 6: stored landscape, shown portrait.
        #expect(ImageHeader.size(of: ImageBytes.jpeg(width: 4032, height: 3024, orientation: 6)) == PixelSize(width: 3024, height: 4032))
        // From a file, by seeking past the segments.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("renda-\(UUID().uuidString).jpg")
        try Data(ImageBytes.jpeg(width: 1280, height: 960, orientation: 8, padding: 200_000)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(ImageHeader.size(ofFileAt: file.path) == PixelSize(width: 960, height: 1280))
    }

    @Test func webPInItsThreeKinds() {
        let lossy = ImageBytes.webP("VP8 ", payload: [0, 0, 0, 0x9D, 0x01, 0x2A] + ImageBytes.littleEndian(800, 2) + ImageBytes.littleEndian(600, 2))
        #expect(ImageHeader.size(of: lossy) == PixelSize(width: 800, height: 600))
        let bits = (800 - 1) | ((600 - 1) << 14)
        let lossless = ImageBytes.webP("VP8L", payload: [0x2F] + ImageBytes.littleEndian(bits, 4))
        #expect(ImageHeader.size(of: lossless) == PixelSize(width: 800, height: 600))
        let extended = ImageBytes.webP("VP8X", payload: [0, 0, 0, 0] + ImageBytes.littleEndian(799, 3) + ImageBytes.littleEndian(599, 3))
        #expect(ImageHeader.size(of: extended) == PixelSize(width: 800, height: 600))
    }

    @Test func otherAndDamagedFilesHaveNoSize() {
        #expect(ImageHeader.size(of: Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"/>".utf8)) == nil)
        #expect(ImageHeader.size(of: Array(ImageBytes.png(width: 720, height: 450).prefix(20))) == nil)
        #expect(ImageHeader.size(of: Array(ImageBytes.jpeg(width: 10, height: 10).prefix(5000))) == nil)
        #expect(ImageHeader.size(of: ImageBytes.png(width: 0, height: 450)) == nil)
        #expect(ImageHeader.size(ofFileAt: "/nonexistent/renda.png") == nil)
    }
}

@Suite("Images a browser cannot show")
struct UnshownImageTests {
    /// A phone's HEIC, a scanner's TIFF or a document as an image shows nothing in most browsers:
    /// an error on its line. A `.jpg` that is no JPEG is a warning; a real PNG, an SVG pass.
    @Test func anImageBrowsersCannotShowIsNamedOnItsLine() throws {
        let root = try makeSite(["content/news/2024-03-01-a/index.md": """
            ---
            title: 现场照片
            date: 2024-03-01
            topics: [监督工作]
            cover: IMG_0001.HEIC
            ---
            ![现场](IMG_0001.HEIC)

            ![扫描件](scan.tif)

            ![会场](big.jpg)

            ![会场](photo1.png) ![标志](logo.svg)

            ![改名的照片](renamed.jpg)

            """])
        let folder = root.appendingPathComponent("content/news/2024-03-01-a")
        try Data("ftypheic".utf8).write(to: folder.appendingPathComponent("IMG_0001.HEIC"))
        try Data("II*\0".utf8).write(to: folder.appendingPathComponent("scan.tif"))
        try Data("这不是图片".utf8).write(to: folder.appendingPathComponent("big.jpg"))
        try Data([0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0]).write(to: folder.appendingPathComponent("renamed.jpg"))
        try Data(ImageBytes.png(width: 720, height: 450)).write(to: folder.appendingPathComponent("photo1.png"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: folder.appendingPathComponent("logo.svg"))

        let found = try #require(refusal(build(root: root).1), "the build should refuse the HEIC and TIFF")
        let lines = found.all.filter { $0.location.file == "content/news/2024-03-01-a/index.md" }
            .map { "\($0.location.line ?? 0) \($0.severity.rawValue) \($0.message)" }
        #expect(Set(lines) == [
            "5 error 浏览器不能把 IMG_0001.HEIC 当作图片显示",
            "7 error 浏览器不能把 IMG_0001.HEIC 当作图片显示",
            "9 error 浏览器不能把 scan.tif 当作图片显示",
            "11 warning big.jpg 不是有效的 JPG 图片，读者可能看不到",
            "15 error renamed.jpg 其实是 HEIC 文件，只是改了扩展名，浏览器不能把它当作图片显示",
        ], "\(lines)")
    }
}

@Suite("A deputy's portrait")
struct PortraitShapeTests {
    /// The page and the collection crop a portrait to 3:4 from the middle: a landscape photo is
    /// named on its line, since the crop may take the deputy's head; an upright one is not.
    @Test func aLandscapePortraitIsNamed() throws {
        let profile = { (photo: String) in
            "---\ntitle: 李红\ndate: 2024-05-06\n姓名: 李红\n性别: 女\n工作单位及职务: 教师\n选区: 城关镇\n届次: 第十九届\n照片: \(photo)\n---\n正文。\n"
        }
        let root = try makeSite([
            "content/deputies/2024-05-06-li/index.md": profile("group.png"),
            "content/deputies/2024-05-06-wang/index.md": profile("portrait.png").replacingOccurrences(of: "李红", with: "王芳"),
        ])
        try Data(ImageBytes.png(width: 800, height: 600)).write(to: root.appendingPathComponent("content/deputies/2024-05-06-li/group.png"))
        try Data(ImageBytes.png(width: 300, height: 400)).write(to: root.appendingPathComponent("content/deputies/2024-05-06-wang/portrait.png"))
        let report = try build(root: root).1.get()
        let named = report.diagnostics.warnings.filter { $0.message.hasPrefix("照片是横向的") }
        #expect(named.map(\.location) == [SourceLocation(file: "content/deputies/2024-05-06-li/index.md", line: 9)])
        #expect(named.first?.message.hasPrefix("照片是横向的（800×600）") == true)
    }
}
