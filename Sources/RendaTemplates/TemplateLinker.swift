/// Lays out parsed templates (`TemplateNode` trees) as a `TemplateProgram`'s flat tables: each
/// template a run of instructions, section and default block bodies inline after their opening
/// instruction, and the blocks a `{{<parent}}` overrides in runs of their own at the end.
struct TemplateLinker {
    private(set) var instructions: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [NameReference] = []
    private(set) var keys: [NameKey] = []
    private(set) var templateRanges: [Range32]
    /// Number 0 is no indentation, so the renderer can skip it without looking at the bytes.
    private(set) var indentations = [Range32(start: 0, end: 0)]
    private(set) var blockDefinitions: [BlockDefinition] = []
    let templateNumbers: [String: Int]

    // Each name, indentation and block name is stored once however many tags use it.
    private var nameNumbers: [TemplateName: Int32] = [:]
    private var indentationNumbers: [[UInt8]: Int32] = [[]: 0]
    private var blockNumbers: [String: Int32] = [:]
    /// Overriding block bodies still to lay out, with the definition that will point at them.
    private var pending: [(definition: Int, nodes: [TemplateNode])] = []

    init(names: [String]) {
        templateNumbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        templateRanges = Array(repeating: Range32(start: 0, end: 0), count: names.count)
    }

    mutating func link(_ template: CompiledTemplate, number: Int) {
        let start = position
        emit(template.nodes)
        templateRanges[number] = Range32(start: start, end: position)
    }

    /// Lays out the bodies that `{{<parent}}` tags override (which may hold parents in turn).
    mutating func linkPendingBlocks() {
        while let (definition, nodes) = pending.popLast() {
            let start = position
            emit(nodes)
            blockDefinitions[definition].body = Range32(start, position)
        }
    }

    private var position: Int32 { Int32(instructions.count) }

    private mutating func emit(_ nodes: [TemplateNode]) {
        // Text split only by a comment is written in one go; the bytes of both are adjacent.
        var previousIsText = false
        for node in nodes {
            defer { if case .text = node { previousIsText = true } else { previousIsText = false } }
            switch node {
            case .text(let text):
                let start = Int32(bytes.count)
                bytes += text.bytes
                if previousIsText {
                    instructions[instructions.count - 1].b = Int32(bytes.count)
                } else {
                    append(.text, a: start, b: Int32(bytes.count))
                }
            case .variable(let name, let escaped):
                append(.variable, flag: escaped, a: number(of: name))
            case .section(let name, let body, let inverted):
                let opening = instructions.count
                append(.section, flag: inverted, a: number(of: name))
                emit(body)
                instructions[opening].b = position
            case .partial(let name, let indentation):
                append(.partial, a: templateNumber(name), b: number(ofIndentation: indentation))
            case .parent(let name, let blocks, let indentation):
                let first = Int32(blockDefinitions.count)
                for (block, body) in blocks.sorted(by: { $0.key < $1.key }) {
                    blockDefinitions.append(BlockDefinition(name: number(ofBlock: block), body: Range32(0, 0)))
                    pending.append((blockDefinitions.count - 1, body))
                }
                append(.parent, a: templateNumber(name), b: number(ofIndentation: indentation),
                       c: first, d: Int32(blockDefinitions.count))
            case .block(let name, let defaultNodes, let indentation):
                let opening = instructions.count
                append(.block, a: number(ofBlock: name), b: number(ofIndentation: indentation))
                emit(defaultNodes)
                instructions[opening].c = position
            }
        }
    }

    private mutating func append(_ operation: Instruction.Operation, flag: Bool = false,
                                 a: Int32, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0) {
        instructions.append(Instruction(operation: operation, flag: flag, a: a, b: b, c: c, d: d))
    }

    /// A partial or parent that is not in the set renders as nothing (only `renderStandalone`
    /// has such: a theme's references are checked before linking).
    private func templateNumber(_ name: String) -> Int32 {
        templateNumbers[name].map(Int32.init) ?? -1
    }

    private mutating func number(of name: TemplateName) -> Int32 {
        if let number = nameNumbers[name] { return number }
        let reference: NameReference
        switch name {
        case .current: reference = NameReference(kind: .current, keys: addKeys([]))
        case .stack(let first, let rest): reference = NameReference(kind: .stack, keys: addKeys([first] + rest))
        case .local(let path): reference = NameReference(kind: .local, keys: addKeys(path))
        case .first: reference = NameReference(kind: .first, keys: addKeys([]))
        case .last: reference = NameReference(kind: .last, keys: addKeys([]))
        }
        names.append(reference)
        nameNumbers[name] = Int32(names.count - 1)
        return Int32(names.count - 1)
    }

    private mutating func addKeys(_ path: [String]) -> Range32 {
        let start = Int32(keys.count)
        keys += path.map { NameKey(hash: TemplateKey.hash($0), key: $0) }
        return Range32(start, Int32(keys.count))
    }

    private mutating func number(ofIndentation indentation: [UInt8]) -> Int32 {
        if let number = indentationNumbers[indentation] { return number }
        let start = Int32(bytes.count)
        bytes += indentation
        indentations.append(Range32(start, Int32(bytes.count)))
        indentationNumbers[indentation] = Int32(indentations.count - 1)
        return Int32(indentations.count - 1)
    }

    private mutating func number(ofBlock name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        blockNumbers[name] = Int32(blockNumbers.count)
        return Int32(blockNumbers.count - 1)
    }
}

extension Range32 {
    init(_ start: Int32, _ end: Int32) { self.init(start: start, end: end) }
}
