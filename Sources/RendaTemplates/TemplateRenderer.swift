/// Renders compiled templates into UTF-8 bytes. One renderer per page: it holds the output
/// buffer and the context stack, and is thrown away with them.
struct TemplateRenderer {
    /// Every template of the theme, by name, for partials and parents.
    let templates: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// Position in the innermost list being iterated, for `first()` and `last()`; partials,
    /// blocks and object sections start without one.
    private var position: (index: Int, count: Int)?
    private var indentation: [UInt8] = []
    private var overrides: [String: [TemplateNode]] = [:]
    private var depth = 0

    /// Deep enough for any real theme; stops a partial that includes itself from recursing forever.
    private static let maximumDepth = 100

    init(templates: [String: CompiledTemplate], capacity: Int) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    mutating func render(_ template: CompiledTemplate, context: TemplateValue) {
        stack = [context]
        render(template.nodes)
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                write(text)
            case .variable(let name, let escaped):
                guard let value = resolve(name) else { continue }
                switch value {
                case .string(let text):
                    if escaped { writeEscaped(text) } else { write(text) }
                case .int(let number): write(String(number))
                case .bool(let flag): write(flag ? "true" : "false")
                case .list, .object: continue
                }
            case .section(let name, let body, let inverted):
                let value = resolve(name)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body) }
                } else if let value, value.isTruthy {
                    renderSection(body, for: value)
                }
            case .partial(let name, let indent):
                guard let template = templates[name] else { continue }
                include(template.nodes, indentation: indent, overrides: nil)
            case .parent(let name, let blocks, let indent):
                guard let template = templates[name] else { continue }
                include(template.nodes, indentation: indent, overrides: blocks)
            case .block(let name, let defaultNodes, let indent):
                include(overrides[name] ?? defaultNodes, indentation: indent, overrides: nil)
            }
        }
    }

    private mutating func renderSection(_ body: [TemplateNode], for value: TemplateValue) {
        let saved = position
        defer { position = saved }
        switch value {
        case .bool:
            render(body)
        case .list(let elements):
            for (index, element) in elements.enumerated() {
                stack.append(element)
                position = (index, elements.count)
                render(body)
                stack.removeLast()
            }
        default:
            stack.append(value)
            position = nil
            render(body)
            stack.removeLast()
        }
    }

    /// Partials, parents and blocks: the same stack, more indentation, and the caller's block
    /// overrides merged under any already in force (the outermost definition wins).
    private mutating func include(_ nodes: [TemplateNode], indentation indent: [UInt8],
                                  overrides extra: [String: [TemplateNode]]?) {
        guard depth < Self.maximumDepth else { return }
        let saved = (position, indentation, overrides)
        defer { (position, indentation, overrides) = saved; depth -= 1 }
        depth += 1
        position = nil
        indentation += indent
        if let extra { overrides.merge(extra) { current, _ in current } }
        render(nodes)
    }

    private func resolve(_ name: TemplateName) -> TemplateValue? {
        switch name {
        case .current:
            return stack.last
        case .local(let path):
            var value = stack.last
            for key in path { value = value?.child(key) }
            return value
        case .stack(let first, let rest):
            for frame in stack.reversed() {
                guard var value = frame.child(first) else { continue }
                for key in rest {
                    guard let next = value.child(key) else { return nil }
                    value = next
                }
                return value
            }
            return nil
        case .first:
            return position.map { .bool($0.index == 0) }
        case .last:
            return position.map { .bool($0.index == $0.count - 1) }
        }
    }

    // MARK: - Output

    private mutating func write(_ text: TemplateText) {
        guard !indentation.isEmpty else { return output.append(contentsOf: text.bytes) }
        // Every line of an indented partial's own text starts with the indentation.
        var start = 0
        for end in text.segmentEnds where end > start {
            if output.isEmpty || output.last == UInt8(ascii: "\n") { output.append(contentsOf: indentation) }
            output.append(contentsOf: text.bytes[start..<end])
            start = end
        }
    }

    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        if !indentation.isEmpty, output.isEmpty || output.last == UInt8(ascii: "\n") {
            output.append(contentsOf: indentation)
        }
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// HTML escaping of `< > & " '`, copying the runs between them in one go.
    private mutating func writeEscaped(_ text: String) {
        guard !text.isEmpty else { return }
        if !indentation.isEmpty, output.isEmpty || output.last == UInt8(ascii: "\n") {
            output.append(contentsOf: indentation)
        }
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
