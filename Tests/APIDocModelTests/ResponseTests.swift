import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// The response of an operation: status and type from the Response prose, or from the response
/// example's annotation; collections from the prose, `isCollection`, or a `value` array.
@Suite("Responses")
struct ResponseTests {
    let call = resourceDoc("call", properties: ["|subject|String|S.|"])
    let participant = resourceDoc("participant", properties: ["|isMuted|Boolean|M.|"])
    let page = resourceDoc("pagedThing", properties: ["|value|String collection|Values.|"])

    func example(annotation: String, body: String, status: String = "200 OK") -> String {
        """
        ## Example

        ### Request

        <!-- {
          "blockType": "request",
          "name": "example"
        } -->
        ```http
        GET https://graph.microsoft.com/beta/things
        ```

        ### Response

        <!-- {
          "blockType": "response",
          \(annotation)
        } -->
        ```http
        HTTP/1.1 \(status)
        Content-Type: application/json

        \(body)
        ```
        """
    }

    func response(_ response: String?, trailing: String = "", method: String = "GET") -> (ResponseSpec?, [Diagnostic], Doc) {
        let doc = apiDoc("docs/api/op.md", title: "Get things", requests: ["\(method) /things"], response: response, trailing: trailing)
        let (model, diagnostics) = resolve(doc, call, participant, page)
        return (model.operations.first?.response, diagnostics, doc)
    }

    @Test func objectFromTheProse() {
        let (spec, diagnostics, _) = response("If successful, this method returns a `200 OK` response code and a [call](../resources/call.md) object in the response body.")
        #expect(spec == ResponseSpec(status: 200, type: graph("call"), collection: false))
        #expect(diagnostics.lines == [])
    }

    @Test func collectionFromTheProse() {
        let (spec, _, _) = response("If successful, this method returns a `200 OK` response code and a collection of [participant](../resources/participant.md) objects in the response body.")
        #expect(spec == ResponseSpec(status: 200, type: graph("participant"), collection: true))
    }

    @Test func typeFromTheExampleAnnotation() {
        let (spec, diagnostics, _) = response("If successful, this method returns a `200 OK` response code and the object in the response body.",
                                              trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.call\"", body: "{\n  \"subject\": \"x\"\n}"))
        #expect(spec == ResponseSpec(status: 200, type: graph("call"), collection: false))
        #expect(diagnostics.lines == [])
    }

    @Test func statusAndTypeFromTheExampleAlone() {
        let (spec, _, _) = response(nil, trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.call\"", body: "{\n  \"subject\": \"x\"\n}"))
        #expect(spec == ResponseSpec(status: 200, type: graph("call"), collection: false))
    }

    @Test func collectionFromIsCollection() {
        let (spec, _, _) = response("If successful, this method returns a `200 OK` response code.",
                                    trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.participant\",\n  \"isCollection\": true",
                                                      body: "{\n  \"value\": []\n}"))
        #expect(spec == ResponseSpec(status: 200, type: graph("participant"), collection: true))
    }

    @Test func collectionFromACollectionTypeName() {
        let (spec, _, _) = response("If successful, this method returns a `200 OK` response code.",
                                    trailing: example(annotation: "\"@odata.type\": \"Collection(microsoft.graph.participant)\"", body: "[]"))
        #expect(spec == ResponseSpec(status: 200, type: graph("participant"), collection: true))
    }

    @Test func collectionFromAValueArray() {
        let (spec, _, _) = response("If successful, this method returns a `200 OK` response code.",
                                    trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.participant\"",
                                                      body: "{\n  \"value\": [\n    {\"isMuted\": true}\n  ]\n}"))
        #expect(spec == ResponseSpec(status: 200, type: graph("participant"), collection: true))
    }

    @Test func valueArrayOfATypeThatHasAValueProperty() {
        let (spec, _, _) = response("If successful, this method returns a `200 OK` response code.",
                                    trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.pagedThing\"",
                                                      body: "{\n  \"value\": [\"a\"]\n}"))
        #expect(spec == ResponseSpec(status: 200, type: graph("pagedThing"), collection: false))
    }

    @Test func noContent() {
        let (spec, _, _) = response("If successful, this method returns a `204 No Content` response code.", method: "DELETE")
        #expect(spec == ResponseSpec(status: 204, type: nil, collection: false))
    }

    @Test func statusWithoutBody() {
        let (spec, _, _) = response("If successful, this method returns a `202 Accepted` response code.", method: "POST")
        #expect(spec == ResponseSpec(status: 202, type: nil, collection: false))
    }

    @Test func noResponseSection() {
        let (spec, _, _) = response(nil)
        #expect(spec == nil)
    }

    @Test func unknownExampleTypeWarnsAtTheAnnotation() {
        let (spec, diagnostics, doc) = response("If successful, this method returns a `200 OK` response code.",
                                                trailing: example(annotation: "\"@odata.type\": \"microsoft.graph.nothing\"", body: "{}"))
        #expect(spec == ResponseSpec(status: 200, type: "Edm.Untyped", collection: false))
        // The annotation's position is its `{`, after `<!-- `.
        let annotation = doc.location(of: "<!-- {", occurrence: 2)
        #expect(diagnostics.lines == [
            "\(doc.path):\(annotation.line):\(annotation.column + 5): warning: response example names type 'microsoft.graph.nothing', which no page defines; the response is read as any JSON value [unknown-type]",
        ])
    }
}
