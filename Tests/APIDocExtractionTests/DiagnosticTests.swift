@testable import APIDocExtraction
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test func badAnnotationAndUnknownType() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |place|Depends on the kind|The place.|

            ## Example

            <!-- { "blockType": "request", "name": } -->
            ```http
            GET /me
            ```
            """, path: "docs/resources/x.md")
        #expect(page.diagnosticLines == [
            "docs/resources/x.md:7:8: warning: type 'Depends on the kind' of 'place' names no type; it is read as any JSON value [unknown-type]",
            "docs/resources/x.md:11:40: warning: annotation JSON does not parse, even leniently: expected a value, found '}'; the annotation is ignored [annotation-json]",
        ])
        #expect(page.examples.isEmpty)
    }

    @Test func diagnosticFormat() {
        let diagnostic = Diagnostic(file: "docs/api/call-get.md", location: at(42, 3), severity: .warning, rule: "missing-page",
                                    message: "type 'callOptions' links to a page that does not exist")
        #expect(diagnostic.description == "docs/api/call-get.md:42:3: warning: type 'callOptions' links to a page that does not exist [missing-page]")
        #expect(diagnostic.location == at(42, 3))
        #expect(Diagnostic.Severity.note < .warning)
        #expect(Diagnostic.Severity.warning < .error)
    }

    @Test func tableShapeNotesBecomeDiagnostics() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |payloadFileName|String|Payload file name (mobileconfig | xml).|
            """, path: "docs/resources/x.md")
        #expect(page.diagnosticLines == [
            "docs/resources/x.md:7:59: note: table row has 4 cells but the header has 3; the extra cells are read as part of the last one [table-shape]",
        ])
        #expect(page.properties.first?.description == "Payload file name (mobileconfig | xml).")
    }

    @Test func exampleBodyThatDoesNotParse() {
        let page = extract("""
            # x

            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK

            { "a": [1, 2 }
            ```
            """)
        #expect(page.diagnostics.count == 1)
        #expect(page.diagnostics.first?.rule == "example-json")
        #expect(page.diagnostics.first?.severity == .warning)
        #expect(page.diagnostics.first?.line == 7)
        #expect(page.diagnostics.first?.message.hasPrefix("response example body does not parse as JSON, even leniently: ") == true)
    }

    /// JSON positions in annotations and fenced blocks count the indentation cmark took off their
    /// lines: a fence or a comment indented at the top level, or inside a list item.
    @Test func positionsInIndentedAndNestedBlocksAreColumnsOfTheFile() {
        let page = extract("""
            # x

              <!-- {
                "blockType": "response",, "x": 1 } -->
              <!-- { "blockType": "response" } -->
              ```json
              {
                "a": 1,,
              }
              ```

            - item

                <!-- {
                  "blockType": "response",, "x": 1 } -->
                <!-- { "blockType": "response",, "x": 1 } -->
                <!-- { "blockType": "response" } -->
                ```json
                {
                  "a": 1,,
                }
                ```
            """)
        let lines = page.diagnostics.filter { $0.severity == .warning }.map { "\($0.line):\($0.column) \($0.rule)" }
        #expect(lines == ["4:29 annotation-json", "8:12 example-json", "15:31 annotation-json", "16:36 annotation-json", "20:14 example-json"])
    }

    @Test func collectorKeepsOrderAndFile() {
        var collector = DiagnosticCollector(file: "a.md")
        collector.note("r1", at(1, 1), "first")
        collector.error("r2", at(2, 2), "second")
        #expect(collector.diagnostics.map(\.description) == ["a.md:1:1: note: first [r1]", "a.md:2:2: error: second [r2]"])
    }
}
