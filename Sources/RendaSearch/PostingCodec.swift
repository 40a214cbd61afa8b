/// Postings as text: base64 variable-length quantities, as in source maps. A posting is the gap
/// to the previous document and the token's weight there; in a list that holds most documents
/// the gap is small and a posting takes one character.
public enum PostingCodec {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// The value of a digit character (255 for a character that is not one).
    static func value(of character: UInt8) -> UInt8 { character < 128 ? values[Int(character)] : 255 }

    /// Bits of a posting value that hold the weight (1…7).
    static let weightBits: UInt32 = 3

    /// `postings` are `document << 3 | weight`, documents ascending. The build writes the same
    /// text posting by posting (`PostingLists`); this is the format's reference, which tests hold
    /// it to.
    static func encode<Postings: Collection<UInt32>>(_ postings: Postings, into out: inout [UInt8]) {
        var previous: Int64 = -1
        for posting in postings {
            let document = Int64(posting >> weightBits)
            let gap = UInt64(document - previous - 1)
            previous = document
            appendNumber(gap << UInt64(weightBits) | UInt64(posting & 7), to: &out)
        }
    }

    /// Characters `appendNumber` writes for `number`.
    static func digitCount(_ number: UInt64) -> Int {
        var rest = number
        var count = 1
        while rest >= 32 {
            rest >>= 5
            count += 1
        }
        return count
    }

    @inline(__always)
    static func appendNumber(_ number: UInt64, to out: inout [UInt8]) {
        var rest = number
        repeat {
            var digit = rest & 31
            rest >>= 5
            if rest > 0 { digit |= 32 }
            out.append(alphabet[Int(digit)])
        } while rest > 0
    }

    /// The inverse of `encode`: (document, weight) pairs. Nil for a malformed list.
    public static func decode<S: Sequence>(_ text: S) -> [(document: Int, weight: Int)]? where S.Element == UInt8 {
        var result: [(document: Int, weight: Int)] = []
        var previous = -1
        var number = 0
        var shift = 0
        for character in text {
            guard character < 128 else { return nil }
            let value = Int(values[Int(character)])
            guard value != 255 else { return nil }
            number |= (value & 31) << shift
            if value & 32 != 0 {
                shift += 5
                continue
            }
            let document = previous + 1 + (number >> Int(weightBits))
            result.append((document, number & 7))
            previous = document
            number = 0
            shift = 0
        }
        return shift == 0 ? result : nil
    }

    /// Packs small numbers (a document's section) several to a base64 character.
    static func pack(_ numbers: [Int], bits: Int) -> String {
        let perCharacter = 6 / bits
        var out: [UInt8] = []
        var index = 0
        while index < numbers.count {
            var value = 0
            for slot in 0..<perCharacter where index + slot < numbers.count {
                value |= numbers[index + slot] << (slot * bits)
            }
            out.append(alphabet[value])
            index += perCharacter
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unpack(_ text: String, bits: Int, count: Int) -> [Int]? {
        let perCharacter = 6 / bits
        var numbers: [Int] = []
        for character in text.utf8 {
            guard character < 128, values[Int(character)] != 255 else { return nil }
            let value = Int(values[Int(character)])
            for slot in 0..<perCharacter where numbers.count < count {
                numbers.append(value >> (slot * bits) & (1 << bits - 1))
            }
        }
        return numbers.count == count ? numbers : nil
    }
}
