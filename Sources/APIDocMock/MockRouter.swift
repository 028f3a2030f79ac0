import APIDocExtraction
import APIDocGeneratorCore
import APIDocJSON
import APIDocModel
import Foundation

/// A request as the mock server received it.
public struct MockRequest: Sendable, Hashable {
    /// The method, upper-cased: `GET`.
    public var method: String
    /// The request target as sent, percent-encoded, query included: `/v1.0/me/events?$top=5`.
    public var target: String
    /// Header fields; names are compared case-insensitively.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, target: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The value of the header field `name` (any letter case).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.key.lowercased() == lower }?.value
    }
}

/// One response header field.
public struct MockHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What the mock server sends back, and where it came from.
public struct MockAnswer: Sendable, Hashable {
    public var status: Int
    public var headers: [MockHeader]
    public var body: Data
    /// `docs/api/call-get.md:64`: the response example that answered (or the Response section,
    /// when the page has no example); nil for the server's own errors.
    public var source: String?
    /// The operation whose page answered, as `apidocgen model` names it (`getCall`), when known.
    public var operation: String?
    /// The Graph error code of an error the server made up itself (`UnknownRoute`,
    /// `methodNotAllowed`, `notImplemented`); nil when the docs answered.
    public var errorCode: String?

    public init(status: Int, headers: [MockHeader], body: Data, source: String? = nil, operation: String? = nil, errorCode: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.source = source
        self.operation = operation
        self.errorCode = errorCode
    }

    /// The value of the header field `name` (any letter case).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The line logged for this answer to `request`:
    /// `GET /v1.0/communications/calls/x -> 200 docs/api/call-get.md:64 (getCall)`, or for the
    /// server's own errors `GET /v1.0/nowhere -> 404 UnknownRoute`.
    public func logLine(for request: MockRequest) -> String {
        var line = "\(request.method) \(request.target) -> \(status)"
        if let source { line += " " + source }
        if let errorCode { line += " " + errorCode }
        if let operation { line += " (\(operation))" }
        return line.unicodeScalars.contains { $0.value < 0x20 } ? String(line.unicodeScalars.filter { $0.value >= 0x20 }) : line
    }
}

