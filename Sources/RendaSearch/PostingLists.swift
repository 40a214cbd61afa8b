/// The posting lists of one run of documents, written in `PostingCodec`'s text form as the run is
/// tokenized: every token's list grows in chained blocks of one byte pool. A posting costs a few
/// byte writes where it used to cost a slot in an array of millions that was then sorted by token,
/// copied into per-run lists, joined into one array and only then encoded.
///
/// A list's first posting is written as the gap from document −1 (the document itself), so a run
/// can be joined after another by re-encoding that one posting (`append(_:after:into:)`).
struct PostingLists: ~Copyable {
    /// Where a list stands, what every posting reads and writes. Offsets are into the pool; a
    /// block's last four bytes hold the offset of the next block once there is one.
    fileprivate struct State {
        /// Where the next byte goes.
        var write: Int32
        /// Where the current block's room ends (its link to the next block).
        var end: Int32
        /// The last document added, −1 before the first.
        var last: Int32
        var bytes: Int32
    }

    /// What only a list's first posting and a new block need, kept apart so the states of all
    /// lists stay in fewer cache lines.
    fileprivate struct Start {
        var head: Int32
        /// Which block of the list is current: its size is `blockSize(block)`.
        var block: Int32
        /// The first document added.
        var first: Int32
    }

    private var pool: UnsafeMutablePointer<UInt8>
    /// `PostingCodec.alphabet` in raw memory: read for every digit written.
    private let alphabet: UnsafeMutablePointer<UInt8>
    private var poolCount = 0
    // Untouched pages cost nothing, so start large enough that most runs never copy the pool.
    private var poolCapacity = 1 << 21
    private var states: UnsafeMutablePointer<State>
    private var starts: UnsafeMutablePointer<Start>
    private var count = 0
    private var stateCapacity = 4096

    init() {
        pool = .allocate(capacity: poolCapacity)
        states = .allocate(capacity: stateCapacity)
        starts = .allocate(capacity: stateCapacity)
        alphabet = .allocate(capacity: 64)
        alphabet.initialize(from: PostingCodec.alphabet, count: 64)
    }

    deinit {
        pool.deallocate()
        states.deallocate()
        starts.deallocate()
        alphabet.deallocate()
    }

    /// Blocks double from 16 bytes up to 8 KB: a rare token wastes little, a common one follows
    /// few links.
    @inline(__always)
    fileprivate static func blockSize(_ block: Int32) -> Int32 { 16 << min(block, 9) }

    /// Opens the list of the token numbered `count`, the next number.
    mutating func open() {
        if count == stateCapacity {
            stateCapacity *= 2
            states = states.movedToLarger(count: count, capacity: stateCapacity)
            starts = starts.movedToLarger(count: count, capacity: stateCapacity)
        }
        let start = reserve(Self.blockSize(0))
        (states + count).initialize(to: State(write: start, end: start + Self.blockSize(0) - 4, last: -1, bytes: 0))
        (starts + count).initialize(to: Start(head: start, block: 0, first: -1))
        count += 1
    }

    /// Adds `document` (after every document already in the list) with `weight` to list `number`.
    @inline(__always)
    mutating func append(_ number: Int, document: Int32, weight: UInt8) {
        var state = states[number]
        if state.last < 0 { starts[number].first = document }
        var value = UInt64(UInt32(bitPattern: document &- state.last &- 1)) << UInt64(PostingCodec.weightBits) | UInt64(weight)
        state.last = document
        // Up to three digits (a gap below 4,096 documents) without a branch on how many: dense
        // lists take one, sparse ones more, and the mix is what a predictor gets wrong. All three
        // bytes are written; `write` moves past the ones that count.
        if value < 1 << 15, state.end - state.write >= 3 {
            let write = Int(state.write)
            let two = value >= 32, three = value >= 1024
            pool[write] = alphabet[Int(value & 31 | (two ? 32 : 0))]
            pool[write + 1] = alphabet[Int(value >> 5 & 31 | (three ? 32 : 0))]
            pool[write + 2] = alphabet[Int(value >> 10 & 31)]
            let length: Int32 = 1 + (two ? 1 : 0) + (three ? 1 : 0)
            state.write &+= length
            state.bytes &+= length
            states[number] = state
            return
        }
        repeat {
            var digit = value & 31
            value >>= 5
            if value > 0 { digit |= 32 }
            if state.write == state.end { nextBlock(number, &state) }
            pool[Int(state.write)] = alphabet[Int(digit)]
            state.write &+= 1
            state.bytes &+= 1
        } while value > 0
        states[number] = state
    }

