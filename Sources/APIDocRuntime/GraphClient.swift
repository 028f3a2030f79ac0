import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends ``GraphRequest``s to the Graph API and turns non-2xx responses into ``GraphError``.
///
/// ```swift
/// let client = APIDocRuntime.GraphClient(authorization: { try await tokenProvider.token() })
/// let me = try await client.send(APIDocRuntime.GraphRequest(method: "GET", path: "/me"), decoding: User.self)
/// ```
public struct GraphClient: Sendable {
    /// The URL that request paths are appended to, such as `https://graph.microsoft.com/v1.0`.
    public var baseURL: URL
    /// Sends the HTTP requests.
    public var transport: any HTTPTransport
    /// Returns a bearer token for each request; `nil` sends no `Authorization` header.
    public var authorization: (@Sendable () async throws -> String)?

    /// Creates a client.
    public init(
        baseURL: URL = URL(string: "https://graph.microsoft.com/v1.0")!,
        transport: any HTTPTransport = URLSessionTransport(),
        authorization: (@Sendable () async throws -> String)? = nil
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.authorization = authorization
    }

    /// Sends the request: URL = baseURL + path (+ query), header `Authorization: Bearer <token>`
    /// when authorization is set, `Accept: application/json`; a non-2xx status throws GraphError.
    ///
    /// Headers of `request` override these defaults (names compared case-insensitively). When
    /// `request.path` is an absolute URL whose host differs from the base URL's host, no
    /// `Authorization` header is added, so the token never leaves the Graph host.
    ///
    /// - Throws: ``GraphError`` for a non-2xx status, `URLError(.badURL)` when no URL can be
    ///   formed, and whatever the transport or the authorization closure throws.
    public func send(_ request: GraphRequest) async throws -> HTTPResponse {
        let url = try url(for: request)
        var headers: [String: String] = ["Accept": "application/json"]
        if let authorization, request.isAbsolute == false || url.host?.lowercased() == baseURL.host?.lowercased() {
            headers["Authorization"] = "Bearer " + (try await authorization())
        }
        for (name, value) in request.headers {
            HTTPHeaders.set(name, value, in: &headers)
        }
        let response = try await transport.send(
            HTTPRequest(method: request.method, url: url, headers: headers, body: request.body))
        guard response.isSuccess else {
            throw GraphError(response: response)
        }
        return response
    }

    /// send + decode the body with GraphJSON.decoder()
    ///
    /// - Throws: What ``send(_:)`` throws, and `DecodingError` when the body does not decode.
    public func send<Response: Decodable>(_ request: GraphRequest, decoding type: Response.Type) async throws -> Response {
        let response = try await send(request)
        return try GraphJSON.decoder().decode(Response.self, from: response.body)
    }

    /// Fetches the page after `page` by following its `@odata.nextLink`, or returns `nil` on the
    /// last page.
    public func nextPage<Element>(after page: CollectionPage<Element>) async throws -> CollectionPage<Element>? {
        guard let nextLink = page.nextLink else { return nil }
        return try await send(GraphRequest(method: "GET", path: nextLink), decoding: CollectionPage<Element>.self)
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
