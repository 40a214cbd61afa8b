/// Every template of a theme linked into one flat list of instructions, so that rendering walks
/// plain structs through pointers: no enum payloads copied out of arrays, no reference counts
/// touched per tag, no dictionary consulted to find a partial or a block.
///
/// The tables are read-only once linked and shared by every rendering thread. They sit in memory
/// this object allocates and frees itself, so the pointers the renderer keeps are valid for as
/// long as it holds the program.
final class TemplateProgram: @unchecked Sendable {
    let instructions: UnsafeMutableBufferPointer<Instruction>
    /// The literal text and the indentations of every template, end to end.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<NameReference>
    /// The keys of every name, in order: `names[i]` uses `keys[first..<first+count]`.
    let keys: UnsafeMutableBufferPointer<NameKey>
    /// Where each template's instructions run, by template number.
    let templates: UnsafeMutableBufferPointer<Range32>
    /// Indentations of standalone includes, as ranges of `bytes`.
    let indentations: UnsafeMutableBufferPointer<Range32>
    /// The blocks each `{{<parent}}` overrides, as runs of this table.
    let blockDefinitions: UnsafeMutableBufferPointer<BlockDefinition>
    /// Template numbers by name.
    let templateNumbers: [String: Int]

    init(linking linker: consuming TemplateLinker) {
        instructions = .copying(linker.instructions)
        bytes = .copying(linker.bytes)
        names = .copying(linker.names)
        keys = .copying(linker.keys)
        templates = .copying(linker.templateRanges)
        indentations = .copying(linker.indentations)
        blockDefinitions = .copying(linker.blockDefinitions)
        templateNumbers = linker.templateNumbers
    }

    deinit {
        instructions.deallocate()
        bytes.deallocate()
        names.deallocate()
        templates.deallocate()
        indentations.deallocate()
        blockDefinitions.deallocate()
        // The only table holding references (the key strings).
        _ = keys.deinitialize()
        keys.deallocate()
    }

    /// `first()` and `last()` as values, so that sections treat them as any other name.
    static func constant(_ flag: Bool) -> UnsafePointer<TemplateValue> { UnsafePointer(booleans + (flag ? 1 : 0)) }

    // Never changed nor freed, so safe to share.
    nonisolated(unsafe) private static let booleans: UnsafeMutablePointer<TemplateValue> = {
        let values = UnsafeMutablePointer<TemplateValue>.allocate(capacity: 2)
        values.initialize(to: .bool(false))
        (values + 1).initialize(to: .bool(true))
        return values
    }()

    /// Links the named templates; partials and parents refer to each other by number.
    convenience init(_ templates: [(name: String, template: CompiledTemplate)]) {
        var linker = TemplateLinker(names: templates.map(\.name))
        for (number, entry) in templates.enumerated() { linker.link(entry.template, number: number) }
        linker.linkPendingBlocks()
        self.init(linking: linker)
    }
}

struct Range32 {
    var start: Int32
    var end: Int32
}

/// A `{{$name}}…{{/name}}` inside a `{{<parent}}`: the instructions that replace the block `name`.
struct BlockDefinition {
    var name: Int32
    var body: Range32
}

/// One key of a dotted name, hashed when the template is compiled.
struct NameKey {
    let hash: Int
    let key: String
}

/// What a tag's name refers to (see `TemplateName`), its keys in the program's key table.
struct NameReference {
    enum Kind: UInt8 { case current, stack, local, first, last }
    var kind: Kind
    var keys: Range32
}

/// One step of a template: an operation, a flag and up to four numbers whose meaning it sets.
struct Instruction {
    enum Operation: UInt8 {
        /// Write `bytes[a..<b]`.
        case text
        /// Write the value of name `a`; `flag` means HTML-escape it.
        case variable
        /// Render the body (up to instruction `b`) for the value of name `a`; `flag` means inverted.
        case section
        /// Render template `a` (none when negative) with indentation `b`.
        case partial
        /// Render template `a` with indentation `b`, blocks overridden by definitions `c..<d`.
        case parent
        /// Render block `a`'s override, or its default body up to instruction `c`, with indentation `b`.
        case block
    }

    var operation: Operation
    var flag: Bool
    var a: Int32
    var b: Int32
    var c: Int32
    var d: Int32 = 0
}

private extension UnsafeMutableBufferPointer {
    static func copying(_ elements: [Element]) -> Self {
        let buffer = Self.allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        return buffer
    }
}
