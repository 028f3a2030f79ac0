import Foundation

/// One call to the Graph API, relative to a ``GraphClient``'s base URL.
///
/// Generated request functions build a `GraphRequest`, then pass it to ``GraphClient/send(_:)``
/// or ``GraphClient/send(_:decoding:)``:
///
/// ```swift
/// var request = APIDocRuntime.GraphRequest(method: "POST", path: "/me/events")
/// request.query.append(Foundation.URLQueryItem(name: "$select", value: "subject"))
/// try request.setJSONBody(event)
/// return try await client.send(request, decoding: Event.self)
/// ```
public struct GraphRequest: Sendable, Hashable {
    /// The HTTP method: `GET`, `POST`, `PATCH`, `PUT`, `DELETE`, ...
    public var method: String
    /// The path, already percent-encoded (see ``PathComponent``), starting with `/` and relative
    /// to the client's base URL: `/me/events`. An absolute `http://` or `https://` URL (such as an
    /// `@odata.nextLink`) is also accepted and used as is.
    public var path: String
    /// Query parameters, not yet encoded; ``GraphClient`` percent-encodes names and values.
    public var query: [URLQueryItem]
    /// Header fields added to (and overriding) the client's defaults.
    public var headers: [String: String]
    /// The body, or `nil` for none.
    public var body: Data?

    /// Creates a request without query, headers or body.
    public init(method: String, path: String) {
        self.method = method
        self.path = path
        self.query = []
        self.headers = [:]
        self.body = nil
    }

    /// Encodes `value` with ``GraphJSON/encoder()`` as the body and sets
    /// `Content-Type: application/json`.
    public mutating func setJSONBody<T: Encodable>(_ value: T) throws {
        body = try GraphJSON.encoder().encode(value)
        setHeader("Content-Type", "application/json")
    }

    /// Sets a header field, replacing any field whose name differs only in case.
    public mutating func setHeader(_ name: String, _ value: String) {
        HTTPHeaders.set(name, value, in: &headers)
    }

    /// Appends a query parameter.
    public mutating func addQuery(_ name: String, _ value: String?) {
        query.append(URLQueryItem(name: name, value: value))
    }

    /// The value of the header field `name`, compared case-insensitively, or `nil`.
    public func header(_ name: String) -> String? {
        HTTPHeaders.value(named: name, in: headers)
    }

    /// `true` when ``path`` is an absolute `http://` or `https://` URL.
    var isAbsolute: Bool {
        let lowered = path.prefix(8).lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }

    /// The query as percent-encoded text (no leading `?`), or `nil` when there are no items.
    ///
    /// Names and values keep RFC 3986 unreserved characters and `! $ ' ( ) * , : @ / ?`;
    /// everything else, notably `&`, `=`, `+`, `#`, `%`, `;` and space, is percent-encoded.
    var encodedQuery: String? {
        guard !query.isEmpty else { return nil }
        return query.map { item in
            guard let value = item.value else { return Self.encodeQueryComponent(item.name) }
            return Self.encodeQueryComponent(item.name) + "=" + Self.encodeQueryComponent(value)
        }.joined(separator: "&")
    }

    static func encodeQueryComponent(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if PathComponent.isUnreserved(byte) || queryExtras.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return result
    }

    private static let queryExtras: Set<UInt8> = Set("!$'()*,:@/?".utf8)
}
