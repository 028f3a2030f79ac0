import APIDocRuntime
import FlyingFox
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request as the loopback server saw it; header names are lowercased.
struct SeenRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: Data
}

/// Everything a loopback server received, in order.
actor SeenRequests {
    private(set) var all: [SeenRequest] = []
    func append(_ request: SeenRequest) { all.append(request) }
    var count: Int { all.count }
}

/// A counter shared between a handler's calls.
actor Counter {
    private(set) var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}

/// A FlyingFox server on a loopback address, port chosen by the system, answering every request
/// with `handler` and recording it. Its ``session`` is an ephemeral `URLSession` whose requests
/// time out after 10 seconds.
struct LoopbackServer: Sendable {
    typealias Handler = @Sendable (SeenRequest) async throws -> FlyingFox.HTTPResponse

    let host: String
    let port: UInt16
    let seen: SeenRequests
    let session: URLSession
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    /// `http://host:port`
    var origin: String { "http://\(host):\(port)" }

    /// Starts a server on `host` (a loopback address) and waits at most 5 s until it listens.
    static func start(host: String = "127.0.0.1", _ handler: @escaping Handler) async throws -> LoopbackServer {
        let seen = SeenRequests()
        let server = HTTPServer(address: try .inet(ip4: host, port: 0), timeout: 5, logger: .disabled)
        await server.appendRoute("*") { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let record = SeenRequest(
                method: request.method.rawValue, path: request.path, query: query, headers: headers,
                body: try await request.bodyData)
            await seen.append(record)
            return try await handler(record)
        }
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 5)
        } catch {
            await server.stop(timeout: 0)
            task.cancel()
            throw error
        }
        guard case .ip4(_, let port)? = await server.listeningAddress, port != 0 else {
            task.cancel()
            throw LoopbackServerError(description: "not listening on \(host)")
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 10
        return LoopbackServer(
            host: host, port: port, seen: seen, session: URLSession(configuration: configuration),
            server: server, task: task)
    }

    private init(host: String, port: UInt16, seen: SeenRequests, session: URLSession, server: HTTPServer, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.session = session
        self.server = server
        self.task = task
        self.seen = seen
    }

    /// The requests received so far.
    var requests: [SeenRequest] {
        get async { await seen.all }
    }

    /// A client for this server: base URL `http://host:port/v1.0`, token `token` unless `nil`,
    /// sent through `URLSessionTransport` on ``session``.
    func client(
        token: String? = "secret-token", retryPolicy: RetryPolicy = .default, middleware: [any GraphMiddleware] = []
    ) -> GraphClient {
        var authorization: (@Sendable () async throws -> String)?
        if let token {
            authorization = { token }
        }
        return GraphClient(
            baseURL: URL(string: origin + "/v1.0")!, transport: URLSessionTransport(session: session),
            authorization: authorization, retryPolicy: retryPolicy, middleware: middleware)
    }

    /// Stops accepting, closes connections and ends the server task.
    func stop() async {
        session.invalidateAndCancel()
        await server.stop(timeout: 0.2)
        task.cancel()
    }

    /// Runs `body` with a server that is stopped afterwards, also when `body` throws.
    static func with<Result>(
        host: String = "127.0.0.1", _ handler: @escaping Handler, _ body: (LoopbackServer) async throws -> Result
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

struct LoopbackServerError: Error, CustomStringConvertible {
    var description: String
}

/// A JSON response.
func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> FlyingFox.HTTPResponse {
    var fields: HTTPHeaders = [HTTPHeader("Content-Type"): "application/json"]
    for (name, value) in headers { fields[HTTPHeader(name)] = value }
    return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: fields, body: Data(text.utf8))
}

/// A `200 OK` JSON response.
func json(_ text: String) -> FlyingFox.HTTPResponse {
    json(200, text)
}

/// A response with any body and headers.
func reply(_ status: Int, body: String = "", headers: [String: String] = [:]) -> FlyingFox.HTTPResponse {
    var fields = HTTPHeaders()
    for (name, value) in headers { fields[HTTPHeader(name)] = value }
    return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: fields, body: Data(body.utf8))
}
