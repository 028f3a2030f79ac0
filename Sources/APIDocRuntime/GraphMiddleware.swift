import Foundation

/// A step around the transport: it sees every HTTP request ``GraphClient`` sends (each retry
/// included, with the `Authorization` header already set) and every response, and may change
/// either.
///
/// ``GraphClient/middleware`` is applied in order: the first element is outermost, so it sees
/// the request first and the response last. `next` sends the request on to the following
/// middleware, or to the transport after the last one.
///
/// ```swift
/// struct Timing: APIDocRuntime.GraphMiddleware {
///     func intercept(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         let start = ContinuousClock.now
///         defer { print(request.url, ContinuousClock.now - start) }
///         return try await next(request)
///     }
/// }
/// ```
public protocol GraphMiddleware: Sendable {
    /// Handles `request`, usually by calling `next` with it (or a changed copy) and returning
    /// (or changing) what `next` returns.
    func intercept(
        _ request: HTTPRequest, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// Sets header fields on every request, such as `User-Agent`, `client-request-id` or
/// `ConsistencyLevel`.
///
/// ```swift
/// client.middleware.append(HeaderMiddleware(["User-Agent": "contoso-bot/1.0"]))
/// client.middleware.append(HeaderMiddleware { _ in ["client-request-id": UUID().uuidString] })
/// ```
///
/// Headers go to every request, also to `@odata.nextLink`s on other hosts, so do not put
/// secrets here: the client adds `Authorization` itself, only for its own host.
public struct HeaderMiddleware: GraphMiddleware {
    /// Returns the header fields to set on a request.
    public let fields: @Sendable (HTTPRequest) async throws -> [String: String]
    /// Whether a field replaces one the request already has (names compared
    /// case-insensitively); when `false`, the request's own field is kept.
    public let replacesExisting: Bool

    /// Sets the same `fields` on every request.
    public init(_ fields: [String: String], replacesExisting: Bool = true) {
        self.fields = { _ in fields }
        self.replacesExisting = replacesExisting
    }

    /// Sets the fields `fields` returns for each request.
    public init(replacesExisting: Bool = true, _ fields: @escaping @Sendable (HTTPRequest) async throws -> [String: String]) {
        self.fields = fields
        self.replacesExisting = replacesExisting
    }

    /// Adds the fields to `request` and passes it on.
    public func intercept(
        _ request: HTTPRequest, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var changed = request
        for (name, value) in try await fields(request).sorted(by: { $0.key < $1.key }) {
            if replacesExisting || changed.header(name) == nil {
                HTTPHeaders.set(name, value, in: &changed.headers)
            }
        }
        return try await next(changed)
    }
}

/// Reports every exchange to a closure, after the response arrives or the transport fails.
///
/// ```swift
/// client.middleware.append(LoggingMiddleware { entry in logger.debug("\(entry)") })
/// // GET https://graph.microsoft.com/v1.0/me -> 200 (153 ms)
/// ```
///
/// The entry's request has the value of its `Authorization` header replaced by `<redacted>`.
public struct LoggingMiddleware: GraphMiddleware {
    /// One request and its outcome.
    public struct Entry: Sendable, CustomStringConvertible {
        /// The request as passed on, with `Authorization` redacted.
        public var request: HTTPRequest
        /// The response, or `nil` when the transport (or a later middleware) threw.
        public var response: HTTPResponse?
        /// The error thrown instead of a response.
        public var error: (any Error)?
        /// The time from passing the request on to getting the response or the error.
        public var duration: Duration

        /// `GET <url> -> 200 (12 ms)`, or `GET <url> -> failed: <error> (12 ms)`.
        public var description: String {
            // Typed steps: as one expression this took the type checker a third of a second.
            let components = duration.components
            let whole: Double = Double(components.seconds) * 1000
            let fraction: Double = Double(components.attoseconds) / 1e15
            let milliseconds = Int((whole + fraction).rounded())
            let outcome: String
            if let response {
                outcome = String(response.status)
            } else {
                outcome = "failed: " + (error.map { String(describing: $0) } ?? "unknown error")
            }
            return "\(request.method) \(request.url.absoluteString) -> \(outcome) (\(milliseconds) ms)"
        }
    }

    /// Receives each entry; called on the task that sends the request.
    public let log: @Sendable (Entry) -> Void

    /// Creates a middleware that passes every entry to `log`.
    public init(_ log: @escaping @Sendable (Entry) -> Void) {
        self.log = log
    }

    /// Passes the request on, then reports it with its response or error (which it rethrows).
    public func intercept(
        _ request: HTTPRequest, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var shown = request
        for name in shown.headers.keys where name.lowercased() == "authorization" {
            shown.headers[name] = "<redacted>"
        }
        let start = ContinuousClock.now
        do {
            let response = try await next(request)
            log(Entry(request: shown, response: response, error: nil, duration: ContinuousClock.now - start))
            return response
        } catch {
            log(Entry(request: shown, response: nil, error: error, duration: ContinuousClock.now - start))
            throw error
        }
    }
}
