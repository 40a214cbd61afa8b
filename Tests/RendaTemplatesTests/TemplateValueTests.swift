import RendaTemplates
import Testing

/// Objects are small sorted maps rather than dictionaries; these are the dictionary behaviours
/// the context builder and `renda new` rely on.
@Suite("Template values")
struct TemplateValueTests {
    @Test func fieldsCanBeSetReplacedAndRemoved() {
        var value: TemplateValue = ["title": "标题", "missing": nil as String?]
        #expect(value.child("missing") == nil)
        value["count"] = 3
        value["title"] = "新标题"
        #expect(value.child("title") == "新标题")
        #expect(value.child("count") == 3)
        value["title"] = nil as String?
        #expect(value.child("title") == nil)
        #expect(value == ["count": 3])
    }

    @Test func aCopyIsNotChangedByTheOriginal() {
        var original: TemplateValue = ["a": 1]
        let copy = original
        original["b"] = 2
        #expect(copy == ["a": 1])
        #expect(original == ["b": 2, "a": 1])
    }

    @Test func manyKeysAreAllFound() throws {
        var fields: [String: TemplateValue] = [:]
        for number in 0..<300 { fields["key_\(number)"] = .int(number) }
        var value = TemplateValue.object(fields)
        for number in stride(from: 0, to: 300, by: 3) { value["key_\(number)"] = nil as Int? }
        for number in 0..<300 {
            #expect(value.child("key_\(number)") == (number % 3 == 0 ? nil : .int(number)))
        }
        let text = try TemplateSet.renderStandalone("{{t.key_1}}{{t.key_3}}{{t.key_299}}", context: ["t": value]).get()
        #expect(text == "1299")
    }

    @Test func sectionsOverTextAndNumbersShowThem() throws {
        let text = try TemplateSet.renderStandalone("{{#n}}[{{.}}]{{/n}}{{#s}}<{{.}}>{{/s}}{{#b}}{{b}}{{/b}}",
                                                    context: ["n": 3, "s": "长一些的文字，超过十五个字节", "b": true]).get()
        #expect(text == "[3]<长一些的文字，超过十五个字节>true")
    }

    @Test func textAroundACommentIsKept() throws {
        #expect(try TemplateSet.renderStandalone("a{{! note }}b\n  {{! alone }}\nc", context: [:]).get() == "ab\nc")
    }
}
