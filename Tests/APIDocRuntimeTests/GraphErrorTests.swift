import APIDocRuntime
import Foundation
import Testing

@Suite struct GraphErrorTests {
    let graphBody = #"""
    {"error":{"code":"itemNotFound","message":"The resource could not be found.",
    "innerError":{"request-id":"11111111-2222-3333-4444-555555555555","date":"2021-07-16T18:32:44","client-request-id":"c"}}}
    """#

    @Test func parsesGraphErrorBody() throws {
        let response = HTTPResponse(status: 404, headers: ["Content-Type": "application/json"], body: Data(graphBody.utf8))
        let error = GraphError(response: response)
        #expect(error.status == 404)
        #expect(error.code == "itemNotFound")
        #expect(error.message == "The resource could not be found.")
        #expect(error.requestId == "11111111-2222-3333-4444-555555555555")
        #expect(error.date == "2021-07-16T18:32:44")
        #expect(error.innerError?["client-request-id"] == "c")
        #expect(error.retryAfter == nil)
        #expect(error.body == Data(graphBody.utf8))
        #expect(error.description.contains("itemNotFound"))
        #expect(error.description.contains("The resource could not be found."))
    }

    @Test func innerErrorRequestIdWinsOverHeader() {
        let response = HTTPResponse(status: 404, headers: ["request-id": "from-header"], body: Data(graphBody.utf8))
        #expect(GraphError(response: response).requestId == "11111111-2222-3333-4444-555555555555")
    }

    @Test func lowercaseInnererrorIsAccepted() {
        let body = #"{"error":{"code":"x","message":"m","innererror":{"request-id":"r"}}}"#
        let error = GraphError(response: HTTPResponse(status: 400, body: Data(body.utf8)))
        #expect(error.requestId == "r")
        #expect(error.innerError == ["request-id": "r"])
    }

    @Test func toleratesNonJSONBodyAndReadsHeaders() {
        let html = "<html><body>Service Unavailable</body></html>"
        let response = HTTPResponse(
            status: 503, headers: ["retry-after": "30", "Request-Id": "abc-123"], body: Data(html.utf8))
        let error = GraphError(response: response)
        #expect(error.status == 503)
        #expect(error.code == nil)
        #expect(error.message == nil)
        #expect(error.innerError == nil)
        #expect(error.requestId == "abc-123")
        #expect(error.retryAfter == 30)
        #expect(error.body == Data(html.utf8))
        #expect(error.description.contains("Service Unavailable"))
    }

    @Test func toleratesEmptyBody() {
        let error = GraphError(response: HTTPResponse(status: 429, headers: ["Retry-After": "2.5"]))
        #expect(error.status == 429)
        #expect(error.code == nil)
        #expect(error.message == nil)
        #expect(error.requestId == nil)
        #expect(error.retryAfter == 2.5)
        #expect(error.body.isEmpty)
        #expect(error.description == "GraphError(429) [retry after 2.5s]")
    }

    @Test func toleratesOtherJSONShapes() {
        let bodies = [#"{"error":"invalid_grant"}"#, #"[1,2]"#, #"{"message":"x"}"#, #"{"error":{"code":5}}"#]
        for body in bodies {
            let error = GraphError(response: HTTPResponse(status: 400, body: Data(body.utf8)))
            #expect(error.code == nil, "\(body)")
            #expect(error.message == nil, "\(body)")
        }
    }

    @Test func retryAfterHTTPDateIsKeptApartFromSeconds() {
        let response = HTTPResponse(status: 503, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"])
        let error = GraphError(response: response)
        #expect(error.retryAfter == nil)
        #expect(error.retryAfterDate == HTTPDate.parse("Wed, 21 Oct 2015 07:28:00 GMT"))
    }

    @Test func ignoresInvalidRetryAfter() {
        for value in ["soon", "-5", "inf", "nan", "Wed, 32 Oct 2015 07:28:00 GMT"] {
            let error = GraphError(response: HTTPResponse(status: 503, headers: ["Retry-After": value]))
            #expect(error.retryAfter == nil && error.retryAfterDate == nil, "\(value)")
        }
    }

    @Test func dateFallsBackToTheDateHeader() {
        let response = HTTPResponse(status: 500, headers: ["Date": "Thu, 01 Jan 1970 00:00:00 GMT"])
        #expect(GraphError(response: response).date == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
