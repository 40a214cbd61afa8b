import RendaCore

/// Runs a `TemplateProgram` over a context into UTF-8 bytes. One renderer per page: it holds the
/// output buffer and the context stack, and is thrown away with them.
///
/// The context stack holds pointers into the page's context, which the caller keeps alive and
/// unchanged for the whole render; reading values through them, instead of copying them out of
/// their arrays, is what keeps rendering from touching reference counts that every rendering
/// thread shares (the theme's strings, the site menu).
struct TemplateRenderer {
    private let program: TemplateProgram
    private(set) var output: [UInt8] = []
    private var stack: [UnsafePointer<TemplateValue>] = []
    /// Position in the innermost list being iterated, for `first()` and `last()`; partials,
    /// blocks and object sections start without one (`count` 0).
    private var position = (index: 0, count: 0)
    private var indentation: [UInt8] = []
    /// Block overrides in force, outermost first: the first with a block's name wins.
    private var overrides: [BlockDefinition] = []
    private var depth = 0

    /// Deep enough for any real theme; stops a partial that includes itself from recursing forever.
    private static let maximumDepth = 100

    init(program: TemplateProgram, capacity: Int) {
        self.program = program
        output.reserveCapacity(capacity)
    }

    mutating func render(template number: Int, context: TemplateValue) {
        withUnsafePointer(to: context) { root in
            stack = [root]
            run(program.templates[number])
            stack = []
        }
    }

    private mutating func run(_ range: Range32) {
        let instructions = program.instructions
        var counter = Int(range.start)
        let end = Int(range.end)
        while counter < end {
            let instruction = instructions[counter]
            switch instruction.operation {
            case .text:
                write(program.bytes.baseAddress! + Int(instruction.a), count: Int(instruction.b - instruction.a))
                counter += 1
            case .variable:
                if let value = resolve(instruction.a) { write(value, escaped: instruction.flag) }
                counter += 1
            case .section:
                let body = Range32(Int32(counter + 1), instruction.b)
                section(resolve(instruction.a), body: body, inverted: instruction.flag)
                counter = Int(instruction.b)
            case .partial:
                if instruction.a >= 0 {
                    include(program.templates[Int(instruction.a)], indentation: instruction.b, overriding: 0..<0)
                }
                counter += 1
            case .parent:
                if instruction.a >= 0 {
                    include(program.templates[Int(instruction.a)], indentation: instruction.b,
                            overriding: Int(instruction.c)..<Int(instruction.d))
                }
                counter += 1
            case .block:
                let body = overrides.first { $0.name == instruction.a }?.body ?? Range32(Int32(counter + 1), instruction.c)
                include(body, indentation: instruction.b, overriding: 0..<0)
                counter = Int(instruction.c)
            }
        }
    }

    private mutating func section(_ value: UnsafePointer<TemplateValue>?, body: Range32, inverted: Bool) {
        let shape = value.map(Shape.init) ?? .flag(false)
        if inverted {
            if !shape.isTruthy { run(body) }
            return
        }
        guard let value, shape.isTruthy else { return }
        let saved = position
        defer { position = saved }
        switch shape {
        case .flag:
            run(body)
        case .list(let start, let count):
            for index in 0..<count {
                stack.append(start + index)
                position = (index, count)
                run(body)
                stack.removeLast()
            }
        case .other:
            stack.append(value)
            position = (0, 0)
            run(body)
            stack.removeLast()
        }
    }

    /// What a section does with a value, read in place: a `switch` over the value itself keeps
    /// a copy (a retained list) alive across the rendering of the body.
    private enum Shape {
        case flag(Bool)
        /// The elements stay where they are while the list is alive and unchanged.
        case list(UnsafePointer<TemplateValue>, count: Int)
        case other

        @inline(never)
        init(_ value: UnsafePointer<TemplateValue>) {
            switch value.pointee {
            case .bool(let flag): self = .flag(flag)
            case .list(let elements): self = elements.withUnsafeBufferPointer { .list($0.baseAddress ?? value, count: $0.count) }
            default: self = .other
            }
        }

        var isTruthy: Bool {
            switch self {
            case .flag(let flag): flag
            case .list(_, let count): count > 0
            case .other: true
            }
        }
    }

