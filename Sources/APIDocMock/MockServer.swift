import FlyingFox
import FlyingSocks
import Foundation

/// An HTTP server on a loopback address that answers with a ``MockRouter``.
///
/// ```swift
/// let analysis = try Pipeline.analyze(PageLoader.Input(path: "docs"))
/// let server = try await MockServer.start(router: MockRouter(analysis: analysis))
/// let client = GraphClient(baseURL: server.baseURL.appendingPathComponent("v1.0"))
/// // ...
/// await server.stop()
/// ```
public struct MockServer: Sendable {
    /// The address listened on: `127.0.0.1` unless given.
    public let host: String
    /// The port listened on (the one the system chose when started with port 0).
    public let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, Never>

    /// `http://127.0.0.1:PORT`: point a client's base URL here (a `/v1.0` or `/beta` after it
    /// is accepted and ignored).
    public var baseURL: URL { URL(string: "http://\(host):\(port)")! }

    private init(host: String, port: UInt16, server: HTTPServer, task: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.server = server
        self.task = task
    }

    /// Starts listening on `host:port` (port 0: a free port the system chooses) and returns once
    /// the server listens.
    ///
    /// - Parameters:
    ///   - log: called with ``MockAnswer/logLine(for:)`` for each request, concurrently.
    ///   - timeout: how long to wait for the server to listen.
    /// - Throws: ``MockServerError`` when the address is invalid, in use, or the server does not
    ///   listen within `timeout`.
    public static func start(
        router: MockRouter, host: String = "127.0.0.1", port: UInt16 = 0, timeout: TimeInterval = 5,
        log: (@Sendable (String) -> Void)? = nil
    ) async throws -> MockServer {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host, port: port)
        } catch {
            throw MockServerError(description: "invalid address \(host):\(port): \(error)")
        }
        let server = HTTPServer(address: address, timeout: 15, logger: .disabled)
        await server.appendRoute("*") { request in
            let incoming = MockRequest(
                method: request.method.rawValue, target: request.target.rawValue,
                headers: Dictionary(request.headers.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first }),
                body: try await request.bodyData)
            let answer = router.answer(incoming)
            log?(answer.logLine(for: incoming))
            var headers = HTTPHeaders()
            for header in answer.headers {
                headers.addValue(header.value, for: HTTPHeader(header.name))
            }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: reasonPhrase(answer.status)), headers: headers, body: answer.body)
        }
        let failure = RunFailure()
        let task = Task {
            do {
                try await server.run()
            } catch {
                await failure.set(error)
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if await server.isListening, case .ip4(_, let bound)? = await server.listeningAddress, bound != 0 {
                return MockServer(host: host, port: bound, server: server, task: task)
            }
            if let error = await failure.error {
                throw MockServerError(description: "cannot listen on \(host):\(port): \(error)")
            }
            if Date() > deadline {
                await server.stop(timeout: 0)
                task.cancel()
                throw MockServerError(description: "not listening on \(host):\(port) after \(timeout) s")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
    }

    /// Stops accepting connections, lets open ones finish for up to `timeout` seconds, and ends
    /// the server.
    public func stop(timeout: TimeInterval = 0.2) async {
        await server.stop(timeout: timeout)
        task.cancel()
        await task.value
    }

    /// Runs `body` with a server that is stopped afterwards, also when `body` throws.
    public static func with<Result: Sendable>(
        router: MockRouter, host: String = "127.0.0.1", port: UInt16 = 0, log: (@Sendable (String) -> Void)? = nil,
        _ body: (MockServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(router: router, host: host, port: port, log: log)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The reason phrase of the status line.
    static func reasonPhrase(_ status: Int) -> String {
        let phrases = [
            200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
            206: "Partial Content", 207: "Multi-Status", 301: "Moved Permanently", 302: "Found", 303: "See Other",
            304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
            401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
            410: "Gone", 412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type",
            416: "Range Not Satisfiable", 422: "Unprocessable Content", 423: "Locked", 429: "Too Many Requests",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout", 507: "Insufficient Storage",
        ]
        return phrases[status] ?? "Status \(status)"
    }
}

/// Why the mock server could not start.
public struct MockServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The error that ended the server task, if any.
private actor RunFailure {
    private(set) var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}
