import APIDocAsyncHTTPClient
import APIDocRuntime
import AsyncHTTPClient
import FlyingFox
import Foundation

/// A request as the server saw it; header names are lowercased.
struct Seen: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: Data
}

/// The requests a server received, in order.
actor SeenLog {
    private(set) var all: [Seen] = []
    func append(_ request: Seen) { all.append(request) }
}

/// A counter shared between a handler's calls.
actor Counter {
    private(set) var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}

/// Holds a value that is known only once a server runs (such as its origin).
actor Box {
    var value = ""
    func set(_ newValue: String) { value = newValue }
}

/// A FlyingFox server on a loopback address, port chosen by the system, answering with
/// `handler`, and a `GraphClient` that reaches it through ``AsyncHTTPClientTransport`` on an
/// `HTTPClient` of its own (shut down by ``with(host:_:_:)``).
struct TestServer: Sendable {
    typealias Handler = @Sendable (Seen) async throws -> FlyingFox.HTTPResponse

    let host: String
    let port: UInt16
    let log: SeenLog
    let httpClient: AsyncHTTPClient.HTTPClient
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    /// `http://host:port`
    var origin: String { "http://\(host):\(port)" }

    /// The requests received so far.
    var requests: [Seen] { get async { await log.all } }

    /// A client for this server: base URL `http://host:port/v1.0`, a bearer token, requests
    /// through ``AsyncHTTPClientTransport`` with a 10 s deadline.
    func client(retryPolicy: RetryPolicy = .none, timeout: Duration = .seconds(10)) -> GraphClient {
        GraphClient(
            baseURL: URL(string: origin + "/v1.0")!,
            transport: AsyncHTTPClientTransport(client: httpClient, timeout: timeout),
            authorization: { "secret-token" }, retryPolicy: retryPolicy)
    }

    /// Starts a server on `host` and waits at most 5 s until it listens.
    static func start(host: String = "127.0.0.1", _ handler: @escaping Handler) async throws -> TestServer {
        let log = SeenLog()
        let server = HTTPServer(address: try .inet(ip4: host, port: 0), timeout: 5, logger: .disabled)
        await server.appendRoute("*") { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let seen = Seen(
                method: request.method.rawValue, path: request.path, query: query, headers: headers,
                body: try await request.bodyData)
            await log.append(seen)
            return try await handler(seen)
        }
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 5)
        } catch {
            task.cancel()
            throw error
        }
        guard case .ip4(_, let port)? = await server.listeningAddress, port != 0 else {
            task.cancel()
            throw TestServerError(description: "not listening on \(host)")
        }
        return TestServer(host: host, port: port, log: log, httpClient: AsyncHTTPClient.HTTPClient(), server: server, task: task)
    }

    /// Shuts the HTTP client down and stops the server.
    func stop() async {
        try? await httpClient.shutdown()
        await server.stop(timeout: 0.2)
        task.cancel()
    }

    /// Runs `body` with a server that is stopped afterwards, also when `body` throws.
    static func with<Result>(
        host: String = "127.0.0.1", _ handler: @escaping Handler, _ body: (TestServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(host: host, handler)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
}

/// A response with `body` and `headers`.
func reply(_ status: Int, _ body: String = "", headers: [String: String] = [:]) -> FlyingFox.HTTPResponse {
    var fields = HTTPHeaders()
    for (name, value) in headers { fields[HTTPHeader(name)] = value }
    return FlyingFox.HTTPResponse(
        statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: fields, body: Data(body.utf8))
}

/// A JSON response.
func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> FlyingFox.HTTPResponse {
    reply(status, body, headers: headers.merging(["Content-Type": "application/json"]) { mine, _ in mine })
}