    /// Moves the list's writing into a new block, linked from the end of the current one.
    @inline(never)
    private mutating func nextBlock(_ number: Int, _ state: inout State) {
        starts[number].block += 1
        let size = Self.blockSize(starts[number].block)
        let start = reserve(size)
        UnsafeMutableRawPointer(pool + Int(state.end)).storeBytes(of: start, as: Int32.self)
        state.write = start
        state.end = start + size - 4
    }

    private mutating func reserve(_ size: Int32) -> Int32 {
        if poolCount + Int(size) > poolCapacity {
            while poolCount + Int(size) > poolCapacity { poolCapacity *= 2 }
            pool = pool.movedToLarger(count: poolCount, capacity: poolCapacity)
        }
        defer { poolCount += Int(size) }
        return Int32(poolCount)
    }

    /// The finished lists, to be read (and freed) from any thread.
    consuming func finish() -> FinishedPostingLists {
        let finished = FinishedPostingLists(pool: pool, states: states, starts: starts, count: count)
        alphabet.deallocate()
        discard self
        return finished
    }
}

/// Finished `PostingLists`, read-only.
final class FinishedPostingLists: @unchecked Sendable {
    private let pool: UnsafeMutablePointer<UInt8>
    private let states: UnsafeMutablePointer<PostingLists.State>
    private let starts: UnsafeMutablePointer<PostingLists.Start>
    let count: Int

    fileprivate init(pool: UnsafeMutablePointer<UInt8>, states: UnsafeMutablePointer<PostingLists.State>,
                     starts: UnsafeMutablePointer<PostingLists.Start>, count: Int) {
        self.pool = pool
        self.states = states
        self.starts = starts
        self.count = count
    }

    deinit {
        pool.deallocate()
        states.deallocate()
        starts.deallocate()
    }

    /// Encoded bytes of list `number`.
    func byteCount(_ number: Int) -> Int { Int(states[number].bytes) }

    /// The last document of list `number`.
    func lastDocument(_ number: Int) -> Int32 { states[number].last }

    /// What `append(number, after: previous, into:)` adds.
    func byteCount(_ number: Int, after previous: Int32) -> Int {
        let state = states[number]
        guard previous >= 0, state.bytes > 0 else { return Int(state.bytes) }
        // A posting's digits depend on its gap alone (gap · 8 + weight crosses a power of 32
        // only where gap · 8 does), so weight 0 stands in for the real one.
        let first = starts[number].first
        return Int(state.bytes) - PostingCodec.digitCount(UInt64(first) << UInt64(PostingCodec.weightBits))
            + PostingCodec.digitCount(UInt64(first - previous - 1) << UInt64(PostingCodec.weightBits))
    }

    /// Appends list `number` to `out`, which ends with a list whose last document is `previous`
    /// (−1 for none): the first posting is re-encoded as the gap from `previous`, the rest copied.
    func append(_ number: Int, after previous: Int32, into out: inout [UInt8]) {
        let state = states[number]
        let head = starts[number].head
        var position = Int(head)
        var end = Int(head + PostingLists.blockSize(0) - 4)
        var block: Int32 = 0
        var remaining = Int(state.bytes)
        var first: UInt64 = 0
        var shift: UInt64 = 0
        var firstDone = previous < 0
        while remaining > 0 {
            if position == end {
                block += 1
                let next = Int(UnsafeRawPointer(pool + end).loadUnaligned(as: Int32.self))
                position = next
                end = next + Int(PostingLists.blockSize(block)) - 4
            }
            let take = min(remaining, end - position)
            if firstDone {
                out.append(contentsOf: UnsafeBufferPointer(start: pool + position, count: take))
                position += take
                remaining -= take
                continue
            }
            // The first posting, digit by digit, until the one without a continuation bit.
            let value = UInt64(PostingCodec.value(of: pool[position]))
            position += 1
            remaining -= 1
            first |= (value & 31) << shift
            shift += 5
            if value & 32 == 0 {
                let document = first >> UInt64(PostingCodec.weightBits)
                let weight = first & 7
                let gap = document - UInt64(previous) - 1
                PostingCodec.appendNumber(gap << UInt64(PostingCodec.weightBits) | weight, to: &out)
                firstDone = true
            }
        }
    }
}
