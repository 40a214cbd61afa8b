/// Collects the postings of a run of documents on one worker thread: every token gets a number
/// from the worker's vocabulary, and per number one word holding the document it was last seen
/// in, its count there and its heaviest field, so an occurrence reads and writes one cache line.
/// A token costs one table lookup, and a Han character (a single-character token) an array read.
struct PostingCollector: TokenSink, ~Copyable {
    private var vocabulary = KeyTable()
    /// Per number, the token's postings so far.
    private var lists = PostingLists()
    /// Per number: `document + 1` in the top 32 bits (0: not in this run yet), the body count in
    /// the next 24, the heaviest field's weight in the low 8.
    private var tallies: UnsafeMutablePointer<UInt64>
    private var capacity = 4096
    /// Vocabulary number + 1 of each character of the Basic Multilingual Plane, 0 until seen.
    private let characterNumbers: UnsafeMutablePointer<Int32>
    /// Numbers seen in the current document: raw memory, since a uniqueness check per append
    /// showed in profiles (a page has a thousand distinct tokens).
    private var touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    private var touchedCapacity = 4096
    /// `SearchDocument.Weight.body(count:)` for counts 0…7 (7 stands for more).
    private let bodyWeights: UnsafeMutablePointer<UInt8>
    /// The current document + 1, as the tallies hold it.
    private var stamp: UInt64 = 0

    init() {
        tallies = .allocate(capacity: capacity)
        touched = .allocate(capacity: touchedCapacity)
        characterNumbers = .allocate(capacity: 0x10000)
        characterNumbers.initialize(repeating: 0, count: 0x10000)
        bodyWeights = .allocate(capacity: 8)
        for count in 0..<8 { (bodyWeights + count).initialize(to: SearchDocument.Weight.body(count: count)) }
    }

    deinit {
        tallies.deallocate()
        touched.deallocate()
        characterNumbers.deallocate()
        bodyWeights.deallocate()
    }

    var keys: [UInt64] { vocabulary.keys }

    /// Starts the next document; `id` is its number in the whole index.
    mutating func begin(_ id: Int) {
        stamp = UInt64(id + 1) << 32
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
                number = vocabulary.number(of: key)
                startTally(number)
                characterNumbers[character] = Int32(number + 1)
            }
        } else {
            let count = vocabulary.count
            number = vocabulary.number(of: key)
            if number == count { startTally(number) }
        }
        // Without a branch: whether a token is new to the document is a coin toss for the
        // processor's predictor (a third of occurrences are), so the number is always written
        // and kept only when new.
        var tally = tallies[number]
        let isNew = tally & 0xFFFF_FFFF_0000_0000 != stamp
        touched[touchedCount] = Int32(truncatingIfNeeded: number)
        touchedCount &+= isNew ? 1 : 0
        tally = isNew ? stamp : tally
        if touchedCount == touchedCapacity { growTouched() }
        if weight == 0 {
            if tally & 0xFFFF_FF00 != 0xFFFF_FF00 { tally += 0x100 }
        } else if UInt64(weight) > tally & 0xFF {
            tally = tally & ~0xFF | UInt64(weight)
        }
        tallies[number] = tally
    }

    /// Adds a posting for every token of the document: its heaviest field, or how often the body has it.
    mutating func end() {
        let document = Int32(truncatingIfNeeded: (stamp >> 32) - 1)
        for position in 0..<touchedCount {
            let number = Int(touched[position])
            let tally = tallies[number]
            // Body weights by count from a table: a switch over counts that vary token by token
            // is a branch the processor keeps guessing wrong.
            let bodyWeight = bodyWeights[Int(min(tally >> 8 & 0xFF_FFFF, 7))]
            lists.append(number, document: document, weight: max(UInt8(tally & 0xFF), bodyWeight))
        }
        touchedCount = 0
    }

    /// The vocabulary (number → token) and each number's list.
    mutating func finish() -> (keys: [UInt64], lists: FinishedPostingLists) {
        var finished = PostingLists()
        swap(&finished, &lists)
        return (vocabulary.keys, finished.finish())
    }

    private mutating func growTouched() {
        touchedCapacity *= 2
        touched = touched.movedToLarger(count: touchedCount, capacity: touchedCapacity)
    }

    /// Makes room for the tally of a token the vocabulary just numbered.
    private mutating func startTally(_ number: Int) {
        lists.open()
        if number == capacity {
            tallies = tallies.movedToLarger(count: capacity, capacity: capacity * 2)
            capacity *= 2
        }
        tallies[number] = 0
    }
}