    /// Partials, parents and blocks: the same stack, more indentation, and the parent's block
    /// overrides added after any already in force (the outermost definition wins).
    private mutating func include(_ body: Range32, indentation number: Int32, overriding definitions: Range<Int>) {
        guard depth < Self.maximumDepth else { return }
        let saved = (position, indentation.count, overrides.count)
        defer {
            position = saved.0
            indentation.removeLast(indentation.count - saved.1)
            overrides.removeLast(overrides.count - saved.2)
            depth -= 1
        }
        depth += 1
        position = (0, 0)
        if number != 0 {
            let range = program.indentations[Int(number)]
            indentation.append(contentsOf: UnsafeBufferPointer(start: program.bytes.baseAddress! + Int(range.start),
                                                               count: Int(range.end - range.start)))
        }
        for index in definitions { overrides.append(program.blockDefinitions[index]) }
        run(body)
    }

    private func resolve(_ number: Int32) -> UnsafePointer<TemplateValue>? {
        let name = program.names[Int(number)]
        let keys = program.keys.baseAddress!
        switch name.kind {
        case .current:
            return stack.last
        case .local:
            guard var value = stack.last else { return nil }
            for index in Int(name.keys.start)..<Int(name.keys.end) {
                guard let next = Self.child(of: value, keys + index) else { return nil }
                value = next
            }
            return value
        case .stack:
            let first = keys + Int(name.keys.start)
            var frame = stack.count
            while frame > 0 {
                frame -= 1
                guard var value = Self.child(of: stack[frame], first) else { continue }
                for index in Int(name.keys.start) + 1..<Int(name.keys.end) {
                    guard let next = Self.child(of: value, keys + index) else { return nil }
                    value = next
                }
                return value
            }
            return nil
        case .first:
            return position.count == 0 ? nil : TemplateProgram.constant(position.index == 0)
        case .last:
            return position.count == 0 ? nil : TemplateProgram.constant(position.index == position.count - 1)
        }
    }

    @inline(__always)
    private static func child(of value: UnsafePointer<TemplateValue>, _ key: UnsafePointer<NameKey>) -> UnsafePointer<TemplateValue>? {
        TemplateObject.pointer(in: value, hash: key.pointee.hash, key: key.pointee.key)
    }

    // MARK: - Output

    private var atLineStart: Bool { output.isEmpty || output.last == UInt8(ascii: "\n") }

    private mutating func write(_ start: UnsafePointer<UInt8>, count: Int) {
        guard !indentation.isEmpty else { return output.append(contentsOf: UnsafeBufferPointer(start: start, count: count)) }
        // Every line of an indented partial's own text starts with the indentation.
        var offset = 0
        while offset < count {
            var end = offset
            while end < count, start[end] != UInt8(ascii: "\n") { end += 1 }
            if end < count { end += 1 }
            if atLineStart { indentation.withUnsafeBufferPointer { output.append(contentsOf: $0) } }
            output.append(contentsOf: UnsafeBufferPointer(start: start + offset, count: end - offset))
            offset = end
        }
    }

    private mutating func write(_ value: UnsafePointer<TemplateValue>, escaped: Bool) {
        switch value.pointee {
        case .string:
            if var bytes = StringBytes(value) {
                bytes.withBytes { if escaped { writeEscaped($0) } else { write($0) } }
            } else if case .string(var text) = value.pointee {
                text.withUTF8 { if escaped { writeEscaped($0) } else { write($0) } }
            }
        case .utf8:
            if case .utf8(let bytes) = value.pointee {
                bytes.withUnsafeBufferPointer { if escaped { writeEscaped($0) } else { write($0) } }
            }
        case .int(let number):
            var text = String(number)
            text.withUTF8 { write($0) }
        case .bool(let flag):
            let text: StaticString = flag ? "true" : "false"
            write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        case .list, .object: break
        }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if !indentation.isEmpty, atLineStart { indentation.withUnsafeBufferPointer { output.append(contentsOf: $0) } }
        output.append(contentsOf: bytes)
    }

    /// HTML escaping of `< > & " '` (RendaCore's, which checks eight bytes at a time).
    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if !indentation.isEmpty, atLineStart { indentation.withUnsafeBufferPointer { output.append(contentsOf: $0) } }
        HTML.appendEscaped(bytes, to: &output)
    }
}
