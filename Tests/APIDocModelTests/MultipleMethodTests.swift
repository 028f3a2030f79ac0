import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// A page whose HTTP request section lists several methods gives one operation per method,
/// each with the paths of its own method.
@Suite("Several methods on one page")
struct MultipleMethodTests {
    let settings = resourceDoc("settings", properties: ["|theme|String|T.|"])
    var doc: Doc {
        apiDoc("docs/api/settings-get.md", title: "Get settings",
               requests: ["GET /me/settings", "PATCH /me/settings", "PATCH /users/{id}/settings", "GET /users/{id}/settings"],
               body: "In the request body, supply a JSON representation of the [settings](../resources/settings.md) object.",
               response: "If successful, this method returns a `200 OK` response code and a [settings](../resources/settings.md) object in the response body.")
    }

    @Test func oneOperationPerMethodInOrderOfAppearance() throws {
        let (model, diagnostics) = resolve(doc, settings)
        #expect(model.operations.map(\.name) == ["getSettings", "getSettingsPatch"])
        let get = try #require(model.operation("getSettings"))
        let patch = try #require(model.operation("getSettingsPatch"))
        #expect(get.method == "GET")
        #expect(get.paths == ["/me/settings", "/users/{id}/settings"])
        #expect(patch.method == "PATCH")
        #expect(patch.paths == ["/me/settings", "/users/{id}/settings"])
        #expect(patch.pathDetails[1].parameters.map(\.name) == ["userId"])
        #expect(patch.requestBody == TypeUse(type: graph("settings"), collection: false))
        #expect(get.response == ResponseSpec(status: 200, type: graph("settings"), collection: false))
        #expect(patch.response == ResponseSpec(status: 200, type: graph("settings"), collection: false))
        #expect(get.source == doc.path + ":1")
        #expect(diagnostics.lines == [])
    }

    @Test func getTakesNoBody() throws {
        // The request body the page documents belongs to the PATCH; a GET sends none.
        let (model, _) = resolve(doc, settings)
        #expect(model.operation("getSettings")?.requestBody == nil)
    }

    @Test func repeatedLinesOfOneMethodAreOnePath() throws {
        let twice = apiDoc("docs/api/x.md", title: "Get x", requests: ["GET /x", "GET /x", "GET /y"])
        let (model, _) = resolve(twice)
        #expect(model.operations.map(\.paths) == [["/x", "/y"]])
    }
}
