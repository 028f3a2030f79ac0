import APIDocRuntime
import FlyingFox
import Foundation
import Testing

/// Each shape of error response, received over real HTTP and turned into a ``GraphError``.
@Suite struct ErrorShapeTests {
    /// Sends `GET /v1.0/thing` to a server that always answers `response`, without retries, and
    /// returns the error thrown.
    static func error(for response: FlyingFox.HTTPResponse) async throws -> GraphError? {
        try await LoopbackServer.with({ _ in response }) { server in
            await #expect(throws: GraphError.self) {
                try await server.client(retryPolicy: .none).send(GraphRequest(method: "GET", path: "/thing"))
            }
        }
    }

    @Test func graphErrorBodyWithInnerError() async throws {
        let body = #"""
        {"error":{"code":"itemNotFound","message":"The resource could not be found.",
        "innerError":{"request-id":"0d1e2f3a-1111-2222-3333-444455556666","date":"2024-05-01T10:20:30",
        "client-request-id":"c-1"}}}
        """#
        let error = try #require(try await Self.error(for: json(404, body, headers: ["request-id": "header-id"])))
        #expect(error.status == 404)
        #expect(error.code == "itemNotFound")
        #expect(error.message == "The resource could not be found.")
        #expect(error.requestId == "0d1e2f3a-1111-2222-3333-444455556666")
        #expect(error.clientRequestId == "c-1")
        #expect(error.date == "2024-05-01T10:20:30")
        #expect(error.innerError?["date"] == "2024-05-01T10:20:30")
        #expect(error.retryAfter == nil && error.retryAfterDate == nil)
        #expect(error.headers.contains { $0.key.lowercased() == "request-id" && $0.value == "header-id" })
        #expect(error.description == "GraphError(404 itemNotFound): The resource could not be found. "
            + "[request-id 0d1e2f3a-1111-2222-3333-444455556666] [date 2024-05-01T10:20:30]")
        #expect(error.localizedDescription == error.description)
    }

    @Test func nonJSONBody() async throws {
        let html = "<html>\n  <body>Bad   Gateway</body>\n</html>"
        let response = reply(502, body: html, headers: ["Content-Type": "text/html", "request-id": "rid-502"])
        let error = try #require(try await Self.error(for: response))
        #expect(error.status == 502)
        #expect(error.code == nil && error.message == nil && error.innerError == nil)
        #expect(error.requestId == "rid-502")
        #expect(String(decoding: error.body, as: UTF8.self) == html)
        #expect(error.description == "GraphError(502): <html> <body>Bad Gateway</body> </html> [request-id rid-502]")
    }

    @Test func emptyBody() async throws {
        let error = try #require(try await Self.error(for: reply(401)))
        #expect(error.status == 401)
        #expect(error.code == nil && error.message == nil && error.requestId == nil && error.date == nil)
        #expect(error.body.isEmpty)
        #expect(error.description == "GraphError(401)")
    }

    @Test func retryAfterInSeconds() async throws {
        let body = #"{"error":{"code":"TooManyRequests","message":"Please retry later."}}"#
        let error = try #require(try await Self.error(for: json(429, body, headers: ["Retry-After": "17"])))
        #expect(error.retryAfter == 17)
        #expect(error.retryAfterDate == nil)
        #expect(error.retryDelay() == 17)
        #expect(error.description == "GraphError(429 TooManyRequests): Please retry later. [retry after 17s]")
    }

    @Test func retryAfterAsHTTPDate() async throws {
        let headers = ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT", "Date": "Wed, 21 Oct 2015 07:27:30 GMT"]
        let error = try #require(try await Self.error(for: reply(503, headers: headers)))
        #expect(error.retryAfter == nil)
        #expect(error.retryAfterDate == Date(timeIntervalSince1970: 1_445_412_480))
        #expect(error.date == "Wed, 21 Oct 2015 07:27:30 GMT")
        #expect(error.retryDelay() == 30)
        #expect(error.description
            == "GraphError(503) [date Wed, 21 Oct 2015 07:27:30 GMT] [retry after Wed, 21 Oct 2015 07:28:00 GMT]")
    }

    @Test func retryAfterDateWithoutDateHeaderIsMeasuredFromNow() {
        let target = Date(timeIntervalSince1970: 2_000_000_000)
        let error = GraphError(response: HTTPResponse(status: 429, headers: ["Retry-After": HTTPDate.format(target)]))
        #expect(error.retryAfterDate == target)
        #expect(error.retryDelay(now: target.addingTimeInterval(-12)) == 12)
        #expect(error.retryDelay(now: target.addingTimeInterval(5)) == 0)
    }
}
