import Foundation

/// An HTTP request as handed to an ``HTTPTransport``: absolute URL, final headers and body.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, such as `GET` or `POST`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// The header fields.
    public var headers: [String: String]
    /// The body, or `nil` for none.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the header field `name`, compared case-insensitively, or `nil`.
    public func header(_ name: String) -> String? {
        HTTPHeaders.value(named: name, in: headers)
    }
}

/// An HTTP response as returned by an ``HTTPTransport``.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, such as 200 or 404.
    public var status: Int
    /// The header fields.
    public var headers: [String: String]
    /// The body; empty when there is none.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header field `name`, compared case-insensitively, or `nil`.
    public func header(_ name: String) -> String? {
        HTTPHeaders.value(named: name, in: headers)
    }

    /// `true` for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Sends HTTP requests. ``URLSessionTransport`` is the default; tests and custom stacks
/// (retries, logging, another HTTP client) provide their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status. Throws only when no
    /// response was received (network failure, cancellation).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Case-insensitive access to header dictionaries.
enum HTTPHeaders {
    static func value(named name: String, in headers: [String: String]) -> String? {
        if let exact = headers[name] { return exact }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }

    /// Sets `name` to `value`, first removing any key that differs from `name` only in case.
    static func set(_ name: String, _ value: String, in headers: inout [String: String]) {
        let lowered = name.lowercased()
        for key in headers.keys where key.lowercased() == lowered {
            headers[key] = nil
        }
        headers[name] = value
    }
}
