import RendaCore
import Yams

/// One 专题 from `content/topics.yml`.
public struct Topic: Sendable, Hashable {
    /// ASCII, used in the URL: `/topics/<slug>/`.
    public var slug: String
    /// Chinese name shown to readers.
    public var name: String
    public var description: String
    /// Line in topics.yml, for messages about the topic itself.
    public var line: Int? = nil
}

/// The ordered topic list, looked up by name or slug as staff may write either.
public struct TopicCatalog: Sendable {
    public let topics: [Topic]
    private let bySlug: [String: Int]
    private let byName: [String: Int]

    public init(_ topics: [Topic]) {
        self.topics = topics
        var bySlug: [String: Int] = [:], byName: [String: Int] = [:]
        for (index, topic) in topics.enumerated() {
            bySlug[topic.slug] = bySlug[topic.slug] ?? index
            byName[topic.name] = byName[topic.name] ?? index
        }
        self.bySlug = bySlug
        self.byName = byName
    }

    /// The topic a front-matter value names, by Chinese name or by slug.
    public func topic(named value: String) -> Topic? {
        (byName[value] ?? bySlug[value]).map { topics[$0] }
    }

    public func topic(slug: String) -> Topic? { bySlug[slug].map { topics[$0] } }

    /// The nearest name or slug, for "did you mean" when a topic is not in the list.
    public func suggestion(for value: String) -> String? {
        if let hit = topics.first(where: { $0.name.contains(value) || value.contains($0.name) }) { return hit.name }
        return Suggestion.closest(to: value, in: topics.map(\.name) + topics.map(\.slug))
    }

    /// Reads `topics.yml`: a list of `{slug, name, description}`.
    static func parse(_ text: String, file: String) -> (TopicCatalog, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let node: Node?
        switch YAMLSupport.compose(text, file: file) {
        case .success(let n): node = n
        case .failure(let refusal): return (TopicCatalog([]), refusal.diagnostics)
        }
        guard let list = node?.sequence else {
            return (TopicCatalog([]), [.error(SourceLocation(file: file, line: 1), "topics.yml 应为专题列表",
                                              hint: "每个专题写成：- { slug: jiandu, name: 监督工作, description: 一句说明 }")])
        }
        var topics: [Topic] = []
        var seenSlugs: [String: Int] = [:], seenNames: [String: Int] = [:]
        for entry in list {
            let location = SourceLocation(file: file, line: entry.line)
            let slug = entry.mapping?["slug"]?.text ?? ""
            let name = entry.mapping?["name"]?.text ?? ""
            if slug.isEmpty || name.isEmpty {
                problems.append(.error(location, "专题需要 slug 和 name", hint: "例如：- { slug: jiandu, name: 监督工作, description: 一句说明 }"))
                continue
            }
            if !Slug.isValid(slug) {
                problems.append(.error(location, "专题“\(name)”的 slug “\(slug)”只能包含小写英文字母、数字和连字符",
                                       hint: "例如 \(Slug.slugify(name).isEmpty ? "jiandu" : Slug.slugify(name))"))
                continue
            }
            if let line = seenSlugs[slug] {
                problems.append(.error(location, "专题 slug “\(slug)”与第 \(line) 行重复", hint: "每个专题的 slug 必须不同。"))
                continue
            }
            if let line = seenNames[name] {
                problems.append(.error(location, "专题名称“\(name)”与第 \(line) 行重复", hint: "每个专题的名称必须不同。"))
                continue
            }
            seenSlugs[slug] = entry.line ?? 0
            seenNames[name] = entry.line ?? 0
            topics.append(Topic(slug: slug, name: name, description: entry.mapping?["description"]?.text ?? "", line: entry.line))
        }
        return (TopicCatalog(topics), problems)
    }
}
