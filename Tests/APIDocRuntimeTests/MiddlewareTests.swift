import APIDocRuntime
import FlyingFox
import Foundation
import Testing

/// Collects values from concurrent code.
final class Collected<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func append(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(value)
    }
}

/// Appends `name` to a trace before and after passing the request on.
struct Tracing: GraphMiddleware {
    let name: String
    let trace: Collected<String>

    func intercept(
        _ request: APIDocRuntime.HTTPRequest, next: @Sendable (APIDocRuntime.HTTPRequest) async throws -> APIDocRuntime.HTTPResponse
    ) async throws -> APIDocRuntime.HTTPResponse {
        trace.append("> \(name)")
        let response = try await next(request)
        trace.append("< \(name)")
        return response
    }
}

@Suite struct MiddlewareTests {
    @Test func headerMiddlewareAddsHeadersAndLoggingSeesEveryAttempt() async throws {
        let entries = Collected<LoggingMiddleware.Entry>()
        let clock = VirtualClock()
        let middleware: [any GraphMiddleware] = [
            LoggingMiddleware { entries.append($0) },
            HeaderMiddleware(["X-Tenant": "contoso", "Accept": "text/plain"]),
            HeaderMiddleware(["X-Tenant": "ignored", "X-Extra": "1"], replacesExisting: false),
            HeaderMiddleware { request in ["X-Echo-Method": request.method] },
        ]
        try await LoopbackServer.with(sequence([reply(503)])) { server in
            let client = server.client(retryPolicy: testPolicy(clock), middleware: middleware)
            _ = try await client.send(GraphRequest(method: "GET", path: "/me"))
            let seen = await server.requests
            #expect(seen.count == 2)
            for request in seen {
                #expect(request.headers["x-tenant"] == "contoso")
                #expect(request.headers["x-extra"] == "1")
                #expect(request.headers["x-echo-method"] == "GET")
                #expect(request.headers["accept"] == "text/plain")
                #expect(request.headers["authorization"] == "Bearer secret-token")
            }
            let logged = entries.values
            #expect(logged.map { $0.response?.status } == [503, 200])
            #expect(logged.allSatisfy { $0.request.header("Authorization") == "<redacted>" })
            #expect(logged.allSatisfy { $0.request.url.absoluteString == server.origin + "/v1.0/me" })
            #expect(logged.first?.description.hasPrefix("GET \(server.origin)/v1.0/me -> 503 (") == true)
            // The logger is outermost, so it does not see the headers added after it.
            #expect(logged.allSatisfy { $0.request.header("X-Tenant") == nil })
        }
    }

    @Test func middlewareRunsInOrderAndLogsTransportFailures() async throws {
        let trace = Collected<String>()
        let entries = Collected<LoggingMiddleware.Entry>()
        try await LoopbackServer.with({ _ in json(#"{"ok":true}"#) }) { server throws in
            let client = server.client(middleware: [
                Tracing(name: "outer", trace: trace), Tracing(name: "inner", trace: trace),
                LoggingMiddleware { entries.append($0) },
            ])
            #expect(try await client.send(GraphRequest(method: "GET", path: "/x"), decoding: OK.self) == OK(ok: true))
            #expect(trace.values == ["> outer", "> inner", "< inner", "< outer"])

            // A port nothing listens on: the transport throws, the logger reports and rethrows.
            var unreachable = client
            unreachable.baseURL = URL(string: "http://127.0.0.1:1/v1.0")!
            await #expect(throws: (any Error).self) { try await unreachable.send(GraphRequest(method: "GET", path: "/x")) }
            #expect(entries.values.count == 2)
            #expect(entries.values.last?.response == nil)
            #expect(entries.values.last?.error != nil)
            #expect(entries.values.last?.description.contains("-> failed: ") == true)
        }
    }

    @Test func hundredConcurrentRequestsAreNeitherLostNorMixedUp() async throws {
        let handler: LoopbackServer.Handler = { request in
            let id = request.headers["x-request-number"] ?? "none"
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...20)))
            return json(#"{"id":"\#(id)","path":"\#(request.path)"}"#)
        }
        struct Echo: Codable, Hashable, Sendable { var id: String; var path: String }
        try await LoopbackServer.with(handler) { server in
            let client = server.client()
            let echoes = try await withThrowingTaskGroup(of: (Int, Echo).self) { group in
                for number in 0..<100 {
                    group.addTask {
                        var request = GraphRequest(method: "GET", path: "/items/\(number)")
                        request.setHeader("X-Request-Number", String(number))
                        return (number, try await client.send(request, decoding: Echo.self))
                    }
                }
                var results: [Int: Echo] = [:]
                for try await (number, echo) in group { results[number] = echo }
                return results
            }
            #expect(echoes.count == 100)
            for number in 0..<100 {
                #expect(echoes[number] == Echo(id: String(number), path: "/v1.0/items/\(number)"))
            }
            let seen = await server.requests
            #expect(seen.count == 100)
            #expect(Set(seen.compactMap { $0.headers["x-request-number"] }) == Set((0..<100).map(String.init)))
        }
    }
}
