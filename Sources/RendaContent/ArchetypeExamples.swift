import RendaCore

/// The example text `renda new` puts into a new item for staff to replace: the archetype's
/// example paragraphs (在这里写正文。) and example field values (a deputy's 某某村党支部书记).
/// A published item still holding them would put template text, or details of a deputy who
/// does not exist, on a government site; the check finds them before that happens.
public struct ArchetypeExamples: Sendable {
    /// Body lines of the archetype that are not headings: instructions and sample sentences, as
    /// UTF-8, with their first four bytes as a quick filter (every line of every page is checked).
    let paragraphs: [[UInt8]]
    private let prefixes: Set<UInt32>
    /// Fields the archetype fills in with an example, and the example.
    let values: [(field: Field, value: String)]

    /// Fields every new item fills in from the command line or the date, not examples.
    private static let ownFields: Set<Field> = [.title, .name, .date, .year, .topics, .draft]

    /// `text` is the archetype as `renda new` writes it (its `{{…}}` already filled in).
    public init(archetype text: String) {
        let (matter, _) = FrontMatter.parse(text, file: "")
        var values: [(field: Field, value: String, line: Int)] = []
        for (field, entry) in matter?.entries ?? [:] where !ArchetypeExamples.ownFields.contains(field) {
            if let value = entry.value.text?.trimmingSpaces(), !value.isEmpty { values.append((field, value, entry.line)) }
        }
        // In the archetype's order, as a message lists them.
        self.values = values.sorted { $0.line < $1.line }.map { ($0.field, $0.value) }
        var paragraphs = Set<String>()
        for line in (matter?.body ?? "").split(whereSeparator: \.isNewline) {
            let text = line.trimmingSpaces()
            if !text.isEmpty, !text.hasPrefix("#"), !text.hasPrefix("```") { paragraphs.insert(text) }
        }
        self.paragraphs = paragraphs.sorted().map { Array($0.utf8) }
        prefixes = Set(self.paragraphs.filter { $0.count >= 4 }.map(ArchetypeExamples.prefix))
    }

    private static func prefix(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Example text left in `item`. Errors for an item that is published; warnings for one that
    /// will be on its date (an error would stop every build until then).
    public func problems(in item: Item, published: Bool) -> [Diagnostic] {
        let severity: Severity = published ? .error : .warning
        var problems: [Diagnostic] = []
        for (offset, text) in exampleLines(in: item.body) {
            problems.append(Diagnostic(severity, at: SourceLocation(file: item.sourcePath, line: item.bodyLine + offset),
                                       "正文中还留着新建时的示例文字“\(text)”",
                                       hint: "请改成正文内容，或删去这一行。"))
        }
        var unchanged: [(field: Field, value: String)] = []
        var placeholders: [Diagnostic] = []
        for (field, example) in values {
            guard let value = item.text(of: field) else { continue }
            let isExample = value == example || value == DeputyProfile.chineseYearMonth(example)
            if isExample { unchanged.append((field, example)) }
            if value.contains("某某") {
                placeholders.append(Diagnostic(severity, at: item.location(of: field),
                                               "字段 \(field.displayName)还是示例内容“\(value)”",
                                               hint: "请改成真实信息；暂时不清楚的，先保留 draft: true，核实后再发布。"))
            } else if isExample, item.markedExamples.contains(field) {
                // 男 or 汉族 may well be true: the mark says nobody has looked.
                placeholders.append(Diagnostic(severity, at: item.location(of: field),
                                               "字段 \(field.displayName)还是新建时的示例“\(value)”，行末标着 # 示例，还没有核对",
                                               hint: "核对这一项：不对的改成真实信息；对的，删去行末的“# 示例”。"))
            }
        }
        // One example value may well be true (many deputies are 男 or 汉族); all of them left as
        // they were means nobody filled the fields in.
        if values.count >= 2, unchanged.count == values.count {
            let list = unchanged.map { "\($0.field.chineseKeys[0])“\($0.value)”" }.joined(separator: "、")
            problems.append(Diagnostic(severity, at: item.location(of: unchanged[0].field),
                                       "字段都还是新建时的示例：\(list)",
                                       hint: "请逐项核对，改成真实信息后再发布；暂时不清楚的，先保留 draft: true。"))
        } else {
            problems += placeholders
            // Most examples may well be true of a deputy (男, 汉族, 第十九届); the birth month is
            // one in hundreds. Left as the example with its mark gone (a find-and-replace of every
            // `# 示例`), the fields around it were most likely not looked at either.
            if let born = unchanged.first(where: { $0.field == .born }), !item.markedExamples.contains(.born) {
                let others = unchanged.filter { $0.field != .born }.map { "\($0.field.chineseKeys[0])“\($0.value)”" }
                problems.append(.warning(item.location(of: .born),
                                         "字段 \(Field.born.displayName)还是新建时的示例“\(DeputyProfile.chineseYearMonth(born.value))”"
                                             + (others.isEmpty ? "" : "，\(others.joined(separator: "、"))也与示例相同"),
                                         hint: "请核对这些字段是不是这位代表的真实信息；出生年月确是这一个月的，可以不管这条提示。"))
            }
        }
        return problems
    }
}

extension ArchetypeExamples {
    /// Lines of `body` (0-based) that are, spaces aside, one of the archetype's paragraphs. Read
    /// as bytes: a `String` per line of every page cost the build a third of a second on 10,000.
    func exampleLines(in body: String) -> [(offset: Int, text: String)] {
        guard !prefixes.isEmpty else { return [] }
        var body = body
        return body.withUTF8 { bytes in
            var found: [(Int, String)] = []
            var start = 0
            var offset = 0
            while start < bytes.count {
                let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
                var first = start, last = end
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 || bytes[last - 1] == 0x0D { last -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[first..<last])
                if line.count >= 4, prefixes.contains(ArchetypeExamples.prefix(line)),
                   paragraphs.contains(where: { $0.elementsEqual(line) }) {
                    found.append((offset, String(decoding: line, as: UTF8.self)))
                }
                start = end + 1
                offset += 1
            }
            return found
        }
    }
}

extension Item {
    /// A text field's value as the item holds it (a deputy's birth month as 1975年3月).
    func text(of field: Field) -> String? {
        switch field {
        case .summary: summary
        case .author: author
        case .source: source
        case .cover: cover
        case .name: deputy?.name
        case .gender: deputy?.gender
        case .ethnicity: deputy?.ethnicity
        case .born: deputy?.born
        case .party: deputy?.party
        case .occupation: deputy?.occupation
        case .delegation: deputy?.delegation
        case .level: deputy?.level
        case .term: deputy?.term
        case .photo: deputy?.photo
        case .meeting: report?.meeting
        case .reporter: report?.reporter
        case .parent: parent
        case .title: title
        case .date, .topics, .slug, .draft, .year, .figures, .aliases: nil
        }
    }
}
