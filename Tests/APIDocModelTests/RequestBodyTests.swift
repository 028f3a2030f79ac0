import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// An action's parameter table becomes a body type of its own, `<operation>RequestBody`.
@Suite("Request bodies")
struct RequestBodyTests {
    let answer = apiDoc("docs/api/call-answer.md", title: "call: answer", requests: ["POST /communications/calls/{id}/answer"],
                        body: """
                            In the request body, provide a JSON object with the following parameters.

                            |Parameter|Type|Description|
                            |:---|:---|:---|
                            |callbackUri|String|Where to call back.|
                            |acceptedModalities|String collection|The kinds of media. Possible values are: `audio`, `video`.|
                            |participantCapacity|Int32|How many participants.|
                            """,
                        response: "If successful, this method returns a `202 Accepted` response code.")

    @Test func parameterTableBecomesARequestBodyType() throws {
        let (model, diagnostics) = resolve(answer)
        var expected = TypeDefinition(
                name: graph("answerCallRequestBody"), kind: .complex, description: "The parameters of `answerCall` (call: answer), sent as its JSON body.",
                properties: [
                    Property(name: "callbackUri", type: "Edm.String", collection: false, description: "Where to call back.",
                             source: answer.source(of: "|callbackUri|")),
                    Property(name: "acceptedModalities", type: "Edm.String", collection: true,
                             description: "The kinds of media. Possible values are: `audio`, `video`.", possibleValues: ["audio", "video"],
                             source: answer.source(of: "|acceptedModalities|")),
                    Property(name: "participantCapacity", type: "Edm.Int32", collection: false, description: "How many participants.",
                             source: answer.source(of: "|participantCapacity|")),
                ],
                source: answer.source(of: "|callbackUri|"))
        // Of this tool's making, not an OData type of the service.
        expected.isActionParameters = true
        #expect(model.types == [expected])
        #expect(model.operations == [
            APIDocModel.Operation(name: "answerCall", title: "call: answer", description: nil, method: "POST",
                      paths: [OperationPath(template: "/communications/calls/{id}/answer",
                                            parameters: [PathParameter(placeholder: "id", name: "callId", alternatives: ["id"], quoted: false)])],
                      requestBody: TypeUse(type: graph("answerCallRequestBody"), collection: false),
                      response: ResponseSpec(status: 202, type: nil, collection: false),
                      source: answer.path + ":1"),
        ])
        #expect(diagnostics.lines == [])
    }

    @Test func bodyTypeIsNamedAfterTheFinalOperationName() throws {
        // Two pages titled alike: the second falls back to its file name, and so does its body type.
        let other = apiDoc("docs/api/call-answer2.md", title: "call: answer", requests: ["POST /app/calls/{id}/answer"],
                           body: "In the request body, provide a JSON object with the following parameters.\n\n|Parameter|Type|Description|\n|:---|:---|:---|\n|x|String|X.|")
        let (model, _) = resolve(answer, other)
        #expect(model.operations.map(\.name) == ["answerCall", "callAnswer2"])
        #expect(model.operation("answerCall")?.requestBody?.type == graph("answerCallRequestBody"))
        #expect(model.operation("callAnswer2")?.requestBody?.type == graph("callAnswer2RequestBody"))
        #expect(model.type(named: graph("callAnswer2RequestBody"))?.properties.map(\.name) == ["x"])
    }

    @Test func getHasNoBody() throws {
        let get = apiDoc("docs/api/call-get.md", title: "Get call", requests: ["GET /communications/calls/{id}"])
        let (model, _) = resolve(get)
        #expect(model.operations.first?.requestBody == nil)
    }

    @Test func bodyOfAnExistingType() throws {
        let call = resourceDoc("call", properties: ["|subject|String|S.|"])
        let post = apiDoc("docs/api/application-post-calls.md", title: "Create calls", requests: ["POST /communications/calls"],
                          body: "In the request body, supply a JSON representation of the [call](../resources/call.md) object.")
        let (model, diagnostics) = resolve(call, post)
        #expect(model.operation("createCall")?.requestBody == TypeUse(type: graph("call"), collection: false))
        #expect(model.types.map(\.name) == [graph("call")])
        #expect(diagnostics.lines == [])
    }
}
