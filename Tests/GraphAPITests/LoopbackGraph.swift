import APIDocExtraction
import APIDocJSON
import APIDocRuntime
import FlyingFox
import FlyingSocks
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request example of `docs/api` with the response example that answers it.
struct DocumentedExchange: Sendable {
    /// `docs/api/call-get.md:60`
    var source: String
    var method: String
    /// The path without `https://graph.microsoft.com/beta` and without query: `/communications/calls/x`.
    var path: String
    /// The request body, when it is JSON.
    var requestBody: APIDocRuntime.JSONValue?
    var status: Int
    /// Response headers as documented, minus `Content-Length` (the server computes it).
    var headers: [Header]
    /// The response body: the documented JSON as strict JSON, or the documented text, or nothing.
    var body: Data
    /// The documented response JSON, if any.
    var responseNode: JSONNode?
    /// `true` for the same exchange served at another documented path of the operation
    /// (`/app/calls/{id}` for an example written against `/communications/calls/{id}`).
    var isAlias: Bool

    struct Header: Sendable, Hashable {
        var name: String
        var value: String
    }
}

enum DocumentedExchanges {
    static let graphPrefix = "https://graph.microsoft.com/beta"

    /// Every request example of `docs/api` that has a response example, at its own path and at
    /// each other documented path of the operation (same method, placeholders bound from the
    /// example's path).
    static let all: [DocumentedExchange] = DocsCorpus.apiPages.flatMap(exchanges(of:))

    static func exchanges(of page: Page) -> [DocumentedExchange] {
        var result: [DocumentedExchange] = []
        for (index, request) in page.examples.enumerated() where request.kind == .request {
            guard let method = request.method, let url = request.url,
                let response = page.examples.first(where: { $0.kind == .response && $0.requestIndex == index })
            else { continue }
            var path = url
            if path.hasPrefix(graphPrefix) { path.removeFirst(graphPrefix.count) }
            guard path.hasPrefix("/") else { continue }
            if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }

            let body: Data
            if let node = response.body {
                body = Data(node.jsonText().utf8)
            } else {
                body = Data((response.bodyText ?? "").utf8)
            }
            let exchange = DocumentedExchange(
                source: DocsCorpus.location(page, request.annotationLocation.line),
                method: method, path: path,
                requestBody: try? request.body?.jsonValue(),
                status: response.status ?? 200,
                headers: response.headers.filter { $0.name.lowercased() != "content-length" }
                    .map { DocumentedExchange.Header(name: $0.name, value: $0.value) },
                body: body, responseNode: response.body, isAlias: false)
            result.append(exchange)
            for alias in aliases(of: path, method: method, templates: page.httpRequests) {
                var copy = exchange
                copy.path = alias
                copy.isAlias = true
                result.append(copy)
            }
        }
        return result
    }

    /// The other documented paths of `path`: the first template of `templates` that matches it
    /// binds the `{placeholders}`; each other template of the same method is filled with them.
    static func aliases(of path: String, method: String, templates: [HTTPRequestLine]) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let candidates = templates.filter { $0.method.uppercased() == method.uppercased() }
        for template in candidates {
            guard let bindings = bind(template.path, to: segments) else { continue }
            return candidates.compactMap { other in
                guard other.path != template.path else { return nil }
                let filled = other.path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String? in
                    isPlaceholder(segment) ? bindings[String(segment)] : String(segment)
                }
                guard filled.allSatisfy({ $0 != nil }) else { return nil }
                return filled.map { $0! }.joined(separator: "/")
            }
        }
        return []
    }

    static func isPlaceholder(_ segment: Substring) -> Bool {
        segment.hasPrefix("{") && segment.hasSuffix("}")
    }

    static func bind(_ template: String, to segments: [String]) -> [String: String]? {
        let parts = template.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return nil }
        var bindings: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            if isPlaceholder(part) {
                bindings[String(part)] = segment
            } else if part.lowercased() != segment.lowercased() {
                return nil
            }
        }
        return bindings
    }
}

