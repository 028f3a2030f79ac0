import Foundation

/// A non-2xx response from the Graph API.
///
/// Graph error bodies look like
/// `{"error":{"code":"itemNotFound","message":"...","innerError":{"request-id":"...","date":"..."}}}`.
/// Any other body (HTML from a proxy, plain text, nothing) is tolerated: the fields it would
/// provide stay `nil` and ``body`` keeps the bytes.
///
/// ```swift
/// do {
///     _ = try await client.getCall(callId: id)
/// } catch let error as APIDocRuntime.GraphError where error.status == 404 {
///     print(error)   // GraphError(404 itemNotFound): The resource could not be found. [request-id …] [date …]
/// }
/// ```
public struct GraphError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The HTTP status code.
    public var status: Int
    /// `error.code`, such as `itemNotFound`.
    public var code: String?
    /// `error.message`.
    public var message: String?
    /// `error.innerError` (or `error.innererror`), as sent.
    public var innerError: JSONValue?
    /// The request id from `innerError["request-id"]`, else from the `request-id` header.
    public var requestId: String?
    /// The client request id from `innerError["client-request-id"]`, else from the
    /// `client-request-id` header.
    public var clientRequestId: String?
    /// `innerError["date"]` as sent, else the response's `Date` header as sent.
    public var date: String?
    /// The `Retry-After` header in seconds (sent with 429 and 503), when it is a number.
    public var retryAfter: TimeInterval?
    /// The `Retry-After` header when it is an HTTP date, such as `Wed, 21 Oct 2015 07:28:00 GMT`.
    public var retryAfterDate: Date?
    /// The response's header fields.
    public var headers: [String: String]
    /// The raw response body.
    public var body: Data

    /// Creates an error from its parts.
    public init(
        status: Int, code: String? = nil, message: String? = nil, innerError: JSONValue? = nil,
        requestId: String? = nil, date: String? = nil, retryAfter: TimeInterval? = nil, body: Data = Data(),
        clientRequestId: String? = nil, retryAfterDate: Date? = nil, headers: [String: String] = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.innerError = innerError
        self.requestId = requestId
        self.clientRequestId = clientRequestId
        self.date = date
        self.retryAfter = retryAfter
        self.retryAfterDate = retryAfterDate
        self.headers = headers
        self.body = body
    }

    /// Parses Graph's `{"error":{"code","message","innerError":{"request-id","date",...}}}`
    /// body; tolerates any other body.
    ///
    /// ``requestId``, ``clientRequestId`` and ``date`` come from `innerError`, else from the
    /// `request-id`, `client-request-id` and `Date` headers; ``retryAfter`` or
    /// ``retryAfterDate`` from the `Retry-After` header (seconds or HTTP date).
    public init(response: HTTPResponse) {
        self.init(status: response.status, body: response.body, headers: response.headers)
        let error = (try? JSONValue.parse(response.body))?["error"]
        if let error, case .object = error {
            code = error["code"]?.stringValue
            message = error["message"]?.stringValue
            innerError = error["innerError"] ?? error["innererror"]
            requestId = innerError?["request-id"]?.stringValue
            clientRequestId = innerError?["client-request-id"]?.stringValue
            date = innerError?["date"]?.stringValue
        }
        requestId = requestId ?? response.header("request-id")
        clientRequestId = clientRequestId ?? response.header("client-request-id")
        date = date ?? response.header("Date")
        switch RetryAfter(response: response) {
        case .seconds(let seconds)?: retryAfter = seconds
        case .date(let date)?: retryAfterDate = date
        case nil: break
        }
    }

    /// How long the server asked to wait before trying again, in seconds: ``retryAfter``, or
    /// the time from the `Date` header (else `now`) to ``retryAfterDate``; `nil` when the
    /// response had no valid `Retry-After` header.
    public func retryDelay(now: Date = Date()) -> TimeInterval? {
        if let retryAfter { return retryAfter }
        guard let retryAfterDate else { return nil }
        let reference = HTTPHeaders.value(named: "Date", in: headers).flatMap(HTTPDate.parse) ?? now
        return RetryAfter.date(retryAfterDate).delay(from: reference)
    }

    /// A one-line summary: status, code, message (or the start of a non-Graph body), request
    /// id, date and `Retry-After`:
    /// `GraphError(429 TooManyRequests): Too many requests [request-id r] [date d] [retry after 3s]`.
    public var description: String {
        var text = "GraphError(\(status)"
        if let code { text += " \(code)" }
        text += ")"
        if let message {
            text += ": \(message)"
        } else if !body.isEmpty {
            text += ": " + Self.snippet(of: body)
        }
        if let requestId { text += " [request-id \(requestId)]" }
        if let date { text += " [date \(date)]" }
        if let retryAfter {
            text += " [retry after \(RetryAfter.seconds(retryAfter))]"
        } else if let retryAfterDate {
            text += " [retry after \(HTTPDate.format(retryAfterDate))]"
        }
        return text
    }

    /// ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The first 200 bytes of `body` as text on one line (runs of whitespace become a space).
    private static func snippet(of body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return words.joined(separator: " ") + (body.count > 200 ? "…" : "")
    }
}
