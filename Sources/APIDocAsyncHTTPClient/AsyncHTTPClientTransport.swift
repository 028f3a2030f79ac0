import APIDocRuntime
import AsyncHTTPClient
import Foundation

/// An ``APIDocRuntime/HTTPTransport`` backed by AsyncHTTPClient (SwiftNIO), for servers and
/// command-line tools that do not want FoundationNetworking's `URLSession`.
///
/// This type lives in the optional product `APIDocAsyncHTTPClient`, so packages that use only
/// `APIDocRuntime` never build SwiftNIO:
///
/// ```swift
/// import APIDocAsyncHTTPClient
/// import APIDocRuntime
///
/// let client = GraphClient(transport: AsyncHTTPClientTransport(), authorization: { try await tokens.token() })
/// ```
///
/// Cancelling the task that sends a request cancels the request. Redirects are followed as the
/// `HTTPClient`'s configuration says (the shared client follows them).
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The client requests are executed with.
    public let client: HTTPClient
    /// The longest a request may take, from sending to the last byte of the response body.
    public var timeout: Duration
    /// The largest response body accepted; a larger one fails the request.
    public var maxResponseBytes: Int

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - client: The client to execute requests with; `HTTPClient.shared` by default. A client
    ///     you create yourself must be shut down by you once no request uses it any more.
    ///   - timeout: The deadline for each request, body included; 60 seconds by default.
    ///   - maxResponseBytes: The largest response body accepted; 64 MiB by default.
    public init(client: HTTPClient = .shared, timeout: Duration = .seconds(60), maxResponseBytes: Int = 64 << 20) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Executes `request` and collects the whole response body.
    ///
    /// Response header fields that occur more than once (names compared case-insensitively)
    /// are joined with `, ` into one value, as `HTTPURLResponse` does.
    ///
    /// - Throws: AsyncHTTPClient's errors (connection failures, the deadline passing, a body
    ///   larger than ``maxResponseBytes``), and `CancellationError` or AsyncHTTPClient's
    ///   cancellation error when the task is cancelled.
    public func send(_ request: APIDocRuntime.HTTPRequest) async throws -> APIDocRuntime.HTTPResponse {
        let response = try await client.execute(Self.clientRequest(for: request), timeout: .nanoseconds(Self.nanoseconds(timeout)))
        let body = try await response.body.collect(upTo: maxResponseBytes)
        let fields = response.headers.map { (name: $0.name, value: $0.value) }
        return APIDocRuntime.HTTPResponse(
            status: Int(response.status.code), headers: Self.joinedHeaders(fields), body: Data(body.readableBytesView))
    }

    /// The AsyncHTTPClient request for `request`: same URL, method, header fields (in name
    /// order) and body.
    static func clientRequest(for request: APIDocRuntime.HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            outgoing.headers.add(name: name, value: value)
        }
        if let body = request.body {
            outgoing.body = .bytes(body)
        }
        return outgoing
    }

    /// `fields` as a dictionary: a repeated name (compared case-insensitively) keeps its first
    /// spelling, and its values are joined with `, ` in order.
    static func joinedHeaders(_ fields: [(name: String, value: String)]) -> [String: String] {
        var headers: [String: String] = [:]
        var spelling: [String: String] = [:]
        for field in fields {
            let key = field.name.lowercased()
            if let name = spelling[key], let existing = headers[name] {
                headers[name] = existing + ", " + field.value
            } else {
                spelling[key] = field.name
                headers[field.name] = field.value
            }
        }
        return headers
    }

    /// `duration` in whole nanoseconds, clamped to the range of `Int64`.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflowAgain) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow || overflowAgain { return seconds < 0 ? .min : .max }
        return total
    }
}