/// A request as the loopback server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// The path as sent, still percent-encoded: `/beta/communications/calls/x`.
    var path: String
    /// The query as sent (percent-encoded, without `?`), empty when there is none.
    var query: String
    /// Header fields with lower-cased names.
    var headers: [String: String]
    var body: Data

    var json: APIDocRuntime.JSONValue? { body.isEmpty ? nil : try? APIDocRuntime.JSONValue.parse(body) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

actor RequestRecorder {
    private(set) var requests: [RecordedRequest] = []
    func record(_ request: RecordedRequest) { requests.append(request) }
    var last: RecordedRequest? { requests.last }
}

/// The server's answers. Each documented `METHOD path` is one FlyingFox route, `METHOD
/// /beta/path`, answered with the documented status, headers and body (when several examples
/// share the route, the one whose documented request body equals the request's); overrides are
/// routes added before those; every other request gets a Graph-shaped `404 itemNotFound`. Every
/// request is recorded first.
enum DocsRoutes {
    typealias Override = @Sendable (RecordedRequest) -> (status: Int, body: Data)

    static func install(
        on server: HTTPServer, exchanges: [DocumentedExchange], overrides: [String: Override], recorder: RequestRecorder
    ) async {
        for (key, override) in overrides.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            await server.appendRoute(HTTPRoute(method: HTTPMethod(parts[0]), path: "/beta" + parts[1])) { request in
                let recorded = try await record(request, in: recorder)
                let answer = override(recorded)
                return FlyingFox.HTTPResponse(
                    statusCode: status(answer.status), headers: [.contentType: "application/json"], body: answer.body)
            }
        }
        var routes: [String] = []
        var byRoute: [String: [DocumentedExchange]] = [:]
        for exchange in exchanges {
            let key = exchange.method + " " + exchange.path
            if byRoute[key] == nil { routes.append(key) }
            byRoute[key, default: []].append(exchange)
        }
        for key in routes {
            let candidates = byRoute[key]!
            let first = candidates[0]
            await server.appendRoute(HTTPRoute(method: HTTPMethod(first.method), path: "/beta" + first.path)) { request in
                let recorded = try await record(request, in: recorder)
                let exchange = candidates.first { candidate in
                    guard let documented = candidate.requestBody, let received = recorded.json else { return false }
                    return documented.isEquivalent(to: received)
                } ?? first
                var headers = HTTPHeaders()
                for header in exchange.headers {
                    headers.addValue(header.value, for: HTTPHeader(header.name))
                }
                return FlyingFox.HTTPResponse(statusCode: status(exchange.status), headers: headers, body: exchange.body)
            }
        }
        await server.appendRoute("*") { request in
            let recorded = try await record(request, in: recorder)
            return notFound(recorded.method, recorded.path)
        }
    }

    static func record(_ request: FlyingFox.HTTPRequest, in recorder: RequestRecorder) async throws -> RecordedRequest {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        let recorded = RecordedRequest(
            method: request.method.rawValue.uppercased(), path: request.target.path(), query: request.target.query(),
            headers: headers, body: try await request.bodyData)
        await recorder.record(recorded)
        return recorded
    }

    static func notFound(_ method: String, _ path: String) -> FlyingFox.HTTPResponse {
        let error: APIDocRuntime.JSONValue = [
            "error": [
                "code": "itemNotFound",
                "message": .string("No documented example answers \(method) \(path)"),
                "innerError": ["request-id": "00000000-0000-0000-0000-000000000404", "date": "2021-07-16T18:32:44"],
            ],
        ]
        return FlyingFox.HTTPResponse(
            statusCode: status(404), headers: [.contentType: "application/json"],
            body: (try? error.jsonData()) ?? Data())
    }

    static func status(_ code: Int) -> HTTPStatusCode {
        let phrases = [200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 400: "Bad Request", 404: "Not Found"]
        return HTTPStatusCode(code, phrase: phrases[code] ?? "Status \(code)")
    }
}

struct LoopbackError: Error, CustomStringConvertible {
    var description: String
}

/// A FlyingFox server on 127.0.0.1 (port chosen by the system) serving the docs' examples, and a
/// `GraphClient` pointed at it through `URLSessionTransport`.
struct LoopbackGraph: Sendable {
    let client: GraphClient
    let recorder: RequestRecorder
    let port: UInt16

    /// Runs `body` with a fresh server and client; the server is stopped afterwards, also when
    /// `body` throws. Every wait is bounded: 5 s to start listening, 10 s per request.
    static func with<Result>(
        overrides: [String: DocsRoutes.Override] = [:],
        _ body: (LoopbackGraph) async throws -> Result
    ) async throws -> Result {
        let recorder = RequestRecorder()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 5, logger: .disabled)
        await DocsRoutes.install(on: server, exchanges: DocumentedExchanges.all, overrides: overrides, recorder: recorder)
        let task = Task { try await server.run() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 10
        let session = URLSession(configuration: configuration)
        do {
            try await server.waitUntilListening(timeout: 5)
            guard case .ip4(let host, let port)? = await server.listeningAddress, host == "127.0.0.1", port != 0 else {
                throw LoopbackError(description: "the server is not listening on 127.0.0.1: \(String(describing: await server.listeningAddress))")
            }
            let client = GraphClient(
                baseURL: URL(string: "http://127.0.0.1:\(port)/beta")!,
                transport: URLSessionTransport(session: session),
                authorization: { "test-token" })
            let result = try await body(LoopbackGraph(client: client, recorder: recorder, port: port))
            await shutDown(server, task, session)
            return result
        } catch {
            await shutDown(server, task, session)
            throw error
        }
    }

    private static func shutDown(_ server: HTTPServer, _ task: Task<Void, any Error>, _ session: URLSession) async {
        session.invalidateAndCancel()
        await server.stop(timeout: 0.2)
        task.cancel()
    }
}
