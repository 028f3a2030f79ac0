import APIDocExtraction
import APIDocGeneratorCore
import APIDocMock
import APIDocRuntime
import Foundation
import GraphAPI
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated client against the mock server of the package's docs, over HTTP on 127.0.0.1.
@Suite struct MockServerTests {
    /// The docs' request and response examples of one page: `(request, response)` pairs.
    static func examples(_ analysis: Pipeline.Analysis, page name: String) throws -> [(request: Example, response: Example)] {
        let page = try #require(analysis.pages.first { $0.path.hasSuffix("/" + name) }, "no page \(name)")
        return page.examples.enumerated().compactMap { index, request in
            guard request.kind == .request,
                  let response = page.examples.first(where: { $0.kind == .response && $0.requestIndex == index })
            else { return nil }
            return (request, response)
        }
    }

    /// The last path segment of a request example's URL.
    static func lastSegment(_ example: Example) throws -> String {
        try #require(example.url?.split(separator: "/").last.map(String.init))
    }

    /// The response example's body as the server sends it (strict JSON) and decoded as `T`.
    static func decoded<T: Decodable>(_ example: Example, as type: T.Type) throws -> T {
        let node = try #require(example.body, "the response example has no JSON body")
        return try GraphJSON.decoder().decode(T.self, from: Data(node.jsonText().utf8))
    }

    /// Runs `body` with the mock server of `docs/` and a client for it, every request logged.
    static func withServer(_ body: (GraphClient, Pipeline.Analysis, LogLines) async throws -> Void) async throws {
        let analysis = try PackageDocs.analysis()
        let log = LogLines()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 10
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        try await MockServer.with(router: MockRouter(analysis: analysis), log: { log.append($0) }) { server in
            #expect(server.host == "127.0.0.1")
            #expect(server.port != 0)
            let client = GraphClient(
                baseURL: server.baseURL.appendingPathComponent("v1.0"), transport: URLSessionTransport(session: session),
                authorization: { "test-token" }, retryPolicy: .none)
            try await body(client, analysis, log)
        }
    }

    // The docs call the `/app` paths deprecated, so the generated case is; this test uses it on purpose.
    @available(*, deprecated, message: "uses a deprecated path on purpose")
    @Test func getCallDecodesTheDocumentedCall() async throws {
        try await Self.withServer { client, analysis, log in
            let examples = try Self.examples(analysis, page: "call-get.md")
            try #require(examples.count >= 2)
            let first = try Self.decoded(examples[0].response, as: Call.self)
            let second = try Self.decoded(examples[1].response, as: Call.self)
            #expect(first != second)

            // Any id: the first example.
            let any = try await client.getCall(callId: "x")
            #expect(any == first)
            // The id of the second example's URL: that example.
            let groupId = try Self.lastSegment(examples[1].request)
            let group = try await client.getCall(callId: groupId)
            #expect(group == second)
            #expect(group.id == groupId)
            // The deprecated /app form of the path answers from the same page.
            let app = try await client.getCall(at: .app(callId: groupId))
            #expect(app == second)

            let lines = log.lines
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("GET /v1.0/communications/calls/x -> 200 docs/api/call-get.md:\(examples[0].response.annotationLocation.line)") == true)
            #expect(lines.last?.hasPrefix("GET /v1.0/app/calls/\(groupId) -> 200 docs/api/call-get.md:\(examples[1].response.annotationLocation.line)") == true)
        }
    }

    @Test func listParticipantsDecodesTheDocumentedPage() async throws {
        try await Self.withServer { client, analysis, _ in
            let example = try #require(try Self.examples(analysis, page: "call-list-participants.md").first)
            let documented = try Self.decoded(example.response, as: CollectionPage<Participant>.self)
            #expect(!documented.value.isEmpty)
            let page = try await client.listParticipants(callId: "any-call")
            #expect(page.value == documented.value)
            #expect(page.value.map(\.id) == documented.value.map(\.id))
        }
    }

    @Test func createCallGetsTheDocumentedStatusAndBody() async throws {
        try await Self.withServer { client, analysis, _ in
            let example = try #require(try Self.examples(analysis, page: "application-post-calls.md").first)
            let node = try #require(example.response.body)
            // The raw answer: the documented status and JSON.
            var request = GraphRequest(method: "POST", path: "/communications/calls")
            request.body = Data(#"{"callbackUri": "https://bot.contoso.com/api/calls"}"#.utf8)
            request.setHeader("Content-Type", "application/json")
            let raw = try await client.send(request)
            #expect(raw.status == (example.response.status ?? 200))
            #expect(raw.status == 201)
            #expect(raw.header("Content-Type") == "application/json")
            let sent = try APIDocRuntime.JSONValue.parse(raw.body)
            #expect(sent.isEquivalent(to: try APIDocRuntime.JSONValue.parse(Data(node.jsonText().utf8))))

            // Through the generated function: the documented call, or, when the page's example
            // is a template (`"state": "String"`), the decoding error that a template must give.
            var call = Call()
            call.callbackUri = "https://bot.contoso.com/api/calls"
            call.requestedModalities = [.audio]
            if let documented = try? Self.decoded(example.response, as: Call.self) {
                let created = try await client.createCall(call)
                #expect(created == documented)
            } else {
                await #expect(throws: DecodingError.self) { try await client.createCall(call) }
            }
        }
    }

    @Test func deleteCallGetsNoContent() async throws {
        try await Self.withServer { client, _, log in
            try await client.deleteCall(callId: "x")
            #expect(log.lines.first?.contains(" -> 204 docs/api/call-delete.md:") == true)
        }
    }

    @Test func unknownPathsThrowAGraphError404() async throws {
        try await Self.withServer { client, _, log in
            do {
                _ = try await client.send(GraphRequest(method: "GET", path: "/communications/nowhere/x"))
                Issue.record("an unknown path was answered")
            } catch let error as GraphError {
                #expect(error.status == 404)
                #expect(error.code == "UnknownRoute")
                #expect(error.message?.contains("/communications/nowhere/x") == true)
                #expect(error.requestId?.isEmpty == false)
                #expect(error.date?.count == 19)
            }
            #expect(log.lines == ["GET /v1.0/communications/nowhere/x -> 404 UnknownRoute"])
        }
    }

    @Test func anotherMethodOnAKnownPathThrowsAGraphError405() async throws {
        try await Self.withServer { client, _, _ in
            do {
                _ = try await client.send(GraphRequest(method: "PUT", path: "/communications/calls/x"))
                Issue.record("PUT was answered")
            } catch let error as GraphError {
                #expect(error.status == 405)
                #expect(error.code == "methodNotAllowed")
                #expect(error.headers.first { $0.key.lowercased() == "allow" }?.value == "DELETE, GET")
            }
        }
    }
}

/// Log lines collected from the server's tasks.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ line: String) {
        lock.lock()
        storage.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// The README's example, with the docs folder found from this file rather than the current folder.
@Suite struct ReadmeExampleTests {
    @Test func readsTheCall() async throws {
        let router = MockRouter(analysis: try Pipeline.analyze(PageLoader.Input(path: PackageDocs.docs.path)))
        try await MockServer.with(router: router) { server in
            let client = GraphClient(baseURL: server.baseURL.appendingPathComponent("v1.0"), authorization: { "test" })
            let call = try await client.getCall(callId: "any-id")
            #expect(call.state == .established)
            await #expect(throws: GraphError.self) { try await client.send(GraphRequest(method: "GET", path: "/nowhere")) }
        }
    }
}
