/// Collects the postings of a run of documents on one worker thread: every token gets a number
/// from the worker's vocabulary, and per number the document it was last seen in, its count
/// there and its heaviest field, in raw memory. A token occurrence costs one table lookup, and a
/// Han character (a single-character token) only an array read.
struct PostingCollector: TokenSink, ~Copyable {
    private var vocabulary = KeyTable()
    /// `number << 32 | document << 3 | weight`, in document order.
    private(set) var pairs: [UInt64] = []
    private var lastSeen: UnsafeMutablePointer<Int32>
    private var counts: UnsafeMutablePointer<UInt32>
    private var weights: UnsafeMutablePointer<UInt8>
    private var capacity = 4096
    /// Tokens numbered so far.
    private var numbered = 0
    /// Vocabulary number + 1 of each character of the Basic Multilingual Plane, 0 until seen.
    private let characterNumbers: UnsafeMutablePointer<Int32>
    /// Numbers seen in the current document.
    private var touched: [Int32] = []
    private var document: Int32 = 0

    init() {
        lastSeen = .allocate(capacity: capacity)
        counts = .allocate(capacity: capacity)
        weights = .allocate(capacity: capacity)
        characterNumbers = .allocate(capacity: 0x10000)
        characterNumbers.initialize(repeating: 0, count: 0x10000)
    }

    deinit {
        lastSeen.deallocate()
        counts.deallocate()
        weights.deallocate()
        characterNumbers.deallocate()
    }

    var keys: [UInt64] { vocabulary.keys }

    /// Starts the next document; `id` is its number in the whole index.
    mutating func begin(_ id: Int) {
        document = Int32(id)
    }

    /// Records one occurrence: in the body when `weight` is 0, else in a field of that weight.
    @inline(__always)
    mutating func add(_ key: UInt64, weight: UInt8) {
        let number: Int
        if let character = TokenKey.basicCharacter(key) {
            let known = Int(characterNumbers[character])
            if known > 0 {
                number = known - 1
            } else {
                number = newNumber(for: key)
                characterNumbers[character] = Int32(number + 1)
            }
        } else {
            let found = vocabulary.number(of: key)
            number = found == numbered ? newNumber(for: key) : found
        }
        if lastSeen[number] != document {
            lastSeen[number] = document
            counts[number] = 0
            weights[number] = 0
            touched.append(Int32(number))
        }
        if weight == 0 {
            counts[number] &+= 1
        } else if weight > weights[number] {
            weights[number] = weight
        }
    }

    /// Adds a posting for every token of the document: its heaviest field, or how often the body has it.
    mutating func end() {
        let tag = UInt64(document) << UInt64(PostingCodec.weightBits)
        for number in touched {
            let at = Int(number)
            let weight = max(weights[at], SearchDocument.Weight.body(count: Int(counts[at])))
            pairs.append(UInt64(number) << 32 | tag | UInt64(weight))
        }
        touched.removeAll(keepingCapacity: true)
    }

    private mutating func newNumber(for key: UInt64) -> Int {
        let number = vocabulary.number(of: key)
        if number == capacity { grow() }
        numbered += 1
        lastSeen[number] = -1
        return number
    }

    private mutating func grow() {
        let larger = capacity * 2
        lastSeen = move(lastSeen, count: capacity, to: larger)
        counts = move(counts, count: capacity, to: larger)
        weights = move(weights, count: capacity, to: larger)
        capacity = larger
    }

    private func move<T>(_ old: UnsafeMutablePointer<T>, count: Int, to size: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: size)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
