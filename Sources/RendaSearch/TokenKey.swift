/// A token packed into 64 bits so counting millions of them never builds a `String`:
/// the top two bits say the kind, the rest hold the scalars or the word's characters.
public enum TokenKey {
    private static let unigramTag: UInt64 = 1 << 62
    private static let bigramTag: UInt64 = 2 << 62
    private static let wordTag: UInt64 = 3 << 62

    @inline(__always) static func unigram(_ a: UInt32) -> UInt64 { unigramTag | UInt64(a) }

    @inline(__always) static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 {
        bigramTag | UInt64(a) << 21 | UInt64(b)
    }

    @inline(__always) static func word(packed: UInt64) -> UInt64 { wordTag | packed }

    /// The character of a single-character token in the Basic Multilingual Plane (where nearly
    /// all Chinese text lies), else nil.
    @inline(__always) static func basicCharacter(_ key: UInt64) -> Int? {
        key & wordTag == unigramTag && key & 0x1F_FFFF < 0x10000 ? Int(key & 0xFFFF) : nil
    }

    /// `0`–`9` → 1…10, `a`–`z` → 11…36: never 0, so a packed word has no leading zeros and
    /// two different words never share a key.
    @inline(__always) static func wordCode(_ folded: UInt32) -> UInt64 {
        folded <= 0x39 ? UInt64(folded - 0x30 + 1) : UInt64(folded - 0x61 + 11)
    }

    /// The token as the browser writes it: the characters themselves.
    static func text(_ key: UInt64) -> String {
        switch key & wordTag {
        case unigramTag:
            return String(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
        case bigramTag:
            var view = String.UnicodeScalarView()
            view.append(Unicode.Scalar(UInt32(key >> 21 & 0x1F_FFFF))!)
            view.append(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
            return String(view)
        default:
            var packed = key & ~wordTag
            var bytes: [UInt8] = []
            while packed > 0 {
                let code = UInt8(packed & 63)
                bytes.append(code <= 10 ? 0x30 + code - 1 : 0x61 + code - 11)
                packed >>= 6
            }
            return String(decoding: bytes.reversed(), as: UTF8.self)
        }
    }

    /// FNV-1a over the token's UTF-8: which shard file holds it. `search.js` computes the same.
    public static func shard(of token: String, shardCount: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in token.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash) & (shardCount - 1)
    }
}
