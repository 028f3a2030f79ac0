@testable import APIDocExtraction
import Testing

@Suite("Response prose and request body forms")
struct ResponseAndRequestBodyTests {
    /// An operation page: one POST line, then the given sections.
    func operation(_ sections: String, method: String = "POST") -> Page {
        extract("""
            # Do x

            ## HTTP request

            ```http
            \(method) /me/things
            ```

            \(sections)
            """)
    }

    // MARK: Response

    @Test func singleObject() throws {
        let page = operation("""
            ## Response

            If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.
            """, method: "GET")
        let response = try #require(page.response)
        #expect(response.status == 200)
        #expect(response.type.map(TypeShape.init) == one(.named("user", "../resources/user.md")))
        #expect(response.location == at(11, 1))
    }

    @Test func collection() throws {
        let page = operation("""
            ## Response

            If successful, this method returns a `200 OK` response code and a collection of [event](../resources/event.md) objects in the response body.
            """, method: "GET")
        #expect(page.response?.status == 200)
        #expect(page.response?.type.map(TypeShape.init) == many(.named("event", "../resources/event.md")))
    }

    @Test func collectionInParentheses() throws {
        let page = operation("""
            ## Response

            If successful, this method returns a `200 OK` response code and a [participant](../resources/participant.md) object (collection) in the response body.
            """, method: "GET")
        #expect(page.response?.type.map(TypeShape.init) == many(.named("participant", "../resources/participant.md")))
    }

    @Test func noContent() throws {
        let page = operation("""
            ## Response

            If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.
            """, method: "DELETE")
        let response = try #require(page.response)
        #expect(response.status == 204)
        #expect(response.type == nil)
    }

    @Test func statusOnlyFromTheFirstCode() {
        let page = operation("""
            ## Response

            If successful, this method returns `202 Accepted`. If the request fails, it returns `400 Bad Request`.
            """)
        #expect(page.response?.status == 202)
        #expect(page.response?.type == nil)
    }

    @Test func errorPageLinksAreNotTheResponseType() {
        let page = operation("""
            ## Response

            If successful, this method returns a `204 No Content` response code. For other codes, see [Microsoft Graph errors](/graph/errors).
            """)
        #expect(page.response?.status == 204)
        #expect(page.response?.type == nil)
    }

    @Test func errorCodesPageLinkedInALaterSentenceIsNotTheResponseType() throws {
        // alert-list.md: the type is in bold, unlinked; the only link is to the error-codes page.
        let page = operation("""
            ## Response

            If successful, this method returns a `200 OK` response code and collection of **alert** objects in the response body. If a provider times out, the response will be a `206 Partial Content` status code. For more information, see [Microsoft Graph Security API error responses](../resources/security-error-codes.md).
            """, method: "GET")
        let response = try #require(page.response)
        #expect(response.status == 200)
        // Either no type, or the unlinked `alert` collection; never the error page.
        let type = response.type.map(TypeShape.init)
        #expect(type == nil || type == many(.named("alert")), "response type read as \(String(describing: type))")
    }

    @Test func streamResponse() {
        let page = operation("""
            ## Response

            If successful, this method returns a `200 OK` response code and the binary content stream in the response body.
            """, method: "GET")
        #expect(page.response?.type.map(TypeShape.init) == one(.primitive("Edm.Stream")))
    }

    @Test func exampleResponseHeadingsAreNotTheResponseSection() {
        let page = operation("""
            ## Response

            If successful, this method returns a `201 Created` response code and a [call](../resources/call.md) object in the response body.

            ## Example

            ### Response

            Here is an example of the response, which returns a `200 OK`.
            """)
        #expect(page.response?.status == 201)
        #expect(page.response?.location == at(11, 1))
    }

    // MARK: Request body

    @Test func jsonRepresentationLink() throws {
        let page = operation("""
            ## Request body

            In the request body, supply a JSON representation of the [call](../resources/call.md) object.
            """)
        #expect(page.requestBody == .resource(TypeRef(kind: .named("call", "../resources/call.md"), collection: false, location: at(11, 1)), properties: []))
    }

    @Test func jsonRepresentationWithATableOfSomeProperties() throws {
        let page = operation("""
            ## Request body

            In the request body, supply a JSON representation of the [event](../resources/event.md) object.

            | Property | Type | Description |
            |:---|:---|:---|
            | subject | String | The subject. Required. |
            """)
        guard case .resource(let type, let rows) = page.requestBody else {
            Issue.record("request body is \(page.requestBody)")
            return
        }
        #expect(type.kind == .named("event", "../resources/event.md"))
        #expect(rows.map(\.name) == ["subject"])
        #expect(rows.first?.required == true)
    }

    @Test func parameterTable() throws {
        let page = operation("""
            ## Request body

            In the request body, provide a JSON object with the following parameters.

            | Parameter | Type | Description |
            |:---|:---|:---|
            | callbackUri | String | The callback URL. |
            | acceptedModalities | modality collection | The modalities. Possible values are: `audio`, `video`. |
            | mediaConfig | [mediaConfig](../resources/mediaconfig.md) | The media configuration. Required. |
            """)
        guard case .parameters(let rows) = page.requestBody else {
            Issue.record("request body is \(page.requestBody)")
            return
        }
        #expect(rows.map(\.name) == ["callbackUri", "acceptedModalities", "mediaConfig"])
        #expect(rows.map { TypeShape($0.type) } == [
            one(.primitive("Edm.String")), many(.named("modality")), one(.named("mediaConfig", "../resources/mediaconfig.md")),
        ])
        #expect(rows[1].possibleValues == ["audio", "video"])
        #expect(rows.map(\.location) == [at(15, 3), at(16, 3), at(17, 3)])
    }

    @Test func doNotSupplyARequestBody() {
        let page = operation("""
            ## Request body

            Do not supply a request body for this method.
            """)
        #expect(page.requestBody == .none)
    }

    @Test func emptyRequestBodySection() {
        let page = operation("""
            ## Request body

            ## Response
            """)
        #expect(page.requestBody == .none)
    }

    @Test func noRequestBodySectionOnAPost() {
        let page = operation("")
        #expect(page.requestBody == .unspecified)
    }

    @Test func getWithoutRequestBodySectionHasNone() {
        let page = operation("", method: "GET")
        #expect(page.requestBody == .none)
    }
}
