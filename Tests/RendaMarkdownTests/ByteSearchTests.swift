import RendaCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    @Test func findsTheFirstByteAtOrAfterTheStart() {
        let bytes = Array("a\nb\n\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(buffer.firstIndex(of: 0x0A, from: 0) == 1)
            #expect(buffer.firstIndex(of: 0x0A, from: 1) == 1)
            #expect(buffer.firstIndex(of: 0x0A, from: 2) == 3)
            #expect(buffer.firstIndex(of: 0x0A, from: 4) == 4)
            #expect(buffer.firstIndex(of: 0x0A, from: 5) == nil)
            #expect(buffer.firstIndex(of: 0x2A, from: 0) == nil)
        }
        [UInt8]().withUnsafeBufferPointer { #expect($0.firstIndex(of: 0x0A, from: 0) == nil) }
    }
}
