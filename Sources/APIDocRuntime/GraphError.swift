import Foundation

/// A non-2xx response from the Graph API.
///
/// Graph error bodies look like
/// `{"error":{"code":"itemNotFound","message":"...","innerError":{"request-id":"...","date":"..."}}}`.
/// Any other body (HTML from a proxy, plain text, nothing) is tolerated: the fields it would
/// provide stay `nil` and ``body`` keeps the bytes.
public struct GraphError: Error, Sendable, Hashable, CustomStringConvertible {
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
    /// `innerError["date"]`, as sent.
    public var date: String?
    /// The `Retry-After` header in seconds (sent with 429 and 503).
    public var retryAfter: TimeInterval?
    /// The raw response body.
    public var body: Data

    /// Creates an error from its parts.
    public init(
        status: Int, code: String? = nil, message: String? = nil, innerError: JSONValue? = nil,
        requestId: String? = nil, date: String? = nil, retryAfter: TimeInterval? = nil, body: Data = Data()
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.innerError = innerError
        self.requestId = requestId
        self.date = date
        self.retryAfter = retryAfter
        self.body = body
    }

    /// Parses Graph's `{"error":{"code","message","innerError":{"request-id","date",...}}}`
    /// body; tolerates any other body. ``requestId`` comes from `innerError["request-id"]` or
    /// the `request-id` header; ``retryAfter`` from the `Retry-After` header (seconds).
    public init(response: HTTPResponse) {
        self.init(status: response.status, body: response.body)
        let error = (try? JSONValue.parse(response.body))?["error"]
        if let error, case .object = error {
            code = error["code"]?.stringValue
            message = error["message"]?.stringValue
            innerError = error["innerError"] ?? error["innererror"]
            requestId = innerError?["request-id"]?.stringValue
            date = innerError?["date"]?.stringValue
        }
        if requestId == nil {
            requestId = response.header("request-id")
        }
        if let retry = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces),
            let seconds = TimeInterval(retry), seconds.isFinite, seconds >= 0
        {
            retryAfter = seconds
        }
    }

    /// A one-line summary: status, code, message, request id, and the start of a non-Graph body.
    public var description: String {
        var text = "GraphError(\(status)"
        if let code { text += " \(code)" }
        text += ")"
        if let message {
            text += ": \(message)"
        } else if !body.isEmpty {
            let snippet = String(decoding: body.prefix(200), as: UTF8.self)
            text += ": \(snippet)"
        }
        if let requestId { text += " [request-id \(requestId)]" }
        if let retryAfter { text += " [retry after \(retryAfter)s]" }
        return text
    }
}
