import APIDocRuntime
import Foundation
import Testing

/// A transport that records every request and answers with a canned response.
struct FakeTransport: HTTPTransport {
    actor Recorder {
        var requests: [HTTPRequest] = []
        func record(_ request: HTTPRequest) { requests.append(request) }
    }

    let recorder = Recorder()
    var response: HTTPResponse

    init(status: Int = 200, headers: [String: String] = [:], body: String = "{}") {
        self.response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        await recorder.record(request)
        return response
    }

    var lastRequest: HTTPRequest? {
        get async { await recorder.requests.last }
    }
}

@Suite struct GraphClientTests {
    let base = URL(string: "https://graph.example.com/v1.0")!

    struct User: Codable, Hashable { var id: String; var displayName: String? }

    @Test func composesURLWithBasePathAndQuery() async throws {
        let transport = FakeTransport()
        let client = GraphClient(baseURL: base, transport: transport)
        var request = GraphRequest(method: "GET", path: "/users/" + PathComponent.escape("a/b c") + "/events")
        request.query = [
            URLQueryItem(name: "$select", value: "subject,start"),
            URLQueryItem(name: "$filter", value: "startswith(subject,'A&B') and x eq 'c+d=e#f%'"),
            URLQueryItem(name: "$count", value: nil),
        ]
        _ = try await client.send(request)
        let sent = try #require(await transport.lastRequest)
        #expect(sent.method == "GET")
        #expect(sent.url.absoluteString == "https://graph.example.com/v1.0/users/a%2Fb%20c/events"
            + "?$select=subject,start&$filter=startswith(subject,'A%26B')%20and%20x%20eq%20'c%2Bd%3De%23f%25'&$count")
        #expect(sent.url.path == "/v1.0/users/a/b c/events")
        #expect(sent.body == nil)
        #expect(sent.header("accept") == "application/json")
    }

    @Test func baseURLWithTrailingSlashAndNoQuery() async throws {
        let transport = FakeTransport()
        let client = GraphClient(baseURL: URL(string: "https://graph.example.com/beta/")!, transport: transport)
        _ = try await client.send(GraphRequest(method: "DELETE", path: "/me/events/1"))
        let sent = try #require(await transport.lastRequest)
        #expect(sent.url.absoluteString == "https://graph.example.com/beta/me/events/1")
        #expect(sent.method == "DELETE")
    }

    @Test func bearerHeaderOnlyWithAuthorization() async throws {
        let anonymous = FakeTransport()
        _ = try await GraphClient(baseURL: base, transport: anonymous).send(GraphRequest(method: "GET", path: "/me"))
        let plain = try #require(await anonymous.lastRequest)
        #expect(plain.header("Authorization") == nil)

        let authorized = FakeTransport()
        let client = GraphClient(baseURL: base, transport: authorized, authorization: { "token-123" })
        _ = try await client.send(GraphRequest(method: "GET", path: "/me"))
        let sent = try #require(await authorized.lastRequest)
        #expect(sent.headers["Authorization"] == "Bearer token-123")
        #expect(sent.headers["Accept"] == "application/json")
    }

    @Test func authorizationErrorsPropagate() async {
        struct TokenError: Error {}
        let transport = FakeTransport()
        let client = GraphClient(baseURL: base, transport: transport, authorization: { throw TokenError() })
        await #expect(throws: TokenError.self) {
            try await client.send(GraphRequest(method: "GET", path: "/me"))
        }
        #expect(await transport.lastRequest == nil)
    }

    @Test func sendsJSONBodyWithContentType() async throws {
        let transport = FakeTransport(status: 201, body: #"{"id":"9","displayName":"A/B"}"#)
        let client = GraphClient(baseURL: base, transport: transport)
        var request = GraphRequest(method: "POST", path: "/users")
        try request.setJSONBody(User(id: "9", displayName: "A/B"))
        request.setHeader("Prefer", "return=representation")
        let created = try await client.send(request, decoding: User.self)
        #expect(created == User(id: "9", displayName: "A/B"))
        let sent = try #require(await transport.lastRequest)
        #expect(sent.method == "POST")
        #expect(sent.header("content-type") == "application/json")
        #expect(sent.headers["Prefer"] == "return=representation")
        #expect(sent.body.map { String(decoding: $0, as: UTF8.self) } == #"{"displayName":"A/B","id":"9"}"#)
    }

    @Test func requestHeadersOverrideDefaultsCaseInsensitively() async throws {
        let transport = FakeTransport()
        let client = GraphClient(baseURL: base, transport: transport, authorization: { "t" })
        var request = GraphRequest(method: "GET", path: "/me/photo/$value")
        request.headers["accept"] = "image/*"
        _ = try await client.send(request)
        let sent = try #require(await transport.lastRequest)
        #expect(sent.headers.filter { $0.key.lowercased() == "accept" } == ["accept": "image/*"])
        #expect(sent.header("Authorization") == "Bearer t")
    }

    @Test func notFoundThrowsGraphError() async throws {
        let body = #"{"error":{"code":"ResourceNotFound","message":"User not found","innerError":{"request-id":"rid"}}}"#
        let transport = FakeTransport(status: 404, headers: ["Retry-After": "5"], body: body)
        let client = GraphClient(baseURL: base, transport: transport)
        do {
            _ = try await client.send(GraphRequest(method: "GET", path: "/users/x"), decoding: User.self)
            Issue.record("expected a GraphError")
        } catch let error as GraphError {
            #expect(error.status == 404)
            #expect(error.code == "ResourceNotFound")
            #expect(error.message == "User not found")
            #expect(error.requestId == "rid")
            #expect(error.retryAfter == 5)
        }
    }

    @Test func successReturnsRawResponse() async throws {
        let transport = FakeTransport(status: 204, headers: ["request-id": "r"], body: "")
        let response = try await GraphClient(baseURL: base, transport: transport)
            .send(GraphRequest(method: "PATCH", path: "/me"))
        #expect(response.status == 204)
        #expect(response.header("REQUEST-ID") == "r")
        #expect(response.body.isEmpty)
    }

    @Test func undecodableBodyThrowsDecodingError() async {
        let transport = FakeTransport(body: #"{"displayName":"no id"}"#)
        let client = GraphClient(baseURL: base, transport: transport)
        await #expect(throws: DecodingError.self) {
            try await client.send(GraphRequest(method: "GET", path: "/me"), decoding: User.self)
        }
    }

    @Test func followsNextLinkAndKeepsTokenOnGraphHost() async throws {
        let transport = FakeTransport(body: #"{"value":[{"id":"3"}]}"#)
        let client = GraphClient(baseURL: base, transport: transport, authorization: { "t" })
        let first = CollectionPage<User>(value: [], nextLink: "https://graph.example.com/v1.0/users?$skiptoken=abc")
        let second = try #require(try await client.nextPage(after: first))
        #expect(second.value == [User(id: "3")])
        #expect(try await client.nextPage(after: second) == nil)
        let sent = try #require(await transport.lastRequest)
        #expect(sent.url.absoluteString == "https://graph.example.com/v1.0/users?$skiptoken=abc")
        #expect(sent.header("Authorization") == "Bearer t")

        let foreign = CollectionPage<User>(nextLink: "https://elsewhere.example.net/page2")
        _ = try await client.nextPage(after: foreign)
        let foreignRequest = try #require(await transport.lastRequest)
        #expect(foreignRequest.url.host == "elsewhere.example.net")
        #expect(foreignRequest.header("Authorization") == nil)
    }

    @Test func defaultBaseURL() {
        #expect(GraphClient().baseURL.absoluteString == "https://graph.microsoft.com/v1.0")
    }
}
