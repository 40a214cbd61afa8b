/// A value a template can show: the whole data model of a page, typed so that rendering never
/// needs a dynamic cast or reflection (those were most of the build time with `[String: Any]`).
///
/// Build one with literals: `["title": item.title, "count": 3, "topics": links]`. Keys whose value
/// is `nil` are left out, so a missing value and an absent key are the same thing to a template.
public enum TemplateValue: Sendable, Equatable {
    /// Text; HTML-escaped by `{{name}}`, written as is by `{{{name}}}`.
    case string(String)
    /// Text already in UTF-8 (an article's HTML from cmark), shown exactly as `.string` would be.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    /// A section over a list renders once per element; an empty list counts as false.
    case list([TemplateValue])
    case object(TemplateObject)

    /// An object of these fields.
    public static func object(_ fields: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(fields)) }

    /// The value under `key` of an object; nothing for other kinds.
    public func child(_ key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Reads or replaces a field of an object (assigning `nil` removes it). Setting a field on a
    /// value that is not an object has no effect.
    public subscript(key: String) -> (any TemplateRepresentable)? {
        get { child(key) }
        set {
            guard case .object(var fields) = self else { return }
            // Let go of our own reference first, so the object is changed in place, not copied.
            self = .bool(false)
            fields[key] = newValue?.templateValue
            self = .object(fields)
        }
    }

    /// Whether a section `{{#name}}` opens for this value: everything but `false` and `[]`.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let elements): !elements.isEmpty
        default: true
        }
    }
}

/// A Swift value that has a template form. `nil` (from an optional) means "leave the key out".
public protocol TemplateRepresentable {
    var templateValue: TemplateValue? { get }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue? { self }
}

extension String: TemplateRepresentable {
    public var templateValue: TemplateValue? { .string(self) }
}

extension Substring: TemplateRepresentable {
    public var templateValue: TemplateValue? { .string(String(self)) }
}

extension Int: TemplateRepresentable {
    public var templateValue: TemplateValue? { .int(self) }
}

extension Bool: TemplateRepresentable {
    public var templateValue: TemplateValue? { .bool(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    public var templateValue: TemplateValue? { self?.templateValue }
}

// Closures, not key paths: a key path over a generic element is built at run time on every call
// (a type lookup by mangled name), and these run for every list of every page.
extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    public var templateValue: TemplateValue? {
        // A list of contexts is already what a template wants: no copy of every element.
        if Element.self == TemplateValue.self { return .list(unsafeBitCast(self, to: [TemplateValue].self)) }
        return .list(compactMap { $0.templateValue })
    }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
    public var templateValue: TemplateValue? {
        var fields = TemplateObject(minimumCapacity: count)
        for (key, value) in self { fields[key] = value.templateValue }
        return .object(fields)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, any TemplateRepresentable)...) {
        var fields = TemplateObject(minimumCapacity: elements.count)
        for (key, value) in elements {
            if let value = value.templateValue { fields[key] = value }
        }
        self = .object(fields)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
