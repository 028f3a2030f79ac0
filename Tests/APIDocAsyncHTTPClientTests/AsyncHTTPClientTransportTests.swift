import APIDocAsyncHTTPClient
import APIDocRuntime
import FlyingFox
import Foundation
import Testing

struct Item: Codable, Hashable, Sendable { var id: String }

/// Records the waits of a retry clock in which waiting takes no time.
final class RecordingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []
    var waits: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
    private func record(_ wait: Duration) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(wait)
    }
    var retryClock: RetryClock { RetryClock(now: { .zero }, sleep: { self.record($0) }) }
}

/// Paging, errors, retries and the transport's own duties, through AsyncHTTPClient.
@Suite struct AsyncHTTPClientTransportTests {
    @Test func pagingAcrossThreePagesCollectsAllItems() async throws {
        let origin = Box()
        let pages = [["1", "2", "3"], ["4", "5"], ["6"]]
        try await TestServer.with({ request in
            let number = Int(request.query["page"] ?? "1") ?? 1
            let values = pages[number - 1].map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
            let next = number < pages.count ? #","@odata.nextLink":"\#(await origin.value)/v1.0/items?page=\#(number + 1)""# : ""
            return json(200, #"{"value":[\#(values)]\#(next)}"#)
        }) { server in
            await origin.set(server.origin)
            var ids: [String] = []
            for try await item in server.client().allItems(GraphRequest(method: "GET", path: "/items"), of: Item.self) {
                ids.append(item.id)
            }
            #expect(ids == ["1", "2", "3", "4", "5", "6"])
            let seen = await server.requests
            #expect(seen.map { $0.query["page"] } == [nil, "2", "3"])
            #expect(seen.allSatisfy { $0.path == "/v1.0/items" && $0.headers["authorization"] == "Bearer secret-token" })
        }
    }

    @Test func aNextLinkToAnotherOriginGetsNoAuthorization() async throws {
        let other = try await TestServer.start { _ in json(200, #"{"value":[{"id":"b"}]}"#) }
        let otherOrigin = other.origin
        do {
            try await TestServer.with({ _ in
                json(200, #"{"value":[{"id":"a"}],"@odata.nextLink":"\#(otherOrigin)/page2"}"#)
            }) { server in
                let client = server.client()
                let first = try await client.send(GraphRequest(method: "GET", path: "/items"), decoding: CollectionPage<Item>.self)
                var pages: [CollectionPage<Item>] = []
                for try await page in client.pages(startingWith: first) { pages.append(page) }
                #expect(pages.flatMap(\.value) == [Item(id: "a"), Item(id: "b")])
                #expect(await server.requests.map { $0.headers["authorization"] } == ["Bearer secret-token"])
                #expect(await other.requests.map { $0.headers["authorization"] } == [nil])
            }
        } catch {
            await other.stop()
            throw error
        }
        await other.stop()
    }

    @Test func graphErrorBodyWithInnerError() async throws {
        let body = #"{"error":{"code":"itemNotFound","message":"Not here.","innerError":{"request-id":"r-1","date":"2024-05-01T10:20:30"}}}"#
        let error = try await Self.error(for: json(404, body))
        #expect(error?.status == 404)
        #expect(error?.code == "itemNotFound")
        #expect(error?.message == "Not here.")
        #expect(error?.requestId == "r-1")
        #expect(error?.date == "2024-05-01T10:20:30")
        #expect(error?.description == "GraphError(404 itemNotFound): Not here. [request-id r-1] [date 2024-05-01T10:20:30]")
    }

    @Test func nonJSONAndEmptyBodies() async throws {
        let html = try await Self.error(for: reply(502, "<h1>Bad Gateway</h1>", headers: ["request-id": "rid"]))
        #expect(html?.status == 502)
        #expect(html?.code == nil)
        #expect(html?.requestId == "rid")
        #expect(html?.description == "GraphError(502): <h1>Bad Gateway</h1> [request-id rid]")
        let empty = try await Self.error(for: reply(401))
        #expect(empty?.body.isEmpty == true)
        #expect(empty?.description == "GraphError(401)")
    }

    @Test func retryAfterAsHTTPDate() async throws {
        let headers = ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT", "Date": "Wed, 21 Oct 2015 07:27:15 GMT"]
        let error = try await Self.error(for: reply(503, headers: headers))
        #expect(error?.retryAfter == nil)
        #expect(error?.retryAfterDate == HTTPDate.parse("Wed, 21 Oct 2015 07:28:00 GMT"))
        #expect(error?.retryDelay() == 45)
    }

    @Test func tooManyRequestsThenSuccess() async throws {
        let clock = RecordingClock()
        let counter = Counter()
        try await TestServer.with({ _ in
            await counter.next() == 1 ? reply(429, headers: ["Retry-After": "3"]) : json(200, #"{"id":"ok"}"#)
        }) { server in
            let policy = RetryPolicy(clock: clock.retryClock)
            let item = try await server.client(retryPolicy: policy).send(GraphRequest(method: "GET", path: "/x"), decoding: Item.self)
            #expect(item == Item(id: "ok"))
            #expect(clock.waits == [.seconds(3)])
            #expect(await server.requests.map { $0.headers["retry-attempt"] } == [nil, "1"])
        }
    }

    @Test func sendsMethodHeadersAndBodyAndJoinsRepeatedHeaders() async throws {
        try await TestServer.with({ request in
            var response = reply(201, String(decoding: request.body, as: UTF8.self), headers: ["Content-Type": "application/json"])
            response.headers.addValue("a=1", for: HTTPHeader("Set-Cookie"))
            response.headers.addValue("b=2", for: HTTPHeader("Set-Cookie"))
            return response
        }) { server in
            var request = GraphRequest(method: "PATCH", path: "/me")
            try request.setJSONBody(Item(id: "z"))
            request.setHeader("If-Match", "*")
            let response = try await server.client().send(request)
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"z"}"#)
            #expect(response.header("set-cookie") == "a=1, b=2")
            let seen = try #require(await server.requests.first)
            #expect(seen.method == "PATCH")
            #expect(seen.headers["if-match"] == "*")
            #expect(seen.headers["content-type"] == "application/json")
            #expect(seen.headers["accept"] == "application/json")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aSlowResponseTimesOutAndCancellationStopsARequest() async throws {
        try await TestServer.with({ _ in
            try await Task.sleep(for: .seconds(5))
            return reply(204)
        }) { server in
            let start = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                try await server.client(timeout: .milliseconds(200)).send(GraphRequest(method: "GET", path: "/slow"))
            }
            #expect(ContinuousClock.now - start < .seconds(3))

            let client = server.client()
            let task = Task { try await client.send(GraphRequest(method: "GET", path: "/slow")) }
            try await Task.sleep(for: .milliseconds(100))
            let cancelled = ContinuousClock.now
            task.cancel()
            await #expect(throws: (any Error).self) { try await task.result.get() }
            #expect(ContinuousClock.now - cancelled < .seconds(3))
        }
    }

    /// Sends `GET /v1.0/thing` without retries to a server answering `response`.
    static func error(for response: FlyingFox.HTTPResponse) async throws -> GraphError? {
        try await TestServer.with({ _ in response }) { server in
            await #expect(throws: GraphError.self) {
                try await server.client().send(GraphRequest(method: "GET", path: "/thing"))
            }
        }
    }
}