/// Answers requests with the examples of API reference pages.
///
/// Routes are the pages' documented `METHOD path` lines, the paths of their request examples'
/// URLs, and each documented path addressed through `/me` instead of `/users/{id}` or the
/// other way round (unless the page documents that form too). A request takes the most
/// specific route of its method that matches its path (see ``PathPattern``; a literal segment
/// beats a placeholder, earlier segments count first; on a tie an example's path beats a
/// documented path, which beats a `/me` alias; then the first in page order). The query is
/// ignored.
///
/// The route's page then answers with one of its examples for that method: the one whose
/// request URL has the most segments equal to the request's, then the one whose JSON request
/// body equals the request's, then the first. It is sent with the example's status, its header
/// fields (without `Content-Length`, which is computed) and its body without trailing white
/// space: strict JSON as written; JSON with the docs' liberties (`...`, comments, trailing
/// commas, unquoted keys) re-serialised as strict compact JSON with the placeholders left out;
/// anything else as written. A page with no example for the method answers with its documented
/// status and no body when it documents no response body, else with `501 notImplemented`.
///
/// Everything else gets a Graph-shaped error
/// (`{"error":{"code","message","innerError":{"date","request-id"}}}`): `404 UnknownRoute` for a
/// path no route matches, `405 methodNotAllowed` with an `Allow` header for a documented path
/// requested with another method.
public struct MockRouter: Sendable {
    /// How a route came to be.
    public enum Kind: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// `/me/...` for a documented `/users/{id}/...`, or the reverse.
        case alias = 1
        /// A `METHOD path` line of an HTTP request section.
        case documented = 2
        /// The path of a request example's URL.
        case example = 3

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .alias: return "alias"
            case .documented: return "documented"
            case .example: return "example"
            }
        }
    }

    /// One method and path the server answers.
    public struct Route: Sendable, Hashable {
        public var method: String
        public var path: PathPattern
        public var kind: Kind
        /// `docs/api/call-get.md:25`: the line that documents it.
        public var source: String
        public var operation: String?
        /// Index of the page in ``MockRouter/pages``.
        var page: Int
    }

    /// A request example with the response example that answers it.
    struct Exchange: Sendable, Hashable {
        var method: String
        /// Canonical segments of the example's URL; empty when the response has no request example.
        var segments: [String]
        /// The request body in canonical form, for comparison.
        var requestBody: String?
        var status: Int
        var headers: [MockHeader]
        var body: Data
        var source: String
    }

    /// The Response section of a page: the documented status, whether it documents a body, its line.
    struct DocumentedResponse: Sendable, Hashable {
        var status: Int?
        var hasBody: Bool
        var line: Int
    }

    /// What a route's page knows.
    struct PageRoutes: Sendable, Hashable {
        var path: String
        var exchanges: [Exchange]
        var response: DocumentedResponse?
    }

    /// Every route, in page order, documented paths before example paths before aliases of each page.
    public private(set) var routes: [Route] = []
    var pages: [PageRoutes] = []

    /// Routes for the operation pages among `pages`.
    ///
    /// - Parameters:
    ///   - model: names the operations in answers and log lines (matched by page and method).
    ///   - paths: the configuration's `paths` filter: documented paths it rejects are not served,
    ///     nor example paths that match only those; an example path that matches no documented
    ///     path of its page is served when the filter allows it.
    public init(pages: [Page], model: APIModel? = nil, paths: GlobFilter = GlobFilter()) {
        for page in pages {
            let exchanges = Self.exchanges(of: page)
            guard !page.httpRequests.isEmpty || !exchanges.isEmpty else { continue }
            let index = self.pages.count
            self.pages.append(PageRoutes(
                path: page.path, exchanges: exchanges,
                response: page.response.map { DocumentedResponse(status: $0.status, hasBody: $0.type != nil, line: $0.location.line) }))
            func operation(_ method: String) -> String? {
                model?.operations.first { $0.method.uppercased() == method && $0.source.hasPrefix(page.path + ":") }?.name
            }
            var own: [Route] = []
            var rejected: [(method: String, path: PathPattern)] = []
            func add(_ route: Route) {
                guard !own.contains(where: { $0.method == route.method && $0.path.segments == route.path.segments }) else { return }
                own.append(route)
            }
            for line in page.httpRequests {
                let method = line.method.uppercased()
                let pattern = PathPattern(line.path)
                guard paths.allows(line.path) else {
                    rejected.append((method, pattern))
                    continue
                }
                add(Route(method: method, path: pattern, kind: .documented, source: "\(page.path):\(line.location.line)",
                          operation: operation(method), page: index))
            }
            let documented = own
            for (exampleIndex, example) in page.examples.enumerated() where example.kind == .request {
                guard let method = example.method?.uppercased(), let url = example.url,
                      page.examples.contains(where: { $0.kind == .response && $0.requestIndex == exampleIndex })
                else { continue }
                let pattern = PathPattern(url)
                let segments = PathPattern.requestSegments(pattern.text)
                let kept = documented.contains { $0.method == method && $0.path.match(segments) != nil }
                let dropped = rejected.contains { $0.method == method && $0.path.match(segments) != nil }
                guard kept || (!dropped && paths.allows(pattern.text)) else { continue }
                add(Route(method: method, path: pattern, kind: .example, source: "\(page.path):\(example.annotationLocation.line)",
                          operation: operation(method), page: index))
            }
            for route in own where route.kind == .documented {
                guard let alias = route.path.meAlias() else { continue }
                var copy = route
                copy.path = alias
                copy.kind = .alias
                add(copy)
            }
            routes += own
        }
    }

    /// Routes for the pages of an analysis, operations named by its model.
    public init(analysis: Pipeline.Analysis, paths: GlobFilter = GlobFilter()) {
        self.init(pages: analysis.pages, model: analysis.model, paths: paths)
    }

    /// The number of examples the routes can answer with.
    public var exampleCount: Int { pages.reduce(0) { $0 + $1.exchanges.count } }

    /// The Graph error code for a path no route matches.
    public static let unknownRouteCode = "UnknownRoute"
    /// The Graph error code for a documented path requested with an undocumented method.
    public static let methodNotAllowedCode = "methodNotAllowed"
    /// The Graph error code for an operation whose page has no response example to send.
    public static let notImplementedCode = "notImplemented"

    /// The answer to `request`.
    ///
    /// - Parameters:
    ///   - requestId: the `request-id` of an error answer.
    ///   - date: the `date` of an error answer.
    public func answer(_ request: MockRequest, requestId: String = UUID().uuidString.lowercased(), date: Date = Date()) -> MockAnswer {
        let segments = PathPattern.requestSegments(request.target)
        var best: (route: Route, score: [Int])?
        var methods: Set<String> = []
        for route in routes {
            guard let score = route.path.match(segments) else { continue }
            methods.insert(route.method)
            guard route.method == request.method else { continue }
            if let current = best {
                let better = current.score.lexicographicallyPrecedes(score)
                    || (current.score == score && current.route.kind < route.kind)
                if !better { continue }
            }
            best = (route, score)
        }
        let path = "/" + segments.joined(separator: "/")
        guard let route = best?.route else {
            if methods.isEmpty {
                return error(404, Self.unknownRouteCode, "No documented request matches \(request.method) \(path).",
                             request: request, requestId: requestId, date: date)
            }
            let allowed = methods.sorted().joined(separator: ", ")
            var answer = error(405, Self.methodNotAllowedCode,
                               "The docs document \(allowed) for \(path), not \(request.method).",
                               request: request, requestId: requestId, date: date)
            answer.headers.append(MockHeader(name: "Allow", value: allowed))
            return answer
        }
        let page = pages[route.page]
        let candidates = page.exchanges.filter { $0.method == route.method }
        guard let exchange = Self.pick(candidates, segments: segments, body: request.body) else {
            if let response = page.response, !response.hasBody {
                return MockAnswer(status: response.status ?? 204, headers: [], body: Data(),
                                  source: "\(page.path):\(response.line)", operation: route.operation)
            }
            var answer = error(501, Self.notImplementedCode,
                               "\(page.path) has no response example for \(route.method) \(route.path.text).",
                               request: request, requestId: requestId, date: date)
            answer.operation = route.operation
            return answer
        }
        return MockAnswer(status: exchange.status, headers: exchange.headers, body: exchange.body,
                          source: exchange.source, operation: route.operation)
    }

    /// The example of `candidates` that answers: most segments equal to the request's, then the
    /// same JSON request body, then the first.
    static func pick(_ candidates: [Exchange], segments: [String], body: Data) -> Exchange? {
        guard !candidates.isEmpty else { return nil }
        let scores = candidates.map { similarity(segments, $0.segments) }
        let top = scores.max()!
        let tied = candidates.indices.filter { scores[$0] == top }.map { candidates[$0] }
        if tied.count > 1, let received = canonicalJSON(body) {
            if let same = tied.first(where: { $0.requestBody == received }) { return same }
        }
        return tied[0]
    }

    /// The number of equal segments, aligned at the start or at the end, whichever is more.
    static func similarity(_ lhs: [String], _ rhs: [String]) -> Int {
        let fromStart = zip(lhs, rhs).filter { $0 == $1 }.count
        let fromEnd = zip(lhs.reversed(), rhs.reversed()).filter { $0 == $1 }.count
        return max(fromStart, fromEnd)
    }

    // MARK: - Building

    /// The page's request examples that a response example answers, in page order; a response
    /// example with no request example before it counts for the page's only method.
    static func exchanges(of page: Page) -> [Exchange] {
        var result: [Exchange] = []
        var methods: [String] = []
        for line in page.httpRequests where !methods.contains(line.method.uppercased()) { methods.append(line.method.uppercased()) }
        var answered: Set<Int> = []
        for example in page.examples where example.kind == .response {
            let method: String
            var segments: [String] = []
            var requestBody: String?
            if let index = example.requestIndex, page.examples.indices.contains(index),
               let requestMethod = page.examples[index].method, let url = page.examples[index].url {
                // One response per request example: the first.
                guard answered.insert(index).inserted else { continue }
                method = requestMethod.uppercased()
                segments = PathPattern.requestSegments(PathPattern(url).text)
                requestBody = page.examples[index].body.map(canonical)
            } else if example.requestIndex == nil, methods.count == 1 {
                method = methods[0]
            } else {
                continue
            }
            let status = example.status ?? page.response?.status ?? 200
            let (body, isJSON) = status == 204 || status == 304 ? (Data(), false) : responseBody(example)
            var headers = example.headers
                .filter { !["content-length", "transfer-encoding", "connection"].contains($0.name.lowercased()) }
                .map { MockHeader(name: $0.name, value: $0.value) }
            if !body.isEmpty && !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                headers.append(MockHeader(name: "Content-Type", value: isJSON ? "application/json" : "text/plain; charset=utf-8"))
            }
            result.append(Exchange(method: method, segments: segments, requestBody: requestBody, status: status,
                                   headers: headers, body: body, source: "\(page.path):\(example.annotationLocation.line)"))
        }
        return result
    }

    /// The body to send for a response example, and whether it is JSON: strict JSON as written,
    /// lenient JSON as strict compact JSON (`...` placeholders left out), other text as written;
    /// trailing white space (the line break before the closing fence) left out.
    static func responseBody(_ example: Example) -> (Data, Bool) {
        guard var text = example.bodyText, text.contains(where: { !$0.isWhitespace }) else { return (Data(), false) }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        let start = text.first { !$0.isWhitespace }
        guard start == "{" || start == "[", let parsed = try? LenientJSON.parse(text) else {
            return (Data(text.utf8), false)
        }
        return parsed.issues.isEmpty ? (Data(text.utf8), true) : (Data(parsed.node.jsonText().utf8), true)
    }

    // MARK: - Errors

    /// A Graph-shaped error answer.
    func error(_ status: Int, _ code: String, _ message: String, request: MockRequest, requestId: String, date: Date) -> MockAnswer {
        var inner: [JSONMember] = [
            member("date", .string(Self.graphDate(date))),
            member("request-id", .string(requestId)),
        ]
        let clientRequestId = request.header("client-request-id")
        if let clientRequestId { inner.append(member("client-request-id", .string(clientRequestId))) }
        let body = JSONNode(value: .object([
            member("error", .object([
                member("code", .string(code)),
                member("message", .string(message)),
                member("innerError", .object(inner)),
            ])),
        ]))
        var headers = [MockHeader(name: "Content-Type", value: "application/json"), MockHeader(name: "request-id", value: requestId)]
        if let clientRequestId { headers.append(MockHeader(name: "client-request-id", value: clientRequestId)) }
        return MockAnswer(status: status, headers: headers, body: Data(body.jsonText().utf8), errorCode: code)
    }

    private func member(_ key: String, _ value: JSONNodeValue) -> JSONMember {
        JSONMember(key: key, keyPosition: JSONPosition(line: 1, column: 1), value: JSONNode(value: value))
    }

    /// `2024-05-01T09:30:00`, in UTC, as Graph writes `innerError.date`.
    static func graphDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    // MARK: - JSON comparison

    /// `data` as canonical JSON text, or nil when it is no JSON object or array.
    static func canonicalJSON(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let start = text.first { !$0.isWhitespace }
        guard start == "{" || start == "[", let parsed = try? LenientJSON.parse(text) else { return nil }
        return canonical(parsed.node)
    }

    /// JSON text with members sorted by key, numbers by value and placeholders left out, so
    /// that equal values give equal text.
    static func canonical(_ node: JSONNode) -> String {
        switch node.value {
        case .null, .bool, .string:
            return node.jsonText()
        case .number(let literal):
            return Double(literal).map { "\($0)" } ?? literal
        case .array(let elements):
            return "[" + elements.filter { !$0.isEllipsis }.map(canonical).joined(separator: ",") + "]"
        case .object(let members):
            let parts = members.filter { !$0.value.isEllipsis }
                .map { (JSONNode(value: .string($0.key)).jsonText(), canonical($0.value)) }
                .sorted { $0.0 < $1.0 }
                .map { $0.0 + ":" + $0.1 }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }
}
