import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends ``GraphRequest``s to the Graph API and turns non-2xx responses into ``GraphError``.
///
/// ```swift
/// var client = APIDocRuntime.GraphClient(authorization: { try await tokenProvider.token() })
/// client.middleware = [APIDocRuntime.LoggingMiddleware { print($0) }]
/// let me = try await client.send(APIDocRuntime.GraphRequest(method: "GET", path: "/me"), decoding: User.self)
/// for try await user in client.allItems(APIDocRuntime.GraphRequest(method: "GET", path: "/users"), of: User.self) {
///     print(user)
/// }
/// ```
///
/// Each request goes through ``middleware`` to the ``transport``; a response with status 429,
/// 503 or 504 is retried as ``retryPolicy`` says. The bearer token goes only to the base URL's
/// origin (scheme, host and port).
public struct GraphClient: Sendable {
    /// The URL that request paths are appended to, such as `https://graph.microsoft.com/v1.0`.
    public var baseURL: URL
    /// Sends the HTTP requests.
    public var transport: any HTTPTransport
    /// Returns a bearer token for each request; `nil` sends no `Authorization` header.
    public var authorization: (@Sendable () async throws -> String)?
    /// When and how long to wait before sending a request again; ``RetryPolicy/default``
    /// unless set, ``RetryPolicy/none`` turns retries off.
    public var retryPolicy: RetryPolicy
    /// Applied in order around the transport for every attempt: the first is outermost.
    public var middleware: [any GraphMiddleware]

    /// Creates a client.
    public init(
        baseURL: URL = URL(string: "https://graph.microsoft.com/v1.0")!,
        transport: any HTTPTransport = URLSessionTransport(),
        authorization: (@Sendable () async throws -> String)? = nil,
        retryPolicy: RetryPolicy = .default,
        middleware: [any GraphMiddleware] = []
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.authorization = authorization
        self.retryPolicy = retryPolicy
        self.middleware = middleware
    }

    /// Sends the request: URL = baseURL + path (+ query), header `Authorization: Bearer <token>`
    /// when authorization is set, `Accept: application/json`; a non-2xx status throws GraphError.
    ///
    /// Headers of `request` override these defaults (names compared case-insensitively). When
    /// `request.path` is an absolute URL on another origin than the base URL (another scheme,
    /// host or port), no `Authorization` header is added, so the token never leaves the Graph
    /// host. The request passes through ``middleware`` to ``transport``, and is sent again as
    /// ``retryPolicy`` says while the status is retryable.
    ///
    /// - Throws: ``GraphError`` for a non-2xx status (the last one, when retries ran out),
    ///   `URLError(.badURL)` when no URL can be formed, `CancellationError` when the task is
    ///   cancelled while waiting to retry, and whatever the transport, a middleware or the
    ///   authorization closure throws.
    public func send(_ request: GraphRequest) async throws -> HTTPResponse {
        let url = try url(for: request)
        var headers: [String: String] = ["Accept": "application/json"]
        if let authorization, request.isAbsolute == false || isBaseOrigin(url) {
            headers["Authorization"] = "Bearer " + (try await authorization())
        }
        for (name, value) in request.headers {
            HTTPHeaders.set(name, value, in: &headers)
        }
        let outgoing = HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
        let response = try await retryPolicy.run(outgoing, send: pipeline())
        guard response.isSuccess else {
            throw GraphError(response: response)
        }
        return response
    }

    /// The middleware chain ending in the transport, as one function.
    func pipeline() -> @Sendable (HTTPRequest) async throws -> HTTPResponse {
        let transport = self.transport
        var next: @Sendable (HTTPRequest) async throws -> HTTPResponse = { try await transport.send($0) }
        for step in middleware.reversed() {
            let inner = next
            next = { try await step.intercept($0, next: inner) }
        }
        return next
    }

    /// Whether `url` has the base URL's scheme, host (ignoring case) and port (the scheme's
    /// default port when none is written).
    func isBaseOrigin(_ url: URL) -> Bool {
        func origin(_ url: URL) -> (scheme: String, host: String, port: Int?) {
            let scheme = url.scheme?.lowercased() ?? ""
            let defaultPort: Int? = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
            return (scheme, url.host?.lowercased() ?? "", url.port ?? defaultPort)
        }
        let (lhs, rhs) = (origin(url), origin(baseURL))
        return !lhs.host.isEmpty && lhs.scheme == rhs.scheme && lhs.host == rhs.host && lhs.port == rhs.port
    }

    /// send + decode the body with GraphJSON.decoder()
    ///
    /// - Throws: What ``send(_:)`` throws, and `DecodingError` when the body does not decode.
    public func send<Response: Decodable>(_ request: GraphRequest, decoding type: Response.Type) async throws -> Response {
        let response = try await send(request)
        return try GraphJSON.decoder().decode(Response.self, from: response.body)
    }

    /// Fetches the page after `page` by following its `@odata.nextLink`, or returns `nil` on the
    /// last page. The token is sent only when the link is on the base URL's origin.
    public func nextPage<Element>(after page: CollectionPage<Element>) async throws -> CollectionPage<Element>? {
        guard let nextLink = page.nextLink else { return nil }
        return try await fetchPage(nextLink, headers: [:])
    }

    /// `GET link` with `headers`, decoded as a page.
    func fetchPage<Element>(_ link: String, headers: [String: String]) async throws -> CollectionPage<Element> {
        var request = GraphRequest(method: "GET", path: link)
        request.headers = headers
        return try await send(request, decoding: CollectionPage<Element>.self)
    }

    /// The absolute URL `request` is sent to: the base URL (without trailing `/`) followed by the
    /// path and the percent-encoded query, or the path itself when it is an absolute URL.
    public func url(for request: GraphRequest) throws -> URL {
        var text: String
        if request.isAbsolute {
            text = request.path
        } else {
            text = baseURL.absoluteString
            while text.hasSuffix("/") { text.removeLast() }
            if !request.path.isEmpty && !request.path.hasPrefix("/") { text += "/" }
            text += request.path
        }
        if let query = request.encodedQuery {
            text += (text.contains("?") ? "&" : "?") + query
        }
        guard let url = URL(string: text) else {
            throw URLError(.badURL)
        }
        return url
    }
}
