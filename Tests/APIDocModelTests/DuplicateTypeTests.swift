import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// Two pages that define the same type: one type is kept, the other page is reported.
@Suite("Duplicate types")
struct DuplicateTypeTests {
    @Test func oneTypeIsKeptAndTheOtherPageIsReported() throws {
        // Two pages document `microsoft.graph.call`; the model has one type of that name, built
        // from the page named after the type first, and the other page gets a `duplicate-type` note.
        let other = resourceDoc("call", path: "docs/resources/call-v2.md", properties: ["|subject|String|From v2.|"])
        let main = resourceDoc("call", path: "docs/resources/call.md", properties: ["|topic|String|From the main page.|"])
        let user = resourceDoc("user", properties: ["|lastCall|[call](call-v2.md)|Links the other page.|"])
        let (model, diagnostics) = resolve(main, user, other)
        #expect(model.types.map(\.name) == [graph("call"), graph("user")])
        #expect(model.type(named: graph("call")) == TypeDefinition(
            name: graph("call"), kind: .complex,
            properties: [
                Property(name: "topic", type: "Edm.String", collection: false, description: "From the main page.", source: main.source(of: "|topic|")),
                Property(name: "subject", type: "Edm.String", collection: false, description: "From v2.", source: other.source(of: "|subject|")),
            ],
            source: main.path + ":1"))
        // A link to either page reaches the one type.
        #expect(model.property(graph("user"), "lastCall")?.type == graph("call"))
        let annotation = main.location(of: "<!-- {")
        #expect(diagnostics.lines == [
            "\(main.path):\(annotation.line):\(annotation.column + 5): note: type 'microsoft.graph.call' is also documented at \(other.path):1; the properties of both pages are merged [duplicate-type]",
        ])
    }

    @Test func withoutAPageNamedAfterTheTypeTheFirstByPathIsKept() throws {
        let first = resourceDoc("call", path: "docs/resources/a.md", properties: ["|a|String|A.|"])
        let second = resourceDoc("call", path: "docs/resources/b.md", properties: ["|b|String|B.|"])
        let (model, diagnostics) = resolve(second, first)
        #expect(model.types.map(\.name) == [graph("call")])
        #expect(model.type(named: graph("call"))?.source == first.path + ":1")
        #expect(model.type(named: graph("call"))?.properties.map(\.name) == ["a", "b"])
        #expect(diagnostics.rule("duplicate-type").map(\.file) == [second.path])
    }

    @Test func namesThatDifferOnlyInCaseAreDuplicates() throws {
        let first = resourceDoc("call", path: "docs/resources/a.md", properties: ["|a|String|A.|"])
        let second = resourceDoc("Call", path: "docs/resources/b.md", properties: ["|b|String|B.|"])
        let (model, diagnostics) = resolve(first, second)
        #expect(model.types.map(\.name) == [graph("call")])
        #expect(diagnostics.rule("duplicate-type").map(\.file) == [second.path])
    }

    @Test func duplicatePropertyRowsKeepTheFirst() throws {
        let doc = resourceDoc("call", properties: ["|subject|String|First.|", "|subject|Int32|Second.|"])
        let (model, diagnostics) = resolve(doc)
        #expect(model.type(named: graph("call"))?.properties.map(\.description) == ["First."])
        #expect(diagnostics.lines == [
            doc.diagnostic(at: "subject|Int32", "property 'subject' of 'microsoft.graph.call' is listed twice; the first row is used", rule: "duplicate-property"),
        ])
    }
}
